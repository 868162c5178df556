package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.PartialSnapshot;
import dev.outreach.core.filter.SnapshotBuilder;
import dev.outreach.core.filter.SnapshotIndex;
import dev.outreach.core.internal.SharedValues;
import java.util.Arrays;
import java.util.List;

/**
 * The customers as the driver keeps them, each value met before shared (statuses, languages, dates,
 * amounts and custom values repeat across a book), put back in the source's order at the end: the
 * filters are chosen in that order, as the program chooses them. For a plan that only chooses
 * filters, only what filters read is kept, as columns ({@link SnapshotBuilder}), not customers, and
 * only of the customers a request may name; the others are counted, and asked about where they are
 * ({@link PartialSnapshot}).
 */
final class KeptCustomers {
  private static final int SHARED = 1 << 20;

  private final SharedValues seen = new SharedValues(SHARED);
  private final SnapshotBuilder filtered;
  private Customer[] customers;
  private long[] rows;
  int size;

  /**
   * Keeps whole customers, or only what filters read when {@code filtersOnly}; {@code expected}
   * customers or about as many (the source's rows), so the arrays need not grow.
   */
  KeptCustomers(boolean filtersOnly, int expected) {
    int n = Math.max(16, expected);
    this.filtered = filtersOnly ? SnapshotIndex.builder(n) : null;
    this.customers = filtersOnly ? null : new Customer[n];
    this.rows = new long[n];
  }

  /** Customers counted (kept or not) and their id bytes, for a partial snapshot. */
  private int counted;

  private long weight;

  /** How many customers were counted for a partial snapshot, kept here or not. */
  int counted() {
    return counted;
  }

  /** Counts a customer of the snapshot that is not kept here. */
  void count(String loanId) {
    counted++;
    weight += PartialSnapshot.weight(loanId);
  }

  void add(long row, Customer c) {
    if (filtered != null) {
      count(c.loanId());
    }
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
      if (customers != null) {
        customers = Arrays.copyOf(customers, size * 2);
      }
    }
    if (filtered != null) {
      filtered.add(c);
    } else {
      customers[size] = seen.share(c);
    }
    rows[size++] = row;
  }

  /**
   * The snapshot of every customer counted, those kept indexed here by what filters read, in the
   * source's order, and the others asked of {@code engine}.
   */
  PartialSnapshot partial(long[] firstRow, PartialSnapshot.Engine engine) {
    int[] position = new int[size];
    for (int k = 0; k < size; k++) {
      position[k] = SparkSnapshot.position(rows[k], firstRow);
    }
    rows = null;
    int[] sorted = position.clone();
    Arrays.sort(sorted);
    SnapshotIndex known = filtered.build(k -> Arrays.binarySearch(sorted, position[k]));
    return PartialSnapshot.of(counted, weight, known, sorted, engine);
  }

  /**
   * Each customer's place among the customers in the source's order (its row's number less one,
   * unless rows without a customer, such as blank lines, come before it).
   */
  private int[] places(long[] firstRow) {
    long[] number = new long[size];
    boolean gaps = false;
    for (int k = 0; k < size; k++) {
      number[k] = SparkPlanning.number(rows[k], firstRow);
      gaps |= number[k] > size;
    }
    rows = null;
    long[] sorted = gaps ? number.clone() : null;
    if (gaps) {
      Arrays.sort(sorted);
    }
    int[] at = new int[size];
    for (int k = 0; k < size; k++) {
      at[k] = gaps ? Arrays.binarySearch(sorted, number[k]) : (int) (number[k] - 1);
    }
    return at;
  }

  List<Customer> inSourceOrder(long[] firstRow) {
    Customer[] out = new Customer[size];
    int[] at = places(firstRow);
    for (int i = 0; i < size; i++) {
      out[at[i]] = customers[i];
    }
    customers = null;
    rows = null;
    return Arrays.asList(out);
  }
}
