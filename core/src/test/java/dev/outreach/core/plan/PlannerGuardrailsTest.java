package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.call;
import static dev.outreach.core.plan.Decisions.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.guardrail.OnViolation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerGuardrailsTest {
  static Planner planner(GuardrailPolicy policy) {
    return Planner.builder("CAMP")
        .zone(ZoneId.of("Asia/Kolkata"))
        .guardrails(new Guardrails(policy, ContactHistory.empty()))
        .build();
  }

  static String slot(Step s) {
    return PlanJson.TIME.format(s.notBefore())
        + " .. "
        + (s.notAfter() == null ? "-" : PlanJson.TIME.format(s.notAfter()));
  }

  @Test
  void byDefaultACallOutsideTheRbiHoursIsMovedIntoThemWithAWarning() {
    Plan plan =
        planner(GuardrailPolicy.defaults())
            .plan(
                PlannerTest.book(2),
                PlannerTest.source(
                    call("L1", "a", Timing.NOW.window("06:00", "10:00"), 0, "early bird"),
                    call("L2", "b", Timing.NOW.on(LocalDate.of(2025, 8, 6)), 0, "tomorrow")),
                PlannerTest.AS_OF);

    assertThat(plan.steps())
        .extracting(PlannerGuardrailsTest::slot)
        .containsExactly(
            "2025-08-05T09:00:00+05:30 .. 2025-08-05T10:00:00+05:30",
            "2025-08-06T08:00:00+05:30 .. 2025-08-06T19:00:00+05:30");
    assertThat(plan.warnings())
        .extracting(Plan.Warning::code, Plan.Warning::customerId)
        .containsExactly(tuple("CALLING_HOURS", "L2"));
  }

  @Test
  void timesAreTheCustomersOwnLocalTimes() {
    List<Customer> book =
        List.of(
            Customer.builder("IN").build(),
            Customer.builder("NY").custom("timezone", "America/New_York").build());

    Plan plan =
        planner(GuardrailPolicy.usRegF())
            .plan(
                book,
                PlannerTest.source(
                    sms("IN", "t", Timing.NOW.on(LocalDate.of(2025, 8, 6)).at("10:00"), "ten"),
                    sms("NY", "t", Timing.NOW.on(LocalDate.of(2025, 8, 6)).at("10:00"), "ten")),
                PlannerTest.AS_OF);

    // 10:00 in New York is 19:30 in Kolkata: two requests, each at the customer's own 10:00.
    assertThat(plan.steps())
        .extracting(s -> PlanJson.TIME.format(s.notBefore()) + " " + s.customerIds())
        .containsExactly("2025-08-06T10:00:00+05:30 [IN]", "2025-08-06T19:30:00+05:30 [NY]");
  }

  @Test
  void aBlockedDecisionLetsTheNextOnItsChannelTryAndDoNotContactBlocksEverything() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder()
            .onViolation(OnViolation.DROP)
            .doNotContact(List.of("L2"))
            .build();

    Plan plan =
        planner(policy)
            .plan(
                PlannerTest.book(2),
                PlannerTest.source(
                    call(
                        "L1",
                        "night",
                        Timing.NOW.on(LocalDate.of(2025, 8, 5)).at("22:00"),
                        5,
                        "late call"),
                    call("L1", "day", Timing.NOW.window("11:00", "12:00"), 0, "day call"),
                    call("L2", "day", Timing.NOW, 0, "day call")),
                PlannerTest.AS_OF);

    assertThat(plan.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.customerIds()).containsExactly("L1");
              assertThat(s.body().getString("agentId")).isEqualTo("day");
            });
    assertThat(plan.warnings())
        .extracting(Plan.Warning::code, Plan.Warning::customerId, Plan.Warning::rule)
        .containsExactlyInAnyOrder(
            tuple("CALLING_HOURS", "L1", "late call"), tuple("DO_NOT_CONTACT", "L2", "day call"));
    assertThat(plan.summary().dropped()).isEqualTo(1);
  }
}
