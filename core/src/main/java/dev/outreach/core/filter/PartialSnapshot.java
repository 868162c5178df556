package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * A campaign snapshot that stays where its customers are (say in Spark's partitions), for a filter
 * compiler that reads few of them. The customers the requests name are kept here, as an index of
 * what filters read ({@link SnapshotIndex#builder}); anything about the others is asked of an
 * {@link Engine}, in rounds, as {@link Question}s: how many customers of the whole snapshot one
 * attribute constraint selects and the bytes of their loan ids (sums over the snapshot), and, only
 * once the search has paid for them, which customers those are.
 *
 * <p>The compiler makes the same choices as over a {@link SnapshotIndex} of the whole snapshot, so
 * the plan has the same bytes: {@link FilterCompiler#attempt} compiles a group with the answers
 * known so far, returning null (and leaving questions here) when it met one not known yet; {@link
 * #answer} then asks them all at once, and the group is attempted again. What is fetched is bounded
 * by the search budget, which grows with the audiences, never with the snapshot.
 */
public final class PartialSnapshot {
  /** Where the snapshot's customers are. */
  public interface Engine {
    /**
     * Answers {@code questions} over every customer of the snapshot: for question {@code i}, {@link
     * Answers#counted} the customers it {@link Question#selects} and their id bytes ({@link
     * PartialSnapshot#weight}), as one sum or as partial sums; and when it {@link Question#lists},
     * also {@link Answers#listed} each of those customers with its position, with at least what
     * filters read ({@link Customer#filterable}).
     */
    void answer(List<Question> questions, Answers answers);
  }

  private final int size;
  private final long totalWeight;
  private final SnapshotIndex known;
  private final int[] knownAt;
  private final Engine engine;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, Question> asked = new ConcurrentHashMap<>();
  private final Map<Integer, Customer> fetched = new ConcurrentHashMap<>();
  private int rounds;
  private long listed;

  private PartialSnapshot(
      int size, long totalWeight, SnapshotIndex known, int[] knownAt, Engine engine) {
    this.size = size;
    this.totalWeight = totalWeight;
    this.known = known;
    this.knownAt = knownAt;
    this.engine = engine;
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
   *     listing other than the customers it counted)
   */
  public boolean answer() {
    if (asked.isEmpty()) {
      return false;
    }
    List<Question> questions = new ArrayList<>(new TreeMap<>(asked).values());
    asked.clear();
    Answers to = new Answers(questions.size());
    engine.answer(List.copyOf(questions), to);
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      if (!to.counted[i]) {
        throw new IllegalStateException("internal error: the engine did not count " + q);
      }
      int[] members = null;
      if (q.lists()) {
        members =
            to.positions[i] == null
                ? new int[0]
                : Arrays.copyOf(to.positions[i], to.listedCount[i]);
        Arrays.sort(members);
        if (members.length != to.count[i]) {
          throw new IllegalStateException(
              "internal error: the engine listed "
                  + members.length
                  + " customers for "
                  + q
                  + " and counted "
                  + to.count[i]);
        }
        for (int k = 1; k < members.length; k++) {
          if (members[k] == members[k - 1]) {
            throw new IllegalStateException(
                "internal error: the engine listed position " + members[k] + " twice for " + q);
          }
        }
        listed += members.length;
      }
      answers.put(q.key(), new Answer(to.count[i], to.weight[i], members));
    }
    to.customers.forEach(
        (p, c) -> {
          if (local(p) < 0) {
            fetched.putIfAbsent(p, c);
          }
        });
    rounds++;
    return true;
  }

  /** A view for one attempt at one group, on one thread. */
  Attempt attempt() {
    return new Attempt();
  }

  private int local(int position) {
    int k = Arrays.binarySearch(knownAt, position);
    return k < 0 ? -1 : k;
  }

  private Customer fetched(int position) {
    Customer c = fetched.get(position);
    if (c == null) {
      throw new IllegalStateException(
          "internal error: position " + position + " was never given to the compiler");
    }
    return c;
  }

  /** A question's answer: {@code members} null until they were asked for. */
  private record Answer(long count, long weight, int[] members) {}

  /** What an engine tells {@link PartialSnapshot#answer}. */
  public static final class Answers {
    private final long[] count;
    private final long[] weight;
    private final boolean[] counted;
    private final int[][] positions;
    private final int[] listedCount;
    private final Map<Integer, Customer> customers = new TreeMap<>();

    private Answers(int n) {
      count = new long[n];
      weight = new long[n];
      counted = new boolean[n];
      positions = new int[n][];
      listedCount = new int[n];
    }

    /** Adds {@code count} customers with {@code weight} id bytes to question {@code question}. */
    public synchronized void counted(int question, long count, long weight) {
      this.count[question] += count;
      this.weight[question] += weight;
      counted[question] = true;
    }

    /**
     * Customer {@code c}, at {@code position} of the snapshot, is one question {@code question}
     * lists.
     */
    public synchronized void listed(int question, int position, Customer c) {
      int[] at = positions[question];
      if (at == null) {
        at = positions[question] = new int[16];
      } else if (listedCount[question] == at.length) {
        at = positions[question] = Arrays.copyOf(at, at.length * 2);
      }
      at[listedCount[question]++] = position;
      customers.putIfAbsent(position, c.filterable());
    }
  }

  /**
   * The snapshot as one attempt reads it: what is not known yet reads as nothing, and the attempt
   * is then incomplete, its question left for the next round.
   */
  final class Attempt implements Snapshot {
    private boolean complete = true;

    /** Whether the attempt read only what was known: its result then stands. */
    boolean complete() {
      return complete;
    }

    private void ask(Question q) {
      complete = false;
      asked.merge(q.key(), q, (a, b) -> a.lists() ? a : b);
    }

    private Answer counted(Question q) {
      Answer a = answers.get(q.key());
      if (a == null) {
        ask(q);
      }
      return a;
    }

    /** The members, once counted (the search pays for them by their count first). */
    private int[] members(Question q) {
      Answer a = answers.get(q.key());
      if (a == null) {
        ask(q);
        return new int[0];
      }
      if (a.members() == null) {
        ask(q.listing());
        return new int[0];
      }
      return a.members();
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
      return k >= 0 ? known.loanId(k) : fetched(position).loanId();
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
      int k = local(position);
      return k >= 0 ? known.customKeys(k) : new TreeSet<>(fetched(position).custom().keySet());
    }

    @Override
    public int valueId(String attribute, int position) {
      return known.view().valueId(attribute, kept(position));
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
      IntPredicate here = known.view().select(part).test();
      return new Selection(
          () -> {
            Answer a = counted(q);
            return a == null ? 0 : Math.toIntExact(a.count());
          },
          () -> {
            Answer a = counted(q);
            return a == null ? 0 : a.weight();
          },
          p -> {
            int k = local(p);
            return k >= 0 ? here.test(k) : q.selects(fetched(p));
          },
          () -> members(q));
    }

    @Override
    public Selection withValue(String attribute, int id) {
      Question q = Question.equalTo(attribute, known.view().value(attribute, id));
      return new Selection(
          () -> {
            Answer a = counted(q);
            return a == null ? 0 : Math.toIntExact(a.count());
          },
          () -> {
            Answer a = counted(q);
            return a == null ? 0 : a.weight();
          },
          null,
          () -> members(q));
    }

    @Override
    public int[] everyone() {
      Question q = Question.everyone();
      Answer a = answers.get(q.key());
      if (a == null || a.members() == null) {
        ask(q); // its count is the snapshot's size: it is asked for its members at once
        return new int[0];
      }
      return a.members();
    }
  }
}
