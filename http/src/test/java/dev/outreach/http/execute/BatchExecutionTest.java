package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ScriptedServer.Answer;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch-call steps: create (idempotent by key), then schedule (reconciled with GET when unknown).
 */
class BatchExecutionTest {
  static final String ID = "7d9e2f40-1111-4222-8333-944455556666";
  static final String CREATE = "/api/v1/batch-calls";
  static final String SCHEDULE = CREATE + "/" + ID + "/schedule";

  @TempDir Path dir;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  final AtomicReference<String> status = new AtomicReference<>("none");
  ScriptedServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Plan plan() {
    Step create =
        new Step(
            "s0001",
            StepKind.CREATE_BATCH_CALL,
            "POST",
            StepKind.BATCH_CALLS_PATH,
            at("09:00"),
            null,
            Json.createObjectBuilder()
                .add("name", "EMI due")
                .add("agent_id", "3f0c1a2b-0000-4000-8000-000000000000")
                .add("contact_source", "folder")
                .add("contact_folder_id", "9b1d0000-0000-4000-8000-000000000000")
                .add("schedule_type", "scheduled")
                .add("scheduled_at", "2025-08-05T10:00:00+05:30")
                .build(),
            List.of("B1", "B2"),
            List.of("batch rule"));
    Step schedule =
        new Step(
            "s0002",
            StepKind.SCHEDULE_BATCH_CALL,
            "POST",
            StepKind.schedulePath("s0001"),
            at("09:00"),
            at("18:00"),
            Json.createObjectBuilder().build(),
            List.of("B1", "B2"),
            List.of("batch rule"));
    return Plans.of(List.of(create, schedule));
  }

  static String batch(String s) {
    return "{\"data\":{\"id\":\""
        + ID
        + "\",\"name\":\"EMI due\",\"status\":\""
        + s
        + "\",\"contacts_count\":2},\"meta\":{}}";
  }

  /**
   * A stateful fake: create makes the batch a draft, schedule makes it scheduled, GET tells its
   * status.
   */
  Answer api(ScriptedServer.Request r) {
    if (r.method().equals("GET")) {
      return Answer.of(200, batch(status.get()));
    }
    if (r.path().equals(CREATE)) {
      status.compareAndSet("none", "draft");
      return Answer.of(201, batch("draft"));
    }
    if (!status.get().equals("draft")) {
      return Answer.of(422, "{\"message\":\"batch is not in draft\"}");
    }
    status.set("scheduled");
    return Answer.of(200, batch("scheduled"));
  }

  ExecutionReport run(ScriptedServer.Script script, Path journal) throws Exception {
    if (server == null) {
      server = new ScriptedServer(script);
    }
    OutreachClient client = OutreachClient.builder(server.uri()).token("batch-T0ken").build();
    PlanExecutor executor =
        PlanExecutor.builder(client)
            .meterRegistry(registry)
            .clock(clock)
            .sleeper(clock::advance)
            .respectSchedule(false)
            .build();
    if (journal == null) {
      return executor.execute(plan());
    }
    try (Journal j = PlanExecutor.openJournal(journal, plan())) {
      return executor.execute(plan(), j);
    }
  }

  List<String> calls() {
    return server.requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  @Test
  void theScheduleGoesToTheBatchTheCreateReturned() throws Exception {
    ExecutionReport report = run((r, n) -> api(r), null);

    assertThat(report.allDone()).isTrue();
    assertThat(calls()).containsExactly("POST " + CREATE, "POST " + SCHEDULE);
    assertThat(report.steps().get(0).batchId()).contains(ID);
    assertThat(report.byChannel().get(Channel.CALL).initiated()).isEqualTo(2);
    assertThat(server.requests().get(0).key())
        .isEqualTo(IdempotencyKeys.of(plan(), plan().steps().get(0)));
  }

  @Test
  void aCreateWhoseOutcomeIsUnknownIsSentAgainUnderTheSameKey() throws Exception {
    ExecutionReport report =
        run(
            (r, n) -> {
              Answer a = api(r);
              return r.path().equals(CREATE) && n == 1 ? Answer.dropped(true) : a;
            },
            null);

    assertThat(report.allDone()).isTrue();
    assertThat(calls()).containsExactly("POST " + CREATE, "POST " + CREATE, "POST " + SCHEDULE);
    assertThat(server.requests().get(0).key()).isEqualTo(server.requests().get(1).key());
    assertThat(registry.get("outreach.retries").tag("reason", "idempotent").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aScheduleWhoseOutcomeIsUnknownIsCheckedWithGetNotSentAgain() throws Exception {
    ExecutionReport report =
        run(
            (r, n) -> {
              Answer a = api(r);
              return r.path().equals(SCHEDULE) ? Answer.dropped(true) : a;
            },
            null);

    assertThat(report.allDone()).isTrue();
    assertThat(calls())
        .containsExactly("POST " + CREATE, "POST " + SCHEDULE, "GET " + CREATE + "/" + ID);
    assertThat(((StepOutcome.Sent) report.steps().get(1).outcome()).message())
        .contains("is scheduled", "took effect");
  }

  @Test
  void aScheduleThatDidNotTakeEffectIsSentAgainAfterTheCheck() throws Exception {
    AtomicInteger schedules = new AtomicInteger();
    ExecutionReport report =
        run(
            (r, n) ->
                r.path().equals(SCHEDULE) && schedules.incrementAndGet() == 1
                    ? Answer.dropped(false)
                    : api(r),
            null);

    assertThat(report.allDone()).isTrue();
    assertThat(calls())
        .containsExactly(
            "POST " + CREATE, "POST " + SCHEDULE, "GET " + CREATE + "/" + ID, "POST " + SCHEDULE);
    assertThat(registry.get("outreach.retries").tag("reason", "reconciled").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aFailedCreateMeansNoSchedule() throws Exception {
    ExecutionReport report =
        run((r, n) -> Answer.of(422, "{\"message\":\"agent is not active\"}"), null);

    assertThat(calls()).containsExactly("POST " + CREATE);
    assertThat(report.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("rejected", "not_run");
    assertThat(((StepOutcome.NotRun) report.steps().get(1).outcome()).reason())
        .contains("s0001", "without a batch id");
  }

  @Test
  void afterACrashDuringTheScheduleTheNextRunChecksWithGet() throws Exception {
    Path journal = dir.resolve("batch.journal");
    Plan plan = plan();
    try (Journal j = PlanExecutor.openJournal(journal, plan)) {
      j.append(
          new JournalRecord.Sending(
              "s0001", 1, IdempotencyKeys.of(plan, plan.steps().get(0)), clock.instant()));
      j.append(
          new JournalRecord.Outcome(
              "s0001",
              1,
              Result.DONE,
              OptionalInt.of(201),
              "created",
              OptionalInt.empty(),
              OptionalInt.empty(),
              List.of(),
              Optional.of(ID),
              clock.instant()));
      j.append(
          new JournalRecord.Sending(
              "s0002", 1, IdempotencyKeys.of(plan, plan.steps().get(1)), clock.instant()));
    }
    status.set("scheduled"); // the killed run's schedule had reached the API

    ExecutionReport report = run((r, n) -> api(r), journal);

    assertThat(calls()).containsExactly("GET " + CREATE + "/" + ID);
    assertThat(report.allDone()).isTrue();
    assertThat(Journal.read(journal).steps().get("s0002").settled()).isTrue();
  }
}
