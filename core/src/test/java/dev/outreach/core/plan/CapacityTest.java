package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.call;
import static dev.outreach.core.plan.Decisions.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's daily capacity per channel: filled by priority, score and loan id. */
class CapacityTest {
  @TempDir Path dir;

  static Plan plan(GuardrailPolicy policy, List<Customer> book, Ruling... rulings) {
    return Planner.builder("CAMP")
        .zone(ZoneId.of("Asia/Kolkata"))
        .guardrails(new Guardrails(policy, ContactHistory.empty()))
        .build()
        .plan(book, PlannerTest.source(rulings), PlannerTest.AS_OF);
  }

  /** Each day (of the plan's zone) its customers, in loan-id order, from the plan's steps. */
  static Map<String, List<String>> byDay(Plan plan, Channel channel) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Step s : plan.steps()) {
      if (s.kind() == StepKind.initiate(channel)) {
        out.computeIfAbsent(s.notBefore().toLocalDate().toString(), k -> new ArrayList<>())
            .addAll(s.customerIds());
      }
    }
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  static Contact scored(String id, int priority, String score) {
    return call(id, "agent", Timing.NOW.window("10:00", "13:00"), priority, "call")
        .withScore(score == null ? null : new BigDecimal(score));
  }

  @Test
  void aFullDayKeepsTheHighestPriorityThenScoreThenLoanIdAndMovesTheRestToTheNextDayWithRoom() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().capacity(Channel.CALL, 2).build();

    Plan plan =
        plan(
            policy,
            PlannerTest.book(6),
            scored("L1", 0, null),
            scored("L2", 0, "0.5"),
            scored("L3", 1, null),
            scored("L4", 0, "0.9"),
            scored("L5", 0, null),
            scored("L6", 0, "0.5"));

    // 2025-08-05: priority 1 (L3), then the best score (L4); then score 0.5 by loan id, then none.
    assertThat(byDay(plan, Channel.CALL))
        .containsExactly(
            Map.entry("2025-08-05", List.of("L3", "L4")),
            Map.entry("2025-08-06", List.of("L2", "L6")),
            Map.entry("2025-08-07", List.of("L1", "L5")));
    assertThat(plan.capacity())
        .containsExactly(
            new CapacityDay(Channel.CALL, LocalDate.parse("2025-08-05"), 2, 2, 0, 4, 0),
            new CapacityDay(Channel.CALL, LocalDate.parse("2025-08-06"), 2, 2, 2, 2, 0),
            new CapacityDay(Channel.CALL, LocalDate.parse("2025-08-07"), 2, 2, 2, 0, 0));
    // The moved calls start when their window opens on the new day, with a warning saying why.
    assertThat(
            plan.steps().stream()
                .filter(s -> s.customerIds().contains("L1"))
                .map(
                    s ->
                        PlanJson.TIME.format(s.notBefore())
                            + ".."
                            + PlanJson.TIME.format(s.notAfter())))
        .containsExactly("2025-08-07T10:00:00+05:30..2025-08-07T13:00:00+05:30");
    assertThat(plan.warnings())
        .filteredOn(w -> w.customerId().equals("L1"))
        .extracting(Plan.Warning::code, Plan.Warning::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "CAPACITY",
                "call at Tue 2025-08-05 10:00 Asia/Kolkata: the 2 calls a day of Wed 2025-08-06"
                    + " (in Asia/Kolkata) are taken by contacts ranked before it (priority, score,"
                    + " loan id); moved to Thu 2025-08-07 10:00"));
    assertThat(plan.summary().contacted()).isEqualTo(6);
    assertThat(plan.summary().dropped()).isZero();
  }

  @Test
  void pastTheHorizonOrOnAFixedDateTheOverflowIsDroppedAndTheCustomerCountsAsDropped() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder()
            .capacity(Channel.CALL, 1)
            .horizonDays(1)
            .workingDays(EnumSet.complementOf(EnumSet.of(DayOfWeek.WEDNESDAY)))
            .build();

    Plan plan =
        plan(
            policy,
            PlannerTest.book(4),
            scored("L1", 3, null),
            scored("L2", 2, null),
            call("L3", "agent", Timing.NOW.on(LocalDate.parse("2025-08-05")), 1, "today only"),
            scored("L4", 0, null),
            sms("L4", "tpl", Timing.NOW, "sms too"));

    // Wednesday is not a working day, so the next day with room is Thursday: 2 days, past the
    // horizon of 1.
    assertThat(byDay(plan, Channel.CALL)).containsExactly(Map.entry("2025-08-05", List.of("L1")));
    assertThat(plan.warnings())
        .filteredOn(w -> w.code().equals("CAPACITY"))
        .extracting(Plan.Warning::customerId, Plan.Warning::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "L2",
                "CALL not planned: the 1 call a day of Tue 2025-08-05 (in Asia/Kolkata) is taken"
                    + " by contacts ranked before it (priority, score, loan id), and no later day"
                    + " within the horizon of 1 day has room"),
            org.assertj.core.groups.Tuple.tuple(
                "L3",
                "CALL not planned: the 1 call a day of Tue 2025-08-05 (in Asia/Kolkata) is taken"
                    + " by contacts ranked before it (priority, score, loan id), and the rule fixed"
                    + " the date"),
            org.assertj.core.groups.Tuple.tuple(
                "L4",
                "CALL not planned: the 1 call a day of Tue 2025-08-05 (in Asia/Kolkata) is taken"
                    + " by contacts ranked before it (priority, score, loan id), and no later day"
                    + " within the horizon of 1 day has room"));
    // L4 still gets its SMS: contacted; L2 and L3 had nothing else: dropped.
    assertThat(plan.summary().contacted()).isEqualTo(2);
    assertThat(plan.summary().dropped()).isEqualTo(2);
    assertThat(plan.summary().byChannel())
        .containsEntry(Channel.CALL, 1)
        .containsEntry(Channel.SMS, 1);
    assertThat(plan.capacity())
        .containsExactly(
            new CapacityDay(Channel.CALL, LocalDate.parse("2025-08-05"), 1, 1, 0, 0, 3));
  }

  @Test
  void theCapacityDaysSurviveThePlanJsonAndAPlanWithoutCapacityHasNone() throws Exception {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().capacity(Channel.CALL, 1).build();
    Plan plan = plan(policy, PlannerTest.book(2), scored("L1", 0, null), scored("L2", 0, null));

    String json = PlanJson.write(plan);
    StringWriter streamed = new StringWriter();
    PlanJson.write(plan, streamed);
    assertThat(streamed.toString()).isEqualTo(json);
    assertThat(json).contains("\"capacity\"", "\"movedOut\": 1");
    Plan read = PlanJson.read(json);
    assertThat(read.capacity()).isEqualTo(plan.capacity());

    Plan none = plan(GuardrailPolicy.defaults(), PlannerTest.book(2), scored("L1", 0, null));
    assertThat(none.capacity()).isEmpty();
    assertThat(PlanJson.write(none)).doesNotContain("\"capacity\"");
  }

  @Test
  void thePolicyFileSetsCapacityPerChannelAndNamesBadValues() throws Exception {
    Path good = dir.resolve("policy.json");
    Files.writeString(
        good,
        "{ \"capacity\": { \"call\": 5000, \"WHATSAPP\": 120000,"
            + " \"SMS\": {\"concurrency\": 10, \"hours\": 8, \"minutesPerContact\": 6} } }",
        StandardCharsets.UTF_8);
    GuardrailPolicy p = GuardrailPolicy.read(good);
    assertThat(p.capacityOf(Channel.CALL)).hasValue(5000);
    assertThat(p.capacityOf(Channel.WHATSAPP)).hasValue(120000);
    assertThat(p.capacityOf(Channel.SMS)).hasValue(800); // 10 agents × 8 hours × 10 an hour

    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\n  \"capacity\": {\n    \"CALL\": 0,\n    \"FAX\": 10,\n    \"SMS\": \"lots\"\n  }\n}",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GuardrailPolicy.read(bad))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining("bad.json:3: capacity.CALL:")
        .hasMessageContaining("bad.json:4: capacity.FAX:")
        .hasMessageContaining("bad.json:5: capacity.SMS:");
  }
}
