package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.SharedValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * Builds a {@link SnapshotIndex} customer by customer, keeping only what filters read, as columns:
 * each customer's loan id and a reference per attribute, repeated values shared. For an engine that
 * streams customers in loan-id order (say from Spark's sorted partitions) and would otherwise hold
 * every whole customer until the plan is made.
 *
 * <pre>{@code
 * SnapshotBuilder b = SnapshotIndex.builder();
 * customersInLoanIdOrder.forEach(b::add);
 * SnapshotIndex index = b.build(k -> positionInPortfolio(k));
 * }</pre>
 */
public final class SnapshotBuilder {
  /** Distinct values shared at most: beyond, a value seen again is kept as it came. */
  private static final int SHARED = 1 << 20;

  private final SharedValues seen = new SharedValues(SHARED);
  private final TreeMap<String, Sparse> custom = new TreeMap<>();
  private String[] ids;
  private Object[] status;
  private Object[] language;
  private LocalDate[] dates;
  private BigDecimal[] amounts;
  private int size;
  private boolean built;

  SnapshotBuilder(int capacity) {
    ids = new String[capacity];
    status = new Object[capacity];
    language = new Object[capacity];
    dates = new LocalDate[capacity];
    amounts = new BigDecimal[capacity];
  }

  /**
   * Adds {@code c}'s loan id and the attributes filters read; customers come in loan-id order
   * ({@link String#compareTo}), each once.
   *
   * @throws IllegalArgumentException if {@code c}'s loan id is not after the last one added
   */
  public void add(Customer c) {
    if (built) {
      throw new IllegalStateException("the index was already built");
    }
    String id = c.loanId();
    if (size > 0 && ids[size - 1].compareTo(id) >= 0) {
      throw new IllegalArgumentException(
          ids[size - 1].equals(id)
              ? "the snapshot has loan id " + id + " more than once"
              : "customers must come in loan id order: " + id + " after " + ids[size - 1]);
    }
    if (size == ids.length) {
      int n = size * 2;
      ids = Arrays.copyOf(ids, n);
      status = Arrays.copyOf(status, n);
      language = Arrays.copyOf(language, n);
      dates = Arrays.copyOf(dates, n);
      amounts = Arrays.copyOf(amounts, n);
    }
    ids[size] = id;
    status[size] = shared(c.paymentStatus());
    language[size] = shared(c.language());
    dates[size] = (LocalDate) shared(c.emiDueDate());
    amounts[size] = (BigDecimal) shared(c.emiAmount());
    for (Map.Entry<String, Object> e : c.custom().entrySet()) {
      custom.computeIfAbsent(e.getKey(), k -> new Sparse()).add(size, shared(e.getValue()));
    }
    size++;
  }

  /** How many customers were added. */
  public int size() {
    return size;
  }

  /**
   * The index, its customers in the snapshot's order (the order filters are chosen in): {@code
   * position} gives the place there of the {@code k}-th customer added (from 0), each place once.
   *
   * @throws IllegalArgumentException if {@code position} is not a permutation of the customers
   */
  public SnapshotIndex build(IntUnaryOperator position) {
    Objects.requireNonNull(position, "position == null");
    if (built) {
      throw new IllegalStateException("the index was already built");
    }
    built = true;
    int n = size;
    int[] at = new int[n];
    String[] idAt = new String[n];
    for (int k = 0; k < n; k++) {
      int p = position.applyAsInt(k);
      if (p < 0 || p >= n || idAt[p] != null) {
        throw new IllegalArgumentException(
            "customer " + k + " of " + n + " has position " + p + ", out of range or taken");
      }
      at[k] = p;
      idAt[p] = ids[k];
    }
    ids = null;
    Object[] st = permuted(status, at, new Object[n]);
    status = null;
    Object[] lang = permuted(language, at, new Object[n]);
    language = null;
    LocalDate[] due = permuted(dates, at, new LocalDate[n]);
    dates = null;
    BigDecimal[] amount = permuted(amounts, at, new BigDecimal[n]);
    amounts = null;
    seen.clear();
    TreeMap<String, Sparse> keys = new TreeMap<>();
    custom.forEach((k, s) -> keys.put(k, s.placed(at)));
    custom.clear();
    return SnapshotIndex.over(new Columns(idAt, at, st, lang, due, amount, keys));
  }

  private static <T> T[] permuted(T[] byArrival, int[] at, T[] out) {
    for (int k = 0; k < at.length; k++) {
      out[at[k]] = byArrival[k];
    }
    return out;
  }

  private Object shared(Object v) {
    return seen.shared(v);
  }

  /** One custom key's values, for the customers that have it. */
  private static final class Sparse {
    private int[] who = new int[16]; // arrival order, then positions, ascending
    private Object[] values = new Object[16];
    private int size;

    void add(int k, Object v) {
      if (size == who.length) {
        who = Arrays.copyOf(who, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      who[size] = k;
      values[size++] = v;
    }

    /** This key by position, ascending. */
    Sparse placed(int[] at) {
      long[] keys = new long[size];
      for (int j = 0; j < size; j++) {
        keys[j] = ((long) at[who[j]] << 32) | j;
      }
      Arrays.sort(keys);
      Sparse out = new Sparse();
      out.who = new int[size];
      out.values = new Object[size];
      out.size = size;
      for (int j = 0; j < size; j++) {
        out.who[j] = (int) (keys[j] >>> 32);
        out.values[j] = values[(int) keys[j]];
      }
      return out;
    }

    boolean has(int position) {
      return Arrays.binarySearch(who, 0, size, position) >= 0;
    }
  }

  /** The columns built: each attribute handed to the index once, when it is indexed. */
  private static final class Columns implements SnapshotSource {
    private final String[] idAt;
    private final int[] byLoanId; // positions in loan id order
    private final TreeMap<String, Sparse> custom;
    private Object[] status;
    private Object[] language;
    private LocalDate[] dates;
    private BigDecimal[] amounts;

    Columns(
        String[] idAt,
        int[] byLoanId,
        Object[] status,
        Object[] language,
        LocalDate[] dates,
        BigDecimal[] amounts,
        TreeMap<String, Sparse> custom) {
      this.idAt = idAt;
      this.byLoanId = byLoanId;
      this.status = status;
      this.language = language;
      this.dates = dates;
      this.amounts = amounts;
      this.custom = custom;
    }

    @Override
    public int size() {
      return idAt.length;
    }

    @Override
    public String loanId(int position) {
      return idAt[position];
    }

    @Override
    public int position(String loanId) {
      int lo = 0;
      int hi = byLoanId.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = idAt[byLoanId[mid]].compareTo(loanId);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return byLoanId[mid];
        }
      }
      return -1;
    }

    @Override
    public synchronized Object[] values(String attribute) {
      Object[] out;
      switch (attribute) {
        case "payment_status":
          out = status;
          status = null;
          break;
        case "language":
          out = language;
          language = null;
          break;
        default:
          Sparse s = custom.get(attribute.substring("custom.".length()));
          out = new Object[idAt.length];
          if (s != null) {
            for (int j = 0; j < s.size; j++) {
              out[s.who[j]] = s.values[j];
            }
            s.values = null; // the index keeps them now; who stays, to tell who has the key
          }
      }
      return Objects.requireNonNull(out, "read twice: " + attribute);
    }

    @Override
    public synchronized LocalDate[] dates() {
      LocalDate[] out = Objects.requireNonNull(dates, "read twice: emi_due_date");
      dates = null;
      return out;
    }

    @Override
    public synchronized BigDecimal[] amounts() {
      BigDecimal[] out = Objects.requireNonNull(amounts, "read twice: emi_amount");
      amounts = null;
      return out;
    }

    @Override
    public SortedSet<String> customKeys(int position) {
      TreeSet<String> out = new TreeSet<>();
      custom.forEach(
          (k, s) -> {
            if (s.has(position)) {
              out.add(k);
            }
          });
      return out;
    }
  }
}
