package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A campaign snapshot indexed by attribute, once per plan, so that the customers a filter
 * constraint selects are found by probing (value to customers, range to a run of sorted customers)
 * rather than by applying the filter to every customer. Customers are named by their position in
 * the snapshot.
 *
 * <p>Columns are built on first use, each in one pass over the snapshot; safe to use from several
 * threads (the planner compiles groups and proves steps in parallel).
 */
public final class SnapshotIndex {
  private final List<Customer> customers;
  private final Map<String, Integer> positions;
  private final int[] weight;
  private final long totalWeight;
  private final Map<String, Column> columns = new ConcurrentHashMap<>();
  private final Object datesLock = new Object();
  private final Object amountsLock = new Object();
  private volatile RangeColumn<LocalDate> dates; // built under datesLock
  private volatile RangeColumn<BigDecimal> amounts; // built under amountsLock

  private SnapshotIndex(List<Customer> customers) {
    this.customers = List.copyOf(customers);
    this.positions = new HashMap<>(customers.size() * 2);
    this.weight = new int[customers.size()];
    long total = 0;
    for (int i = 0; i < customers.size(); i++) {
      String id = customers.get(i).loanId();
      if (positions.putIfAbsent(id, i) != null) {
        throw new IllegalArgumentException("the snapshot has loan id " + id + " more than once");
      }
      weight[i] = id.length() + 3; // in an id list: the quotes and a comma
      total += weight[i];
    }
    this.totalWeight = total;
  }

  /** Indexes {@code customers} (no loan id twice). */
  public static SnapshotIndex of(List<Customer> customers) {
    return new SnapshotIndex(Objects.requireNonNull(customers, "customers == null"));
  }

  /** The snapshot, in the order given. */
  public List<Customer> customers() {
    return customers;
  }

  /** The customer at {@code position}. */
  public Customer customer(int position) {
    return customers.get(position);
  }

  /** The position of {@code loanId}, or -1 when the snapshot lacks it. */
  public int position(String loanId) {
    Integer p = positions.get(loanId);
    return p == null ? -1 : p;
  }

  int size() {
    return customers.size();
  }

  /**
   * The attributes filters may constrain here: {@code payment_status}, {@code language}, {@code
   * emi_due_date}, {@code emi_amount} and {@code custom.KEY} for each custom key of the first
   * customer (the keys a compact filter can use, as every member must have them). Each is indexed
   * on first use; {@link #build} indexes one ahead of time, so that several threads can share the
   * work.
   */
  public List<String> attributes() {
    List<String> out =
        new ArrayList<>(List.of("payment_status", "language", "emi_due_date", "emi_amount"));
    if (!customers.isEmpty()) {
      new java.util.TreeSet<>(customers.get(0).custom().keySet())
          .forEach(k -> out.add("custom." + k));
    }
    return out;
  }

  /** Indexes {@code attribute}, one of {@link #attributes()}, unless it already is. */
  public void build(String attribute) {
    switch (attribute) {
      case "emi_due_date":
        dates();
        break;
      case "emi_amount":
        amounts();
        break;
      default:
        column(attribute);
    }
  }

  int weight(int position) {
    return weight[position];
  }

  long totalWeight() {
    return totalWeight;
  }

  /**
   * The positions, ascending, of the customers satisfying the most selective attribute constraint
   * of {@code f} (any customer {@code f} selects is among them), or null when {@code f} constrains
   * no attribute (ids and exclude_ids aside).
   */
  public int[] narrowest(Filters f) {
    Selection best = null;
    for (Selection s : constraints(f)) {
      if (best == null || s.count() < best.count()) {
        best = s;
      }
    }
    return best == null ? null : best.members().get();
  }

  /** One selection per attribute constraint of {@code f} (ids and exclude_ids aside). */
  List<Selection> constraints(Filters f) {
    List<Selection> out = new ArrayList<>(2);
    if (f.paymentStatus() != null) {
      out.add(equal(column("payment_status"), f.paymentStatus()));
    }
    if (f.language() != null) {
      out.add(equal(column("language"), f.language()));
    }
    if (f.emiDueDate() != null) {
      out.add(range(dates(), f.emiDueDate().from(), f.emiDueDate().to()));
    }
    if (f.emiAmount() != null) {
      out.add(range(amounts(), f.emiAmount().min(), f.emiAmount().max()));
    }
    if (f.custom() != null) {
      f.custom().forEach((k, values) -> out.add(equal(column("custom." + k), values)));
    }
    return out;
  }

  /**
   * The equality column of {@code attribute}: {@code payment_status}, {@code language} or {@code
   * custom.KEY}.
   */
  Column column(String attribute) {
    Column c = columns.get(attribute);
    if (c != null) {
      return c;
    }
    switch (attribute) {
      case "payment_status":
        return column(attribute, Customer::paymentStatus);
      case "language":
        return column(attribute, Customer::language);
      default:
        if (!attribute.startsWith("custom.")) {
          throw new IllegalArgumentException("not an equality attribute: " + attribute);
        }
        String key = attribute.substring("custom.".length());
        return column(attribute, x -> x.custom().get(key));
    }
  }

  private Column column(String attribute, Function<Customer, Object> get) {
    Column c = columns.get(attribute);
    return c != null
        ? c
        : columns.computeIfAbsent(
            attribute,
            a -> {
              Object[] raw = new Object[customers.size()];
              for (int i = 0; i < raw.length; i++) {
                raw[i] = get.apply(customers.get(i));
              }
              return new Column(raw, weight);
            });
  }

  /** The {@code emi_due_date} column. */
  RangeColumn<LocalDate> dates() {
    RangeColumn<LocalDate> d = dates;
    if (d != null) {
      return d;
    }
    synchronized (datesLock) {
      if (dates == null) {
        LocalDate[] v = new LocalDate[customers.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = customers.get(i).emiDueDate();
        }
        dates = new RangeColumn<>(v, weight);
      }
      return dates;
    }
  }

  /** The {@code emi_amount} column. */
  RangeColumn<BigDecimal> amounts() {
    RangeColumn<BigDecimal> a = amounts;
    if (a != null) {
      return a;
    }
    synchronized (amountsLock) {
      if (amounts == null) {
        BigDecimal[] v = new BigDecimal[customers.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = customers.get(i).emiAmount();
        }
        amounts = new RangeColumn<>(v, weight);
      }
      return amounts;
    }
  }

  private static Selection equal(Column column, List<?> allowed) {
    BitSet ids = column.matching(allowed);
    return new Selection(
        column.count(ids), column.weight(ids), column.test(ids), () -> column.members(ids));
  }

  private static <T extends Comparable<? super T>> Selection range(
      RangeColumn<T> column, T from, T to) {
    int lo = column.lower(from);
    int hi = Math.max(lo, column.upper(to));
    return new Selection(
        hi - lo, column.weight(lo, hi), column.test(from, to), () -> column.members(lo, hi));
  }
}
