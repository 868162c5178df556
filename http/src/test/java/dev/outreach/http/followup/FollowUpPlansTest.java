package dev.outreach.http.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import dev.outreach.core.Channel;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import dev.outreach.http.execute.IdempotencyKeys;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowUpPlansTest {
  static final OpenApiInteractionValidator OPENAPI =
      OpenApiInteractionValidator.createForSpecificationUrl(
              Path.of("../docs/api/openapi.yaml").toUri().toString())
          .build();
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  static final Clock NOON =
      Clock.fixed(Instant.parse("2025-08-05T06:30:00Z"), ZoneOffset.UTC); // 12:00 IST

  @TempDir Path dir;

  static Step step(String id, StepKind kind, String hhmm, List<String> ids) {
    var filter = Json.createArrayBuilder();
    ids.forEach(filter::add);
    var body =
        kind == StepKind.INITIATE_CALLS
            ? Json.createObjectBuilder()
                .add("agentId", "agent_abc123")
                .add("dispositionId", "disp_xyz789")
            : Json.createObjectBuilder().add("templateId", "tpl");
    // Compact filters, one audience per step (the executor refuses two steps that select the same
    // customers).
    body.add("limit", ids.size())
        .add(
            "filters",
            Json.createObjectBuilder()
                .add("payment_status", "pending")
                .add("language", "lang-" + id));
    return new Step(
        id,
        kind,
        "POST",
        kind.path("CAMP"),
        OffsetDateTime.parse("2025-08-05T" + hhmm + ":00+05:30"),
        OffsetDateTime.parse("2025-08-05T18:00:00+05:30"),
        body.build(),
        ids,
        List.of("rule-" + id));
  }

  static Plan plan() {
    List<Step> steps =
        List.of(
            step("s1", StepKind.INITIATE_CALLS, "10:00", List.of("L1", "L2", "L3", "L4")),
            step("s2", StepKind.INITIATE_SMS, "14:00", List.of("L5", "L6")),
            step("s3", StepKind.INITIATE_SMS, "10:00", List.of("L7")),
            step("s4", StepKind.INITIATE_CALLS, "10:00", List.of("L8")));
    return new Plan(
        "CAMP",
        AS_OF,
        ZoneId.of("Asia/Kolkata"),
        new Summary(8, 8, 0, 0, 0, 4, Map.of(Channel.CALL, 5, Channel.SMS, 3, Channel.WHATSAPP, 0)),
        steps,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static JournalRecord.Outcome outcome(String step, Result r, List<String> failed) {
    return new JournalRecord.Outcome(
        step,
        1,
        r,
        OptionalInt.of(207),
        "m",
        OptionalInt.of(1),
        OptionalInt.of(2),
        failed,
        Optional.empty(),
        Instant.parse("2025-08-05T04:31:00Z"));
  }

  Path journal(Plan plan) {
    Path file = dir.resolve("run.journal");
    try (Journal j = PlanExecutor.openJournal(file, plan)) {
      for (Step s : plan.steps()) {
        j.append(
            new JournalRecord.Sending(
                s.id(), 1, IdempotencyKeys.of(plan, s), Instant.parse("2025-08-05T04:30:00Z")));
      }
      j.append(outcome("s1", Result.PARTIAL, List.of("L4", "L2", "NOT-IN-STEP")));
      j.append(outcome("s2", Result.PARTIAL, List.of("L6")));
      j.append(outcome("s3", Result.DONE, List.of()));
      // s4: sending without an outcome - unknown
    }
    return file;
  }

  @Test
  void followsUpExactlyTheCustomersThe207sNamedWithIdsAndALimit() {
    Plan plan = plan();

    FollowUp f = FollowUpPlans.of(plan, Journal.read(journal(plan)), NOON);

    List<Step> steps = f.plan().steps();
    assertThat(steps).extracting(Step::id).containsExactly("f-s1", "f-s2");
    Step calls = steps.get(0);
    assertThat(calls.customerIds()).containsExactly("L2", "L4");
    assertThat(calls.body())
        .isEqualTo(
            JsonText.parseObject(
                "{\"agentId\":\"agent_abc123\",\"dispositionId\":"
                    + "\"disp_xyz789\",\"limit\":2,\"filters\":{\"ids\":[\"L2\",\"L4\"]}}"));
    assertThat(calls.notBefore()).isEqualTo(OffsetDateTime.parse("2025-08-05T12:00:00+05:30"));
    assertThat(calls.notAfter()).isEqualTo(plan.steps().get(0).notAfter());
    assertThat(calls.rules()).containsExactly("rule-s1");
    assertThat(steps.get(1).notBefore())
        .isEqualTo(plan.steps().get(1).notBefore()); // still in the future
    assertThat(steps.get(1).body().getJsonObject("filters").toString())
        .isEqualTo("{\"ids\":[\"L6\"]}");
    assertThat(f.plan().summary().customers()).isEqualTo(3);
    assertThat(f.plan().summary().byChannel())
        .containsEntry(Channel.CALL, 2)
        .containsEntry(Channel.SMS, 1);
    assertThat(f.leftOut())
        .anySatisfy(l -> assertThat(l).contains("s4", "unknown", "may have been contacted"))
        .anySatisfy(l -> assertThat(l).contains("s1", "not customers of the step"));
    for (Step s : steps) {
      assertThat(
              OPENAPI
                  .validateRequest(
                      SimpleRequest.Builder.post(s.path())
                          .withContentType("application/json")
                          .withHeader("Authorization", "Bearer t")
                          .withBody(s.bodyBytes())
                          .build())
                  .getMessages())
          .as(s.id())
          .isEmpty();
    }
    assertThat(PlanJson.read(PlanJson.write(f.plan()))).isEqualTo(f.plan());
    assertThat(dev.outreach.core.plan.PlanValidation.problems(f.plan())).isEmpty();
  }

  @Test
  void refusesAJournalOfAnotherPlan() {
    Plan plan = plan();
    Path file = journal(plan);
    Plan other =
        new Plan(
            "CAMP",
            AS_OF.plusDays(1),
            plan.zone(),
            plan.summary(),
            plan.steps(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThatThrownBy(() -> FollowUpPlans.of(other, Journal.read(file), NOON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another plan");
  }

  @Test
  void theFollowUpOfAPartialUploadAndAPartialContactIsAPlanTheExecutorAccepts() {
    var records = Json.createArrayBuilder();
    for (String id : List.of("L1", "L2", "L3")) {
      records.add(
          Json.createObjectBuilder().add("loan_id", id).add("phone_number", "+919876543210"));
    }
    Step upload =
        new Step(
            "s0",
            StepKind.BULK_ADD_CUSTOMERS,
            "POST",
            StepKind.BULK_ADD_PATH,
            AS_OF,
            null,
            Json.createObjectBuilder().add("campaignId", "CAMP").add("records", records).build(),
            List.of("L1", "L2", "L3"),
            List.of());
    Step sms = step("s1", StepKind.INITIATE_SMS, "10:00", List.of("L1", "L2", "L3"));
    Plan plan =
        new Plan(
            "CAMP",
            AS_OF,
            ZoneId.of("Asia/Kolkata"),
            new Summary(3, 3, 0, 0, 0, 2, Map.of(Channel.SMS, 3)),
            List.of(upload, sms),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Path file = dir.resolve("upload.journal");
    try (Journal j = PlanExecutor.openJournal(file, plan)) {
      for (Step s : plan.steps()) {
        j.append(
            new JournalRecord.Sending(
                s.id(), 1, IdempotencyKeys.of(plan, s), Instant.parse("2025-08-05T04:30:00Z")));
      }
      j.append(outcome("s0", Result.PARTIAL, List.of("L3")));
      j.append(outcome("s1", Result.PARTIAL, List.of("L1", "L2")));
    }

    Plan next = FollowUpPlans.of(plan, Journal.read(file), NOON).plan();

    assertThat(next.steps()).extracting(Step::id).containsExactly("f-s0", "f-s1");
    assertThat(dev.outreach.core.plan.PlanValidation.problems(next)).isEmpty();
  }
}
