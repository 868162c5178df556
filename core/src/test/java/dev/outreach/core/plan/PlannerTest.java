package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.call;
import static dev.outreach.core.plan.Decisions.sms;
import static dev.outreach.core.plan.Decisions.suppress;
import static dev.outreach.core.plan.Decisions.whatsapp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.internal.JsonText;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  static final Planner PLANNER = Planner.builder("CAMP").zone(ZoneId.of("Asia/Kolkata")).build();

  static List<Customer> book(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> Customer.builder("L" + i).build())
        .collect(Collectors.toList());
  }

  static DecisionSource source(Ruling... decisions) {
    return (customers, day, sink) -> List.of(decisions).forEach(sink);
  }

  @Test
  void suppressionBeatsEveryContactAndTheOverrideIsRecorded() {
    Plan plan =
        PLANNER.plan(
            book(2),
            source(
                call("L1", "call all"),
                sms("L1", "t", Timing.NOW, "sms all"),
                suppress("L1", "already paid", "paid"),
                call("L2", "call all")),
            AS_OF);

    assertThat(plan.steps()).hasSize(1);
    assertThat(plan.steps().get(0).customerIds()).containsExactly("L2");
    assertThat(plan.suppressed())
        .containsExactly(new Plan.Suppressed("L1", "already paid", "paid"));
    assertThat(plan.overrides())
        .extracting(Plan.Overridden::rule)
        .containsExactlyInAnyOrder("call all", "sms all");
    assertThat(plan.summary().contacted()).isEqualTo(1);
    assertThat(plan.summary().suppressed()).isEqualTo(1);
  }

  @Test
  void oneContactPerChannelHighestPriorityThenRuleNameWins() {
    Plan plan =
        PLANNER.plan(
            book(2),
            source(
                call("L1", "junior", Timing.NOW, 0, "a low"),
                call("L1", "senior", Timing.NOW, 5, "z high"),
                call("L2", "x", Timing.NOW, 0, "b second"),
                call("L2", "y", Timing.NOW, 0, "a first"),
                sms("L2", "t", Timing.NOW, "sms")),
            AS_OF);

    assertThat(plan.steps())
        .extracting(s -> s.body().getString("agentId", s.body().getString("templateId", "")))
        .containsExactly("senior", "y", "t");
    assertThat(plan.summary().byChannel())
        .containsEntry(Channel.CALL, 2)
        .containsEntry(Channel.SMS, 1);
    assertThat(plan.overrides())
        .extracting(Plan.Overridden::rule, Plan.Overridden::winner)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("a low", "z high"),
            org.assertj.core.groups.Tuple.tuple("b second", "a first"));
  }

  @Test
  void undecidedCustomersAreListed() {
    Plan plan = PLANNER.plan(book(3), source(call("L2", "r")), AS_OF);

    assertThat(plan.undecided()).containsExactly("L1", "L3");
    assertThat(plan.summary().customers()).isEqualTo(3);
  }

  @Test
  void bodiesAreTheDocumentedRequestsWithIdsAndALimitEqualToTheAudience() {
    Plan plan =
        PLANNER.plan(
            book(3),
            source(
                call("L1", "r"),
                call("L3", "r"),
                sms("L2", "tpl", Timing.NOW, "s"),
                whatsapp("L1", "wa", "w")),
            AS_OF);

    assertThat(plan.steps())
        .extracting(s -> s.kind() + " " + s.path() + " " + JsonText.compact(s.body()))
        .containsExactly(
            "INITIATE_CALLS /api/v1/initiate/CAMP/calls {\"agentId\":\"agent\",\"dispositionId\":\"disp\",\"limit\":2,\"filters\":{\"ids\":[\"L1\",\"L3\"]}}",
            "INITIATE_SMS /api/v1/initiate/CAMP/sms {\"templateId\":\"tpl\",\"limit\":1,\"filters\":{\"ids\":[\"L2\"]}}",
            "INITIATE_WHATSAPP /api/v1/initiate/CAMP/whatsapp {\"templateId\":\"wa\",\"conversationSettings\":{\"agentId\":\"ca\",\"dispositionId\":\"cd\"},\"limit\":1,\"filters\":{\"ids\":[\"L1\"]}}");
    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.method()).isEqualTo("POST"));
  }

  @Test
  void windowsBecomeNotBeforeAndNotAfterInThePlansZone() {
    Planner unguarded =
        Planner.builder("CAMP")
            .zone(ZoneId.of("Asia/Kolkata"))
            .guardrails(dev.outreach.core.guardrail.Guardrails.none())
            .build();
    Plan plan =
        unguarded.plan(
            book(4),
            source(
                call("L1", "a", Timing.NOW.window("10:00", "13:00"), 0, "later today"),
                call("L2", "b", Timing.NOW.window("08:00", "12:00"), 0, "open now"),
                call("L3", "c", Timing.NOW.window("06:00", "08:30"), 0, "closed today"),
                call("L4", "d", Timing.NOW.at("08:59"), 0, "time passed")),
            AS_OF);

    assertThat(plan.steps())
        .extracting(
            s ->
                s.body().getString("agentId")
                    + " "
                    + PlanJson.TIME.format(s.notBefore())
                    + " "
                    + (s.notAfter() == null ? "-" : PlanJson.TIME.format(s.notAfter())))
        .containsExactly(
            "b 2025-08-05T09:00:00+05:30 2025-08-05T12:00:00+05:30",
            "a 2025-08-05T10:00:00+05:30 2025-08-05T13:00:00+05:30",
            "c 2025-08-06T06:00:00+05:30 2025-08-06T08:30:00+05:30",
            "d 2025-08-06T08:59:00+05:30 -");
  }

  @Test
  void aDateThatHasPassedDropsTheContactWithAWarningNotSilently() {
    Plan plan =
        PLANNER.plan(
            book(3),
            source(
                sms("L1", "t", Timing.NOW.on(java.time.LocalDate.of(2025, 8, 4)), "yesterday"),
                sms(
                    "L2",
                    "t",
                    Timing.NOW.on(java.time.LocalDate.of(2025, 8, 5)).window("07:00", "08:00"),
                    "closed, dated"),
                sms(
                    "L3",
                    "t",
                    Timing.NOW.on(java.time.LocalDate.of(2025, 8, 7)).at("11:30"),
                    "future")),
            AS_OF);

    assertThat(plan.steps()).hasSize(1);
    assertThat(PlanJson.TIME.format(plan.steps().get(0).notBefore()))
        .isEqualTo("2025-08-07T11:30:00+05:30");
    assertThat(plan.warnings())
        .extracting(Plan.Warning::code, Plan.Warning::customerId, Plan.Warning::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TIMING_PASSED", "L1", "yesterday"),
            org.assertj.core.groups.Tuple.tuple("TIMING_PASSED", "L2", "closed, dated"));
    assertThat(plan.summary().dropped()).isEqualTo(2);
    assertThat(
            plan.summary().contacted()
                + plan.summary().suppressed()
                + plan.summary().undecided()
                + plan.summary().dropped())
        .isEqualTo(plan.summary().customers());
  }

  @Test
  void aPassedWinnerFallsBackToTheNextDecisionOnThatChannel() {
    Plan plan =
        PLANNER.plan(
            book(1),
            source(
                call(
                    "L1",
                    "senior",
                    Timing.NOW.on(java.time.LocalDate.of(2025, 8, 1)),
                    9,
                    "urgent but late"),
                call("L1", "junior", Timing.NOW.window("10:00", "12:00"), 1, "fallback"),
                call("L1", "intern", Timing.NOW, 0, "weakest")),
            AS_OF);

    assertThat(plan.steps())
        .singleElement()
        .satisfies(s -> assertThat(s.body().getString("agentId")).isEqualTo("junior"));
    assertThat(plan.warnings()).extracting(Plan.Warning::rule).containsExactly("urgent but late");
    assertThat(plan.overrides())
        .extracting(Plan.Overridden::rule, Plan.Overridden::winner)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("weakest", "fallback"));
    assertThat(plan.summary().contacted()).isEqualTo(1);
  }

  @Test
  void sameRequestIsSharedAndLargeAudiencesAreSplit() {
    Planner small =
        Planner.builder("CAMP")
            .zone(ZoneId.of("Asia/Kolkata"))
            .maxIdsPerStep(2)
            .filters(dev.outreach.core.filter.FilterCompiler.Mode.IDS)
            .build();
    Ruling[] ds =
        IntStream.rangeClosed(1, 5).mapToObj(i -> call("L" + i, "r")).toArray(Ruling[]::new);

    Plan plan = small.plan(book(5), source(ds), AS_OF);

    assertThat(plan.steps())
        .extracting(Step::customerIds)
        .containsExactly(List.of("L1", "L2"), List.of("L3", "L4"), List.of("L5"));
    assertThat(plan.steps()).extracting(Step::id).containsExactly("s0001", "s0002", "s0003");
  }

  @Test
  void decisionsArrivingInAnyOrderGiveTheSameBytes() {
    List<Ruling> ds =
        List.of(
            call("L1", "agent", Timing.NOW, 0, "a"),
            call("L1", "agent", Timing.NOW, 0, "b"),
            sms("L2", "t", Timing.NOW.window("10:00", "11:00"), "s"),
            suppress("L3", "x", "p"),
            suppress("L3", "y", "q"));
    String forward = PlanJson.write(PLANNER.plan(book(3), (c, d, sink) -> ds.forEach(sink), AS_OF));
    List<Ruling> reversed = new java.util.ArrayList<>(ds);
    java.util.Collections.reverse(reversed);

    String backward =
        PlanJson.write(PLANNER.plan(book(3), (c, d, sink) -> reversed.forEach(sink), AS_OF));

    assertThat(backward).isEqualTo(forward);
  }

  @Test
  void inconsistentInputIsRejected() {
    assertThatThrownBy(() -> PLANNER.plan(book(1), source(call("L9", "ghost")), AS_OF))
        .hasMessageContaining("rule \"ghost\" decided for L9, who is not in the portfolio");
    List<Customer> twice = List.of(Customer.builder("L1").build(), Customer.builder("L1").build());
    assertThatThrownBy(() -> PLANNER.plan(twice, source(), AS_OF))
        .hasMessageContaining("loan id L1 more than once");
    assertThatThrownBy(() -> Planner.builder("a/b")).hasMessageContaining("one path segment");
  }
}
