package dev.outreach.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A snapshot kept elsewhere and asked about in rounds gives the compiler the same answers as the
 * whole snapshot indexed here: the same bodies, in few rounds, fetching few customers.
 */
class PartialSnapshotTest {
  /**
   * An engine over a list of customers, as Spark's partitions answer, counting what it is asked.
   */
  static final class Scanning implements PartialSnapshot.Engine {
    final List<Customer> book;
    final int[] positions;
    int calls;
    long listed;
    int splitListings; // listings of the customers sharing a part's value that one constraint
    // selects
    boolean backwards; // lists out of the snapshot's order, as an engine may

    Scanning(List<Customer> book, int[] positions) {
      this.book = book;
      this.positions = positions;
    }

    @Override
    public void answer(List<Question> questions, PartialSnapshot.Answers answers) {
      calls++;
      for (int q = 0; q < questions.size(); q++) {
        if (questions.get(q).lists() && questions.get(q).toString().contains(" where ")) {
          splitListings++;
        }
        long count = 0;
        long weight = 0;
        for (int j = 0; j < book.size(); j++) {
          int i = backwards ? book.size() - 1 - j : j;
          Customer c = book.get(i);
          if (questions.get(q).selects(c)) {
            count++;
            weight += PartialSnapshot.weight(c.loanId());
            if (questions.get(q).lists()) {
              // a kept customer needs no loan id or probes (given for some, they are not read)
              boolean kept = java.util.Arrays.binarySearch(answers.kept(), positions[i]) >= 0;
              boolean bare = kept && (positions[i] & 1) == 0;
              answers.listed(
                  q,
                  positions[i],
                  bare ? null : c.loanId(),
                  bare ? null : questions.get(q).probe(c));
              listed++;
            }
          }
        }
        // partial sums, as partitions give them
        answers.counted(q, count / 2, weight / 2);
        answers.counted(q, count - count / 2, weight - weight / 2);
      }
    }
  }

  @Test
  void theBodiesAreThoseOfTheWholeSnapshotIndexedHere() {
    int rounds = 0;
    int splitListings = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Random r = new Random(seed);
      List<Customer> book = book(r, seed % 10 == 0 ? 6_000 : 50 + r.nextInt(600));
      int maxIds = seed % 3 == 0 ? 1 + r.nextInt(20) : 50 + r.nextInt(500);
      boolean custom = r.nextBoolean();
      List<List<String>> audiences = audiences(r, book);
      FilterCompiler whole =
          new FilterCompiler(SnapshotIndex.of(book), FilterCompiler.Mode.COMPACT, maxIds, custom);
      // positions with gaps, as rows without a customer (blank lines) leave them
      int[] positions = new int[book.size()];
      int gap = seed % 7 == 0 ? 300_000 : 3; // some far apart, as rows of other partitions leave
      for (int i = 0, p = r.nextInt(3); i < positions.length; i++, p += 1 + r.nextInt(gap)) {
        positions[i] = p;
      }
      Scanning engine = new Scanning(book, positions);
      engine.backwards = seed % 2 == 0;
      PartialSnapshot partial = partial(book, positions, audiences, r, engine);
      FilterCompiler apart =
          new FilterCompiler(partial, FilterCompiler.Mode.COMPACT, maxIds, custom);
      List<List<FilterCompiler.Compiled>> got = new ArrayList<>();
      for (int i = 0; i < audiences.size(); i++) {
        got.add(null);
      }
      int tries = 0;
      for (boolean left = true; left; tries++) {
        left = false;
        for (int i = 0; i < audiences.size(); i++) {
          if (got.get(i) == null) {
            got.set(i, apart.attempt(audiences.get(i)));
            left |= got.get(i) == null;
          }
        }
        if (left) {
          assertThat(partial.answer()).as("seed %d", seed).isTrue();
        }
      }
      for (int i = 0; i < audiences.size(); i++) {
        assertThat(got.get(i))
            .as("seed %d audience %d", seed, i)
            .isEqualTo(whole.compileIds(audiences.get(i)));
      }
      assertThat(partial.answer()).isFalse();
      assertThat(tries).as("seed %d", seed).isLessThanOrEqualTo(5);
      assertThat(engine.calls).isEqualTo(partial.rounds()).isEqualTo(tries - 1);
      assertThat(partial.listed()).isEqualTo(engine.listed);
      long budget = 0;
      for (List<String> a : audiences) {
        budget += SearchBudget.FLOOR + SearchBudget.PER_MEMBER * a.size();
      }
      assertThat(engine.listed).as("seed %d", seed).isLessThanOrEqualTo(budget * tries);
      rounds = Math.max(rounds, partial.rounds());
      splitListings += engine.splitListings;
    }
    assertThat(rounds).as("the most rounds any seed took").isGreaterThanOrEqualTo(2);
    assertThat(splitListings).as("audiences split by a value, their parts listed").isPositive();
  }

  @Test
  void aBookTooLargeForTheBudgetIsNeverListed() {
    Random r = new Random(7);
    List<Customer> book = book(r, 60_000);
    List<String> audience =
        book.stream()
            .filter(c -> "paid".equals(c.paymentStatus()) && r.nextInt(50) == 0)
            .limit(20)
            .map(Customer::loanId)
            .sorted()
            .toList();
    int[] positions = new int[book.size()];
    java.util.Arrays.setAll(positions, i -> i);
    Scanning engine = new Scanning(book, positions);
    PartialSnapshot partial = partial(book, positions, List.of(audience), r, engine);
    FilterCompiler apart = new FilterCompiler(partial, FilterCompiler.Mode.COMPACT, 10_000, true);
    List<FilterCompiler.Compiled> got;
    while ((got = apart.attempt(audience)) == null) {
      partial.answer();
    }
    FilterCompiler whole =
        new FilterCompiler(SnapshotIndex.of(book), FilterCompiler.Mode.COMPACT, 10_000, true);
    assertThat(got).isEqualTo(whole.compileIds(audience));
    assertThat(engine.listed)
        .isLessThanOrEqualTo(SearchBudget.FLOOR + 20 * SearchBudget.PER_MEMBER);
  }

  @Test
  void answersThatDoNotAddUpAreRefused() {
    Random r = new Random(3);
    List<Customer> book = book(r, 300);
    int[] positions = new int[book.size()];
    java.util.Arrays.setAll(positions, i -> i);
    List<String> audience = List.of(book.get(0).loanId(), book.get(1).loanId());
    PartialSnapshot.Engine silent = (questions, answers) -> {};
    PartialSnapshot partial = partial(book, positions, List.of(audience), r, silent);
    FilterCompiler apart = new FilterCompiler(partial, FilterCompiler.Mode.COMPACT, 100, true);
    assertThat(apart.attempt(audience)).isNull();
    assertThatThrownBy(partial::answer).hasMessageContaining("did not count");

    PartialSnapshot.Engine short1 =
        (questions, answers) -> {
          for (int q = 0; q < questions.size(); q++) {
            answers.counted(q, questions.get(q).lists() ? 5 : 3, 30);
          }
        };
    PartialSnapshot lying = partial(book, positions, List.of(audience), r, short1);
    FilterCompiler liar = new FilterCompiler(lying, FilterCompiler.Mode.COMPACT, 100, true);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 5 && liar.attempt(audience) == null; i++) {
                lying.answer();
              }
            })
        .hasMessageContaining("listed 0 customers");
    assertThatThrownBy(
            () -> PartialSnapshot.of(10, 0, SnapshotIndex.of(book), new int[] {1}, silent))
        .hasMessageContaining("positions");

    PartialSnapshot.Engine nameless =
        (questions, answers) -> {
          for (int q = 0; q < questions.size(); q++) {
            answers.counted(q, 1, 10);
            if (questions.get(q).lists()) {
              answers.listed(q, 299, null, null); // not kept: its loan id is needed
            }
          }
        };
    PartialSnapshot vague = partial(book, positions, List.of(audience), null, nameless);
    FilterCompiler asking = new FilterCompiler(vague, FilterCompiler.Mode.COMPACT, 100, true);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 5 && asking.attempt(audience) == null; i++) {
                vague.answer();
              }
            })
        .hasMessageContaining("without its loan id");
  }

  @Test
  void aSnapshotKeepingNobodyAsksNothing() {
    PartialSnapshot.Engine never =
        (questions, answers) -> {
          throw new AssertionError("asked " + questions);
        };
    PartialSnapshot empty =
        PartialSnapshot.of(1_000, 9_000, SnapshotIndex.builder().build(k -> k), new int[0], never);
    assertThat(empty.size()).isEqualTo(1_000);
    assertThat(empty.answer()).isFalse();
    assertThat(empty.rounds()).isZero();
  }

  @Test
  void anAudienceNamingACustomerNotKeptIsAnInternalError() {
    Random r = new Random(5);
    List<Customer> book = book(r, 100);
    int[] positions = new int[book.size()];
    java.util.Arrays.setAll(positions, i -> i);
    PartialSnapshot partial =
        partial(
            book,
            positions,
            List.of(List.of(book.get(0).loanId())),
            null,
            new Scanning(book, positions));
    FilterCompiler apart = new FilterCompiler(partial, FilterCompiler.Mode.COMPACT, 100, true);
    assertThatThrownBy(() -> apart.attempt(List.of(book.get(0).loanId(), book.get(1).loanId())))
        .hasMessageContaining("did not keep");
    assertThatThrownBy(() -> apart.compileIds(List.of(book.get(0).loanId())))
        .hasMessageContaining("attempts");
  }

  /**
   * The snapshot keeping the audiences' customers and, with {@code r}, a few others at random, in
   * the book's order.
   */
  private static PartialSnapshot partial(
      List<Customer> book,
      int[] positions,
      List<List<String>> audiences,
      Random r,
      PartialSnapshot.Engine engine) {
    TreeSet<String> named = new TreeSet<>();
    audiences.forEach(named::addAll);
    SnapshotBuilder known = SnapshotIndex.builder();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < book.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> book.get(i).loanId()));
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      if (named.contains(book.get(i).loanId()) || (r != null && r.nextInt(20) == 0)) {
        known.add(book.get(i));
        kept.add(i);
      }
    }
    List<Integer> sorted = new ArrayList<>(kept);
    sorted.sort(null);
    int[] place = new int[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      place[k] = java.util.Collections.binarySearch(sorted, kept.get(k));
    }
    int[] knownPositions = new int[sorted.size()];
    long total = 0;
    for (int k = 0; k < sorted.size(); k++) {
      knownPositions[k] = positions[sorted.get(k)];
    }
    for (Customer c : book) {
      total += PartialSnapshot.weight(c.loanId());
    }
    return PartialSnapshot.of(
        book.size(), total, known.build(k -> place[k]), knownPositions, engine);
  }

  /** Disjoint audiences, as a plan's groups are, each in loan id order. */
  private static List<List<String>> audiences(Random r, List<Customer> book) {
    int groups = 1 + r.nextInt(4);
    List<List<String>> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      out.add(new ArrayList<>());
    }
    String status = book.get(r.nextInt(book.size())).paymentStatus();
    int mode = r.nextInt(3);
    for (Customer c : book) {
      boolean take =
          mode == 0
              ? r.nextInt(4) == 0
              : mode == 1
                  ? java.util.Objects.equals(c.paymentStatus(), status) && r.nextInt(10) != 0
                  : java.util.Objects.equals(c.paymentStatus(), status)
                      || "a".equals(c.attribute("code"));
      if (take) {
        int g = c.language() == null ? 0 : Math.floorMod(c.language().hashCode(), groups);
        out.get(g).add(c.loanId());
      }
    }
    out.removeIf(List::isEmpty);
    out.forEach(a -> a.sort(null));
    return out;
  }

  private static final Object[] CODES = {
    "a", "b", "A", "5000", new BigDecimal("5000"), new BigDecimal("5000.00"), Boolean.TRUE, "true"
  };

  static List<Customer> book(Random r, int n) {
    List<Customer> out = new ArrayList<>();
    String[] statuses = {"bounced", "Bounced", "pending", "paid", null};
    for (int i = 0; i < n; i++) {
      String prefix = r.nextInt(9) == 0 ? "\uD83D\uDE00" : r.nextInt(7) == 0 ? "\uFF21" : "";
      Customer.Builder b =
          Customer.builder(prefix + "L-" + Integer.toString(r.nextInt(1 << 30), 36) + "-" + i)
              .paymentStatus(statuses[r.nextInt(statuses.length)])
              .language(r.nextInt(5) == 0 ? null : "lang" + r.nextInt(3))
              .emiDueDate(
                  r.nextInt(6) == 0 ? null : LocalDate.of(2025, 8, 1).plusDays(r.nextInt(20)))
              .emiAmount(
                  r.nextInt(6) == 0
                      ? null
                      : new BigDecimal(r.nextInt(50)).movePointLeft(r.nextInt(3)));
      if (r.nextInt(4) != 0) {
        b.custom("code", CODES[r.nextInt(CODES.length)]);
      }
      b.custom("tier", new BigDecimal(1 + r.nextInt(3)));
      if (r.nextBoolean()) {
        b.custom("many", "v" + r.nextInt(150));
      }
      out.add(b.build());
    }
    java.util.Collections.shuffle(out, r);
    return out;
  }
}
