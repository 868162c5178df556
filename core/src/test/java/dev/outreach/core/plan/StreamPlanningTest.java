package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.filter.FilterCompiler;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Customers of unknown number (a cursor, a lazily read file) are planned as they arrive: the rules
 * see them in parts, and the plan is the one a list of the same customers gives.
 */
class StreamPlanningTest {
  private static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  private static final int SIZE = 2 * Planner.PART + 1_234;
  private static final String[] ZONES = {
    "Asia/Kolkata", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"
  };
  private static final String[] STATUS = {"bounced", "paid", "Pending", "ÉCHU", ""};

  private static List<Customer> customers() {
    return IntStream.range(0, SIZE)
        .mapToObj(
            i ->
                Customer.builder(String.format(java.util.Locale.ROOT, "L%07d", (i * 7_919) % SIZE))
                    .paymentStatus(STATUS[i % STATUS.length])
                    .custom("timezone", ZONES[i % ZONES.length])
                    .custom("dpd", (long) (i % 97))
                    .build())
        .collect(Collectors.toList());
  }

  /**
   * Calls the bounced, texts the rest at 15:00 in their zone, leaves every 11th undecided; counts
   * its calls.
   */
  private static final class Rules implements DecisionSource {
    final AtomicInteger calls = new AtomicInteger();
    final List<Integer> sizes = new ArrayList<>();

    @Override
    public synchronized void decide(
        List<Customer> customers,
        dev.outreach.core.decision.PlanningDay day,
        java.util.function.Consumer<dev.outreach.core.decision.Ruling> sink) {
      calls.incrementAndGet();
      sizes.add(customers.size());
      for (Customer c : customers) {
        int n = Integer.parseInt(c.loanId().substring(1));
        if (n % 11 == 0) {
          continue;
        }
        if ("bounced".equals(c.paymentStatus())) {
          sink.accept(Decisions.call(c.loanId(), "call-bounced"));
        } else {
          sink.accept(
              Decisions.sms(
                  c.loanId(),
                  "tpl-" + n % 3,
                  new Timing(null, java.time.LocalTime.of(15, 0), java.time.LocalTime.of(18, 0)),
                  "sms"));
        }
      }
    }
  }

  private static Planner planner(FilterCompiler.Mode mode) {
    return Planner.builder("CAMP-1").zone(ZoneId.of("Asia/Kolkata")).filters(mode).build();
  }

  private static String json(Plan plan) throws Exception {
    StringWriter out = new StringWriter();
    PlanJson.write(plan, out);
    return out.toString();
  }

  @Test
  void anIteratorIsPlannedInPartsToTheSameBytesAsAList() throws Exception {
    for (FilterCompiler.Mode mode : List.of(FilterCompiler.Mode.IDS, FilterCompiler.Mode.COMPACT)) {
      Rules listRules = new Rules();
      String fromList = json(planner(mode).plan(customers(), listRules, AS_OF));
      Rules streamRules = new Rules();
      String fromIterator = json(planner(mode).plan(customers().iterator(), streamRules, AS_OF));

      assertThat(fromIterator).isEqualTo(fromList);
      assertThat(streamRules.sizes).containsExactly(Planner.PART, Planner.PART, 1_234);
      assertThat(listRules.calls).hasValue(1);
      Plan plan = PlanJson.read(fromList);
      assertThat(plan.summary().customers()).isEqualTo(SIZE);
      assertThat(plan.undecided()).hasSize((SIZE + 10) / 11);
    }
  }

  @Test
  void aStreamIsClosedOnceThePlanIsMade() {
    AtomicInteger closed = new AtomicInteger();
    Plan plan =
        planner(FilterCompiler.Mode.IDS)
            .plan(customers().stream().onClose(closed::incrementAndGet), new Rules(), AS_OF);

    assertThat(plan.summary().customers()).isEqualTo(SIZE);
    assertThat(closed).hasValue(1);
  }

  @Test
  void anEmptyIteratorIsAnEmptyPlan() {
    Rules rules = new Rules();
    Plan plan =
        planner(FilterCompiler.Mode.COMPACT).plan(List.<Customer>of().iterator(), rules, AS_OF);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.summary().customers()).isZero();
    assertThat(rules.calls).hasValue(0);
  }

  @Test
  void aRepeatedLoanIdInALaterPartIsRefusedBeforeTheRulesSeeThatPart() {
    List<Customer> list = new ArrayList<>(customers());
    list.add(Planner.PART + 10, Customer.builder(list.get(3).loanId()).build());
    Rules rules = new Rules();

    assertThatThrownBy(() -> planner(FilterCompiler.Mode.IDS).plan(list.iterator(), rules, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the portfolio has loan id " + list.get(3).loanId() + " more than once");
    assertThat(rules.sizes).containsExactly(Planner.PART);
  }

  @Test
  void aStreamClosedOnFailureToo() {
    AtomicInteger closed = new AtomicInteger();
    Stream<Customer> s =
        Stream.of(Customer.builder("L1").build(), Customer.builder("L1").build())
            .onClose(closed::incrementAndGet);

    assertThatThrownBy(() -> planner(FilterCompiler.Mode.IDS).plan(s, new Rules(), AS_OF))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(closed).hasValue(1);
  }
}
