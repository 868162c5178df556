package dev.outreach.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * On messy random snapshots, compiled bodies and the index agree with the plain matcher on every
 * customer.
 */
class SnapshotIndexPropertyTest {
  private static final Object[] CODES = {
    "a",
    "b",
    "A",
    "5000",
    new BigDecimal("5000"),
    new BigDecimal("5000.00"),
    Boolean.TRUE,
    Boolean.FALSE,
    "true"
  };

  @Test
  void everyCompactBodySelectsExactlyItsAudienceFromTheWholeSnapshot() {
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      List<Customer> book = book(r, 50 + r.nextInt(400));
      SnapshotIndex index = SnapshotIndex.of(book);
      FilterCompiler compiler =
          new FilterCompiler(
              index, FilterCompiler.Mode.COMPACT, 1 + r.nextInt(60), r.nextBoolean());
      for (int t = 0; t < 8; t++) {
        List<Customer> audience = audience(r, book);
        if (audience.isEmpty()) {
          continue;
        }
        Set<String> got = new HashSet<>();
        for (FilterCompiler.Compiled c : compiler.compile(audience)) {
          Predicate<Customer> m = c.filters().matcher();
          Set<String> selected = new HashSet<>();
          for (Customer x : book) {
            if (m.test(x)) {
              selected.add(x.loanId());
            }
          }
          assertThat(selected)
              .as("seed %d", seed)
              .containsExactlyInAnyOrderElementsOf(c.customerIds());
          int[] narrow = index.narrowest(c.filters());
          if (narrow != null) {
            Set<String> inNarrow = new HashSet<>();
            for (int i : narrow) {
              inNarrow.add(book.get(i).loanId());
            }
            assertThat(inNarrow).as("seed %d", seed).containsAll(selected);
          }
          got.addAll(selected);
        }
        List<String> want = new ArrayList<>();
        audience.forEach(c -> want.add(c.loanId()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
      }
    }
  }

  @Test
  void theNarrowestConstraintHoldsEveryCustomerTheFilterSelects() {
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      List<Customer> book = book(r, 30 + r.nextInt(200));
      SnapshotIndex index = SnapshotIndex.of(book);
      for (int t = 0; t < 20; t++) {
        Customer a = book.get(r.nextInt(book.size()));
        Customer b = book.get(r.nextInt(book.size()));
        List<Object> values = new ArrayList<>();
        values.add(CODES[r.nextInt(CODES.length)]);
        if (a.attribute("code") != null) {
          values.add(a.attribute("code"));
        }
        LocalDate from = a.emiDueDate() == null ? null : a.emiDueDate();
        Filters f =
            new Filters(
                null,
                null,
                r.nextBoolean() ? null : List.of(String.valueOf(b.paymentStatus())),
                null,
                from == null ? null : new Filters.DateRange(from, null),
                b.emiAmount() == null || r.nextBoolean()
                    ? null
                    : new Filters.AmountRange(null, b.emiAmount()),
                java.util.Map.of("code", values));
        Predicate<Customer> m = f.matcher();
        Set<Integer> inNarrow = new HashSet<>();
        for (int i : index.narrowest(f)) {
          inNarrow.add(i);
        }
        for (int i = 0; i < book.size(); i++) {
          if (m.test(book.get(i))) {
            assertThat(inNarrow).as("seed %d customer %d", seed, i).contains(i);
          }
        }
      }
    }
  }

  @Test
  void anIndexBuiltColumnByColumnCompilesTheSameBodiesAsOneOfWholeCustomers() {
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      List<Customer> book = book(r, 50 + r.nextInt(400));
      if (seed % 2 == 0) { // ids whose UTF-8 and UTF-16 orders differ, some customers moved
        List<Customer> moved = new ArrayList<>();
        for (Customer c : book) {
          String prefix = r.nextInt(3) == 0 ? "\uD83D\uDE00" : r.nextBoolean() ? "\uFF21" : "";
          moved.add(
              new Customer(
                  prefix + c.loanId(),
                  null,
                  null,
                  null,
                  null,
                  c.emiAmount(),
                  null,
                  null,
                  c.emiDueDate(),
                  c.paymentStatus(),
                  c.language(),
                  null,
                  null,
                  c.custom()));
        }
        java.util.Collections.shuffle(moved, r);
        book = moved;
      }
      List<Integer> byId = new ArrayList<>();
      for (int i = 0; i < book.size(); i++) {
        byId.add(i);
      }
      List<Customer> b = book;
      byId.sort(java.util.Comparator.comparing(i -> b.get(i).loanId()));
      SnapshotBuilder builder = SnapshotIndex.builder();
      byId.forEach(i -> builder.add(b.get(i)));
      SnapshotIndex columns = builder.build(byId::get);
      int maxIds = 1 + r.nextInt(60);
      boolean custom = r.nextBoolean();
      FilterCompiler whole =
          new FilterCompiler(SnapshotIndex.of(book), FilterCompiler.Mode.COMPACT, maxIds, custom);
      FilterCompiler apart =
          new FilterCompiler(columns, FilterCompiler.Mode.COMPACT, maxIds, custom);
      assertThat(columns.size()).isEqualTo(book.size());
      assertThat(columns.position("nobody")).isEqualTo(-1);
      for (int t = 0; t < 8; t++) {
        List<Customer> audience = audience(r, book);
        if (!audience.isEmpty()) {
          assertThat(apart.compile(audience))
              .as("seed %d", seed)
              .isEqualTo(whole.compile(audience));
        }
      }
    }
  }

  @Test
  void theBuilderRefusesCustomersOutOfOrderTwiceOrMisplaced() {
    List<Customer> book =
        List.of(
            Customer.builder("a").build(),
            Customer.builder("b").build(),
            Customer.builder("c").build());
    SnapshotBuilder builder = SnapshotIndex.builder();
    builder.add(book.get(1));
    assertThatThrownBy(() -> builder.add(book.get(0))).hasMessageContaining("loan id order");
    assertThatThrownBy(() -> builder.add(book.get(1))).hasMessageContaining("more than once");
    builder.add(book.get(2));
    assertThatThrownBy(() -> builder.build(k -> 0)).hasMessageContaining("position 0");
    assertThatThrownBy(() -> builder.build(k -> k)).hasMessageContaining("already built");
  }

  private static List<Customer> book(Random r, int n) {
    List<Customer> out = new ArrayList<>();
    String[] statuses = {"bounced", "Bounced", "pending", "paid", null};
    for (int i = 0; i < n; i++) {
      Customer.Builder b =
          Customer.builder(
                  String.format(java.util.Locale.ROOT, "L-%0" + (1 + r.nextInt(3)) + "d", i))
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
    return out;
  }

  private static List<Customer> audience(Random r, List<Customer> book) {
    List<Customer> out = new ArrayList<>();
    int mode = r.nextInt(3);
    String status = book.get(r.nextInt(book.size())).paymentStatus();
    for (Customer c : book) {
      boolean take =
          mode == 0
              ? r.nextInt(4) == 0
              : mode == 1
                  ? java.util.Objects.equals(c.paymentStatus(), status) && r.nextInt(10) != 0
                  : java.util.Objects.equals(c.paymentStatus(), status)
                      || "a".equals(c.attribute("code"));
      if (take) {
        out.add(c);
      }
    }
    out.sort(java.util.Comparator.comparing(Customer::loanId));
    return out;
  }
}
