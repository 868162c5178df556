package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Over many random portfolios and rule outcomes, applies every step's body as the API would and
 * checks that exactly the intended customers are reached, each at most once per channel, never a
 * suppressed one.
 */
class PlanAudiencePropertyTest {
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  static final String[] STATUS = {"pending", "bounced", "paid", "partial"};
  static final String[] LANGUAGE = {"hindi", "english", "tamil"};
  static final String[] BRANCH = {"mumbai", "pune", "delhi"};

  @Test
  void everyStepSelectsExactlyTheWinningDecisionsAudience() {
    for (long seed = 1; seed <= 200; seed++) {
      Random rnd = new Random(seed);
      List<Customer> book = new ArrayList<>();
      int n = 1 + rnd.nextInt(300);
      for (int i = 0; i < n; i++) {
        Customer.Builder b =
            Customer.builder("L" + rnd.nextInt(1_000_000) + "-" + i)
                .paymentStatus(rnd.nextInt(20) == 0 ? null : STATUS[rnd.nextInt(STATUS.length)])
                .language(rnd.nextInt(20) == 0 ? null : LANGUAGE[rnd.nextInt(LANGUAGE.length)])
                .emiAmount(
                    rnd.nextInt(20) == 0
                        ? null
                        : java.math.BigDecimal.valueOf(
                            1000 + rnd.nextInt(40) * 500L, rnd.nextInt(2)))
                .emiDueDate(
                    rnd.nextInt(20) == 0
                        ? null
                        : LocalDate.of(2025, 7, 20).plusDays(rnd.nextInt(40)));
        if (rnd.nextInt(10) != 0) {
          b.custom("branch", BRANCH[rnd.nextInt(BRANCH.length)]);
        }
        if (rnd.nextBoolean()) {
          b.custom("dpd", java.math.BigDecimal.valueOf(rnd.nextInt(5) * 10));
        }
        book.add(b.build());
      }
      List<Ruling> decisions = new ArrayList<>();
      for (Customer c : book) {
        // Attribute-shaped rules (as real ones are), plus random noise decisions.
        if ("bounced".equals(c.paymentStatus())) {
          decisions.add(
              Contact.of(
                  c.loanId(), Channel.CALL, "agent-b", "d", null, null, Timing.NOW, 0, "bounced"));
        }
        if ("hindi".equals(c.language()) && "pending".equals(c.paymentStatus())) {
          decisions.add(
              Contact.of(
                  c.loanId(), Channel.SMS, null, null, "sms-hi", null, Timing.NOW, 0, "hindi"));
        }
        int k = rnd.nextInt(3);
        for (int j = 0; j < k; j++) {
          decisions.add(randomDecision(rnd, c.loanId(), j));
        }
      }
      Planner planner =
          Planner.builder("C")
              .zone(ZoneId.of("Asia/Kolkata"))
              .maxIdsPerStep(1 + rnd.nextInt(50))
              .filters(seed % 2 == 0 ? FilterCompiler.Mode.COMPACT : FilterCompiler.Mode.IDS)
              .build();

      Plan plan = planner.plan(book, (cs, day, sink) -> decisions.forEach(sink), AS_OF);

      assertThat(PlanValidation.problems(plan))
          .as("seed %d: what the planner emits, the executor accepts", seed)
          .isEmpty();
      Map<Channel, Set<String>> expected = expected(decisions);
      Map<Channel, List<String>> reached = new HashMap<>();
      for (Step s : plan.steps()) {
        Filters f =
            s.body().containsKey("filters")
                ? FilterJson.fromJson(s.body().getJsonObject("filters"))
                : Filters.ALL;
        Predicate<Customer> m = f.matcher();
        List<String> selected = book.stream().filter(m).map(Customer::loanId).toList();
        assertThat(s.body().getInt("limit")).isEqualTo(selected.size());
        reached.computeIfAbsent(s.kind().channel(), k -> new ArrayList<>()).addAll(selected);
      }
      for (Channel ch : Channel.values()) {
        List<String> got = reached.getOrDefault(ch, List.of());
        assertThat(new HashSet<>(got))
            .as("seed %d channel %s", seed, ch)
            .isEqualTo(expected.getOrDefault(ch, Set.of()));
        assertThat(got).as("seed %d channel %s: nobody twice", seed, ch).doesNotHaveDuplicates();
      }
      assertThat(
              plan.summary().contacted()
                  + plan.summary().suppressed()
                  + plan.summary().undecided()
                  + plan.summary().dropped())
          .isEqualTo(book.size());
    }
  }

  /**
   * The audience per channel by the documented policy, computed the simple way: not suppressed; per
   * channel the highest priority (then rule name) among the decisions whose date has not passed.
   */
  private static Map<Channel, Set<String>> expected(List<Ruling> decisions) {
    Set<String> suppressed = new HashSet<>();
    decisions.stream()
        .filter(d -> d instanceof Suppression)
        .forEach(d -> suppressed.add(d.customerId()));
    Map<String, Contact> winners = new HashMap<>();
    for (Ruling d : decisions) {
      if (d instanceof Contact && !suppressed.contains(d.customerId())) {
        Contact c = (Contact) d;
        boolean passed =
            c.timing().date() != null && c.timing().date().isBefore(LocalDate.of(2025, 8, 5));
        if (!passed) {
          winners.merge(
              c.customerId() + "/" + c.channel(),
              c,
              (a, b) ->
                  a.priority() != b.priority()
                      ? (a.priority() > b.priority() ? a : b)
                      : (a.rule().compareTo(b.rule()) < 0 ? a : b));
        }
      }
    }
    Map<Channel, Set<String>> out = new HashMap<>();
    for (Contact c : winners.values()) {
      out.computeIfAbsent(c.channel(), k -> new HashSet<>()).add(c.customerId());
    }
    return out;
  }

  /** Rule names are distinct per customer ({@code j}), so the policy never needs a tie-break. */
  private static Ruling randomDecision(Random rnd, String id, int j) {
    String rule = "rule " + rnd.nextInt(5) + "-" + j;
    if (rnd.nextInt(8) == 0) {
      return new Suppression(id, "reason " + rnd.nextInt(2), rule);
    }
    Timing t = Timing.NOW;
    switch (rnd.nextInt(4)) {
      case 1:
        t = t.window(String.format(Locale.ROOT, "%02d:00", 6 + rnd.nextInt(6)), "18:00");
        break;
      case 2:
        t = t.at(String.format(Locale.ROOT, "%02d:30", 7 + rnd.nextInt(10)));
        break;
      case 3:
        t = t.on(LocalDate.of(2025, 8, 3 + rnd.nextInt(5)));
        break;
      default:
        break;
    }
    int p = rnd.nextInt(3);
    switch (rnd.nextInt(3)) {
      case 0:
        return Contact.of(id, Channel.CALL, "agent" + rnd.nextInt(3), "d", null, null, t, p, rule);
      case 1:
        return Contact.of(id, Channel.SMS, null, null, "sms" + rnd.nextInt(3), null, t, p, rule);
      default:
        return Contact.of(
            id,
            Channel.WHATSAPP,
            null,
            null,
            "wa" + rnd.nextInt(2),
            rnd.nextBoolean() ? null : new Conversation("ca", "cd"),
            t,
            p,
            rule);
    }
  }
}
