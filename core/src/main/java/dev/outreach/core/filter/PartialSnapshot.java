package dev.outreach.core.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * A campaign snapshot that stays where its customers are (say in Spark's partitions), for a filter
 * compiler that reads few of them. The customers the requests name are kept here, as an index of
 * what filters read ({@link SnapshotIndex#builder}); anything about the others is asked of an
 * {@link Engine}, in rounds, as {@link Question}s: how many customers of the whole snapshot one
 * attribute constraint selects, or of those sharing one value of an attribute, and the bytes of
 * their loan ids (sums over the snapshot), and, only once the search has paid for them, which
 * customers those are: their positions, and for those not kept here their loan ids and how each
 * constraint the search may still add (its probes) fares on them, a bit each. No customer not kept
 * here is ever held whole.
 *
 * <p>The compiler makes the same choices as over a {@link SnapshotIndex} of the whole snapshot, so
 * the plan has the same bytes: {@link FilterCompiler#attempt} compiles a group with the answers
 * known so far, returning null (and leaving questions here) when it met one not known yet; {@link
 * #answer} then asks them all at once, and the group is attempted again. What is listed is bounded
 * by the search budget, which grows with the audiences, never with the snapshot.
 */
public final class PartialSnapshot {
  /** Where the snapshot's customers are. */
  public interface Engine {
    /**
     * Answers {@code questions} over every customer of the snapshot: for question {@code i}, {@link
     * Answers#counted} the customers it {@link Question#selects} and their id bytes ({@link
     * PartialSnapshot#weight}), as one sum or as partial sums; and when it {@link Question#lists},
     * also {@link Answers#listed} each of those customers with its position and, unless the
     * snapshot keeps it ({@link Answers#kept}), its loan id and {@link Question#probe}.
     */
    void answer(List<Question> questions, Answers answers);
  }

  private final int size;
  private final long totalWeight;
  private final SnapshotIndex known;
  private final int[] knownAt;
  private final int[] places; // the place in known + 1 of each kept position, 0 for none
  private final int shift;
  private final Engine engine;
  private final Map<String, long[]> counts = new ConcurrentHashMap<>(); // count, id bytes
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  private final Map<String, Question> asked = new ConcurrentHashMap<>();
  private int rounds;
  private long listed;

  private PartialSnapshot(
      int size, long totalWeight, SnapshotIndex known, int[] knownAt, Engine engine) {
    this.size = size;
    this.totalWeight = totalWeight;
    this.known = known;
    this.knownAt = knownAt;
    this.engine = engine;
    // Places by position, open addressing, at most half full: read for every customer the search
    // reads (two lookups, where a binary search of millions takes twenty-odd).
    int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(2L * knownAt.length));
    this.places = new int[Math.toIntExact(1L << bits)];
    this.shift = 32 - bits;
    for (int k = 0; k < knownAt.length; k++) {
      int h = slot(knownAt[k]);
      while (places[h] != 0) {
        h = (h + 1) & (places.length - 1);
      }
      places[h] = k + 1;
    }
  }

  /**
   * A snapshot of {@code size} customers whose loan ids take {@code totalWeight} bytes in an id
   * list, of which {@code known} are kept here: the customer at position {@code k} of {@code known}
   * is at {@code positions[k]} of the snapshot (ascending; the snapshot's positions may leave gaps,
   * but their order is the snapshot's order, which decides which filters are chosen). {@code known}
   * must hold every customer an audience to compile names.
   *
   * @throws IllegalArgumentException if the positions are not one per known customer, ascending
   */
  public static PartialSnapshot of(
      int size, long totalWeight, SnapshotIndex known, int[] positions, Engine engine) {
    Objects.requireNonNull(known, "known == null");
    Objects.requireNonNull(engine, "engine == null");
    if (positions.length != known.size() || size < known.size()) {
      throw new IllegalArgumentException(
          "positions: "
              + positions.length
              + " for "
              + known.size()
              + " known customers of a snapshot of "
              + size);
    }
    for (int k = 1; k < positions.length; k++) {
      if (positions[k] <= positions[k - 1]) {
        throw new IllegalArgumentException("positions must ascend: " + positions[k] + " at " + k);
      }
    }
    return new PartialSnapshot(size, totalWeight, known, positions.clone(), engine);
  }

  /** The bytes loan id {@code loanId} takes in an id list: the id, its quotes and a comma. */
  public static int weight(String loanId) {
    return loanId.length() + 3;
  }

  /** How many customers the snapshot has. */
  public int size() {
    return size;
  }

  /** How many rounds of questions were answered so far. */
  public int rounds() {
    return rounds;
  }

  /** How many customers answers listed so far (each time a question listed them). */
  public long listed() {
    return listed;
  }

  /**
   * Asks the engine every question attempts left since the last round, in one round; false when
   * none was left.
   *
   * @throws IllegalStateException if the engine's answers do not add up (a question not counted, or
   *     listing other than the customers it counted, or a customer not kept without its loan id)
   */
  public boolean answer() {
    if (asked.isEmpty()) {
      return false;
    }
    List<Question> questions = new ArrayList<>(new TreeMap<>(asked).values());
    asked.clear();
    int[] expected = new int[questions.size()];
    for (int i = 0; i < expected.length; i++) {
      long[] c = counts.get(questions.get(i).key()); // a listing is asked once counted
      expected[i] = c == null ? size : (int) c[0];
    }
    Answers to = new Answers(questions, knownAt, expected);
    engine.answer(List.copyOf(questions), to);
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      if (!to.counted[i]) {
        throw new IllegalStateException("internal error: the engine did not count " + q);
      }
      counts.putIfAbsent(q.key(), new long[] {to.count[i], to.weight[i]});
      if (q.lists()) {
        Listing l = to.listing(i, q);
        if (l.members.length != to.count[i]) {
          throw new IllegalStateException(
              "internal error: the engine listed "
                  + l.members.length
                  + " customers for "
                  + q
                  + " and counted "
                  + to.count[i]);
        }
        listed += l.members.length;
        listings.put(q.listingKey(), l);
      }
    }
    rounds++;
    return true;
  }

  /** A view for one attempt at one group, on one thread. */
  Attempt attempt() {
    return new Attempt();
  }

  /** The place in {@code known} of the customer at {@code position}, -1 when not kept here. */
  private int local(int position) {
    for (int h = slot(position); ; h = (h + 1) & (places.length - 1)) {
      int k = places[h] - 1;
      if (k < 0 || knownAt[k] == position) {
        return k;
      }
    }
  }

  private int slot(int position) {
    return (position * 0x9E3779B9) >>> shift; // Fibonacci hashing: the high bits
  }

  /** What an engine tells {@link PartialSnapshot#answer}. */
  public static final class Answers {
    private final List<Question> questions;
    private final int[] knownAt;
    private final long[] count;
    private final long[] weight;
    private final boolean[] counted;
    private final Listing.Builder[] listings;

    private Answers(List<Question> questions, int[] knownAt, int[] expected) {
      int n = questions.size();
      this.questions = questions;
      this.knownAt = knownAt;
      count = new long[n];
      weight = new long[n];
      counted = new boolean[n];
      listings = new Listing.Builder[n];
      for (int i = 0; i < n; i++) {
        listings[i] =
            questions.get(i).lists()
                ? new Listing.Builder(questions.get(i).words(), expected[i])
                : null;
      }
    }

    /** Adds {@code count} customers with {@code weight} id bytes to question {@code question}. */
    public synchronized void counted(int question, long count, long weight) {
      this.count[question] += count;
      this.weight[question] += weight;
      counted[question] = true;
    }

    /**
     * The customer at {@code position} of the snapshot is one question {@code question} lists: with
     * its loan id and how the question's probes fare on it ({@link Question#probe}), or both null
     * when the snapshot keeps that customer ({@link #kept}).
     */
    public synchronized void listed(int question, int position, String loanId, long[] probes) {
      Listing.Builder to = listings[question];
      if (to == null) {
        throw new IllegalStateException(
            "internal error: the engine listed customers for " + questions.get(question));
      }
      if (Arrays.binarySearch(knownAt, position) >= 0) {
        to.kept(position);
      } else if (loanId == null
          || probes == null
          || probes.length != questions.get(question).words()) {
        throw new IllegalStateException(
            "internal error: the engine listed position "
                + position
                + " without its loan id and probes for "
                + questions.get(question));
      } else {
        to.other(position, loanId, probes);
      }
    }

    /**
     * The positions of the customers the snapshot keeps, ascending: listing them needs no loan id.
     * The same array every round; not to be changed.
     */
    public int[] kept() {
      return knownAt;
    }

    private Listing listing(int i, Question q) {
      Listing l = listings[i].build(q.probes(), q);
      listings[i] = null;
      return l;
    }
  }

  /**
   * The snapshot as one attempt reads it: what is not known yet reads as nothing, and the attempt
   * is then incomplete, its question left for the next round. A customer not kept here is read only
   * through a listing this attempt was given: its loan id, and how the listing's probes fare on it.
   */
  final class Attempt implements Snapshot {
    private boolean complete = true;
    private final List<Listing> used = new ArrayList<>(2);

    /** Whether the attempt read only what was known: its result then stands. */
    boolean complete() {
      return complete;
    }

    /**
     * Lets go of the listings this complete attempt read: the listings are the largest answers, and
     * another group reading one again asks for it again.
     */
    void release() {
      for (Listing l : used) {
        listings.remove(l.key, l);
      }
      used.clear();
    }

    private void ask(Question q) {
      complete = false;
      asked.putIfAbsent(q.listingKey(), q);
    }

    private long[] counted(Question q) {
      long[] a = counts.get(q.key());
      if (a == null) {
        ask(q);
      }
      return a;
    }

    /**
     * The members, once counted (the search pays for them by their count first), to be tested with
     * {@code probes}.
     */
    private int[] listed(Question q, List<Filters> probes) {
      if (!q.key().equals("*") && counted(q) == null) {
        return new int[0];
      }
      Question listing = q.listing(probes);
      Listing l = listings.get(listing.listingKey());
      if (l == null) {
        ask(listing);
        return new int[0];
      }
      used.add(l);
      return l.members;
    }

    /** The listing this attempt was given that has {@code position} among those not kept. */
    private Listing listingOf(int position) {
      for (int i = used.size() - 1; i >= 0; i--) {
        if (used.get(i).other(position) >= 0) {
          return used.get(i);
        }
      }
      throw new IllegalStateException(
          "internal error: position " + position + " was never given to the compiler");
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public long totalWeight() {
      return totalWeight;
    }

    @Override
    public String loanId(int position) {
      int k = local(position);
      if (k >= 0) {
        return known.loanId(k);
      }
      Listing l = listingOf(position);
      return l.loanId(l.other(position));
    }

    @Override
    public int position(String loanId) {
      int k = known.position(loanId);
      if (k < 0) {
        throw new IllegalStateException(
            "internal error: an audience names a customer the snapshot did not keep");
      }
      return knownAt[k];
    }

    @Override
    public int weight(int position) {
      return PartialSnapshot.weight(loanId(position));
    }

    @Override
    public SortedSet<String> customKeys(int position) {
      return known.customKeys(kept(position));
    }

    @Override
    public IntUnaryOperator valueIds(String attribute) {
      IntUnaryOperator ids = known.view().valueIds(attribute);
      return p -> ids.applyAsInt(kept(p));
    }

    @Override
    public Object value(String attribute, int id) {
      return known.view().value(attribute, id);
    }

    @Override
    public LocalDate dueDate(int position) {
      return known.view().dueDate(kept(position));
    }

    @Override
    public BigDecimal amount(int position) {
      return known.view().amount(kept(position));
    }

    /** The known customer's place in {@code known}: only an audience's customers are read so. */
    private int kept(int position) {
      int k = local(position);
      if (k < 0) {
        throw new IllegalStateException(
            "internal error: position " + position + " is read as an audience's, and was not kept");
      }
      return k;
    }

    @Override
    public Selection select(Filters part) {
      Question q = Question.constraint(part);
      String probe = q.filters(); // the JSON a listing's probes are named by
      IntPredicate here = known.view().select(part).test();
      return asked(
          q,
          p -> {
            int k = local(p);
            return k >= 0 ? here.test(k) : probed(p, probe);
          });
    }

    /** The selection of {@code q}: its count and id bytes once answered (none until then). */
    private Selection asked(Question q, IntPredicate test) {
      return new Selection(
          () -> {
            long[] a = counted(q);
            return a == null ? 0 : Math.toIntExact(a[0]);
          },
          () -> {
            long[] a = counted(q);
            return a == null ? 0 : a[1];
          },
          test,
          probes -> listed(q, probes));
    }

    /** How {@code probe} fared on the customer at {@code position}, which is not kept here. */
    private boolean probed(int position, String probe) {
      for (int i = used.size() - 1; i >= 0; i--) {
        Listing l = used.get(i);
        int k = l.other(position);
        Boolean probed = k < 0 ? null : l.probed(k, probe);
        if (probed != null) {
          return probed;
        }
      }
      throw new IllegalStateException(
          "internal error: position " + position + " was not listed with " + probe);
    }

    @Override
    public Selection withValue(String attribute, int id) {
      // only counted and listed: the compiler tests the part's own constraints on these customers
      return asked(Question.equalTo(attribute, known.view().value(attribute, id)), null);
    }

    @Override
    public Selection within(String attribute, int id, Filters part) {
      return asked(Question.within(attribute, known.view().value(attribute, id), part), null);
    }

    @Override
    public int[] everyone(List<Filters> probes) {
      return listed(Question.everyone(), probes); // its count is the snapshot's size
    }
  }
}
