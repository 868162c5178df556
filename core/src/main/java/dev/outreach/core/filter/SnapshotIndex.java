package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

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
  private final SnapshotSource source;
  private final int[] weight;
  private final long totalWeight;
  private final Map<String, Column> columns = new ConcurrentHashMap<>();
  private final Object datesLock = new Object();
  private final Object amountsLock = new Object();
  private volatile RangeColumn<LocalDate> dates; // built under datesLock
  private volatile RangeColumn<BigDecimal> amounts; // built under amountsLock

  private SnapshotIndex(SnapshotSource source) {
    this.source = source;
    this.weight = new int[source.size()];
    long total = 0;
    for (int i = 0; i < weight.length; i++) {
      weight[i] = source.loanId(i).length() + 3; // in an id list: the quotes and a comma
      total += weight[i];
    }
    this.totalWeight = total;
  }

  /** Indexes {@code customers} (no loan id twice), in their order. */
  public static SnapshotIndex of(List<Customer> customers) {
    return new SnapshotIndex(
        new PortfolioSource(Objects.requireNonNull(customers, "customers == null")));
  }

  /** A builder that keeps only what filters read, not the customers themselves. */
  public static SnapshotBuilder builder() {
    return new SnapshotBuilder(1024);
  }

  /** {@link #builder()}, for about {@code expected} customers (its arrays then need not grow). */
  public static SnapshotBuilder builder(int expected) {
    return new SnapshotBuilder(Math.max(16, expected));
  }

  static SnapshotIndex over(SnapshotSource source) {
    return new SnapshotIndex(source);
  }

  /** The loan id of the customer at {@code position}. */
  public String loanId(int position) {
    return source.loanId(position);
  }

  /** The position of {@code loanId}, or -1 when the snapshot lacks it. */
  public int position(String loanId) {
    return source.position(loanId);
  }

  /** How many customers the snapshot has. */
  public int size() {
    return weight.length;
  }

  /** The custom keys of the customer at {@code position}, sorted. */
  java.util.SortedSet<String> customKeys(int position) {
    return source.customKeys(position);
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
    if (size() > 0) {
      customKeys(0).forEach(k -> out.add("custom." + k));
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
    if (!attribute.equals("payment_status")
        && !attribute.equals("language")
        && !attribute.startsWith("custom.")) {
      throw new IllegalArgumentException("not an equality attribute: " + attribute);
    }
    return columns.computeIfAbsent(attribute, a -> new Column(source.values(a), weight));
  }

  /** The {@code emi_due_date} column. */
  RangeColumn<LocalDate> dates() {
    RangeColumn<LocalDate> d = dates;
    if (d != null) {
      return d;
    }
    synchronized (datesLock) {
      if (dates == null) {
        dates = new RangeColumn<>(source.dates(), weight);
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
        amounts = new RangeColumn<>(source.amounts(), weight);
      }
      return amounts;
    }
  }

  /** This index as the compiler reads a snapshot. */
  Snapshot view() {
    return view;
  }

  private final Snapshot view =
      new Snapshot() {
        @Override
        public int size() {
          return SnapshotIndex.this.size();
        }

        @Override
        public long totalWeight() {
          return totalWeight;
        }

        @Override
        public String loanId(int position) {
          return source.loanId(position);
        }

        @Override
        public int position(String loanId) {
          return source.position(loanId);
        }

        @Override
        public int weight(int position) {
          return weight[position];
        }

        @Override
        public java.util.SortedSet<String> customKeys(int position) {
          return source.customKeys(position);
        }

        @Override
        public IntUnaryOperator valueIds(String attribute) {
          return column(attribute)::valueId;
        }

        @Override
        public Object value(String attribute, int id) {
          return column(attribute).value(id);
        }

        @Override
        public LocalDate dueDate(int position) {
          return dates().value(position);
        }

        @Override
        public BigDecimal amount(int position) {
          return amounts().value(position);
        }

        @Override
        public Selection select(Filters part) {
          return constraints(part).get(0);
        }

        @Override
        public Selection withValue(String attribute, int id) {
          Column column = column(attribute);
          int[] members = column.membersOf(id);
          return new Selection(members.length, column.weightOf(id), null, () -> members);
        }

        @Override
        public Selection within(String attribute, int id, Filters part) {
          int[] scope = column(attribute).membersOf(id);
          IntPredicate test = select(part).test();
          int count = 0;
          long bytes = 0;
          for (int p : scope) {
            if (test.test(p)) {
              count++;
              bytes += weight[p];
            }
          }
          int n = count;
          return new Selection(
              n,
              bytes,
              null,
              () -> {
                int[] out = new int[n];
                int k = 0;
                for (int p : scope) {
                  if (test.test(p)) {
                    out[k++] = p;
                  }
                }
                return out;
              });
        }

        @Override
        public int[] everyone(List<Filters> probes) {
          int[] all = new int[size()];
          java.util.Arrays.setAll(all, i -> i);
          return all;
        }
      };

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
