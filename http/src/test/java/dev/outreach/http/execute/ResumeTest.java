package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.plan.Plan;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ScriptedServer.Answer;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalException;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal and resume: a second run of the same plan sends nothing that may already have been sent.
 */
class ResumeTest {
  static final String TOKEN = "resume-T0ken-9";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  ScriptedServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ExecutionReport run(Plan plan, Path journal, String token) {
    OutreachClient client = OutreachClient.builder(server.uri()).token(token).build();
    try (Journal j = PlanExecutor.openJournal(journal, plan, server.uri())) {
      return PlanExecutor.builder(client)
          .meterRegistry(new SimpleMeterRegistry())
          .clock(clock)
          .respectSchedule(false)
          .sleeper(clock::advance)
          .maxInFlight(2)
          .build()
          .execute(plan, j);
    }
  }

  /**
   * Writes what a run killed right after journaling "sending" for {@code stepIds} would have left.
   */
  void crashedWhileSending(Plan plan, Path journal, String... stepIds) {
    try (Journal j = PlanExecutor.openJournal(journal, plan, server.uri())) {
      for (String id : stepIds) {
        String key =
            IdempotencyKeys.of(
                plan,
                plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow());
        j.append(new JournalRecord.Sending(id, 1, key, clock.instant()));
      }
    }
  }

  @Test
  void aSecondRunSendsNothingAndReportsEveryStepFromTheJournal() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.initiated(1));
    Path journal = dir.resolve("run.journal");
    Plan plan = Plans.sms(5);

    ExecutionReport first = run(plan, journal, TOKEN);
    ExecutionReport second = run(plan, journal, TOKEN);

    assertThat(first.allDone()).isTrue();
    assertThat(second.allDone()).isTrue();
    assertThat(server.requests()).hasSize(5);
    assertThat(second.steps())
        .allSatisfy(s -> assertThat(((StepOutcome.Sent) s.outcome()).fromJournal()).isTrue());
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(TOKEN).contains("\"type\":\"sending\"", "\"result\":\"done\"");
  }

  @Test
  void anInitiateThatMayHaveBeenSentIsUnknownAndNeverSentAgain() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.initiated(1));
    Path journal = dir.resolve("run.journal");
    Plan plan = Plans.sms(3);
    crashedWhileSending(plan, journal, "s001");

    ExecutionReport report = run(plan, journal, TOKEN);
    ExecutionReport again = run(plan, journal, TOKEN);

    assertThat(server.contacts()).containsOnlyKeys("C000", "C002");
    assertThat(report.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("done", "unknown", "done");
    assertThat(((StepOutcome.Sent) report.steps().get(1).outcome()).message())
        .contains("earlier run stopped");
    assertThat(again.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("done", "unknown", "done");
    assertThat(server.requests()).hasSize(2);
    assertThat(Journal.read(journal).steps().get("s001").lastOutcome().orElseThrow().result())
        .isEqualTo(Result.UNKNOWN);
  }

  @Test
  void anUploadThatMayHaveBeenSentIsSentAgainUnderTheSameKey() throws Exception {
    String added =
        "{\"success\":true,\"message\":\"ok\",\"results\":{\"total\":1,\"valid\":1,\"invalid\":0,"
            + "\"successful\":1,\"failed\":0,\"batchesProcessed\":1,\"errors\":[]}}";
    server =
        new ScriptedServer(
            (r, n) -> r.path().endsWith("/bulk") ? Answer.of(201, added) : Answer.initiated(2));
    Path journal = dir.resolve("run.journal");
    Plan plan = Plans.uploadThenSms();
    crashedWhileSending(plan, journal, "up-U1");

    ExecutionReport report = run(plan, journal, TOKEN);

    assertThat(report.allDone()).isTrue();
    assertThat(server.requests())
        .extracting(ScriptedServer.Request::path)
        .filteredOn(p -> p.endsWith("/bulk"))
        .hasSize(2);
    assertThat(server.requests())
        .filteredOn(r -> r.path().endsWith("/bulk") && r.body().contains("\"U1\""))
        .extracting(ScriptedServer.Request::key)
        .containsExactly(IdempotencyKeys.of(plan, plan.steps().get(0)));
    assertThat(Journal.read(journal).steps().get("up-U1").attempts()).isEqualTo(2);
  }

  @Test
  void aRefusedTokenLeavesTheRestForTheNextRunWhichSendsIt() throws Exception {
    AtomicBoolean tokenFixed = new AtomicBoolean();
    server =
        new ScriptedServer(
            (r, n) ->
                tokenFixed.get()
                    ? Answer.initiated(1)
                    : Answer.of(401, "{\"message\":\"bad token\"}"));
    Path journal = dir.resolve("run.journal");
    Plan plan = Plans.sms(4);

    ExecutionReport refused = run(plan, journal, "wrong-token");
    tokenFixed.set(true);
    ExecutionReport resumed = run(plan, journal, TOKEN);

    assertThat(refused.count("unauthorized")).isBetween(1L, 2L);
    assertThat(refused.count("done")).isZero();
    assertThat(resumed.allDone()).isTrue();
    assertThat(server.contacts()).hasSize(4).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
  }

  @Test
  void throttledStepsAreSentAgainByTheNextRun() throws Exception {
    AtomicBoolean calm = new AtomicBoolean();
    server =
        new ScriptedServer(
            (r, n) ->
                calm.get()
                    ? Answer.initiated(1)
                    : Answer.of(429, "{}").header("Retry-After", "600"));
    Path journal = dir.resolve("run.journal");
    Plan plan = Plans.sms(2);

    ExecutionReport throttled = run(plan, journal, TOKEN);
    calm.set(true);
    ExecutionReport resumed = run(plan, journal, TOKEN);

    assertThat(throttled.count("throttled")).isEqualTo(2);
    assertThat(resumed.allDone()).isTrue();
    assertThat(Journal.read(journal).steps().get("s000").attempts()).isEqualTo(2);
  }

  @Test
  void anotherExecutorOnTheSameJournalFailsFastAndSendsNothing() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.initiated(1));
    Path journal = dir.resolve("run.journal");
    Plan plan = Plans.sms(2);
    try (Journal held = PlanExecutor.openJournal(journal, plan, server.uri())) {
      assertThat(held.contents().records()).isEmpty();
      assertThatThrownBy(() -> run(plan, journal, TOKEN))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("in use by another executor");
    }
    assertThatThrownBy(() -> run(Plans.sms(3), journal, TOKEN))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("belongs to another plan");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void theJournalRecordsWhatEachAttemptCameTo() throws Exception {
    server =
        new ScriptedServer(
            (r, n) ->
                n == 1 ? Answer.of(503, "{}").header("Retry-After", "1") : Answer.initiated(1));
    Path journal = dir.resolve("run.journal");

    run(Plans.sms(1), journal, TOKEN);

    List<JournalRecord> records = Journal.read(journal).records();
    assertThat(records).hasSize(4);
    assertThat(records.get(0)).isInstanceOf(JournalRecord.Sending.class);
    assertThat(((JournalRecord.Outcome) records.get(1)).result()).isEqualTo(Result.THROTTLED);
    assertThat(((JournalRecord.Sending) records.get(2)).attempt()).isEqualTo(2);
    JournalRecord.Outcome done = (JournalRecord.Outcome) records.get(3);
    assertThat(done.result()).isEqualTo(Result.DONE);
    assertThat(done.succeeded()).hasValue(1);
    assertThat(Map.of("status", done.status().getAsInt())).containsEntry("status", 200);
    assertThat(Duration.between(((JournalRecord.Sending) records.get(0)).at(), done.at()))
        .isPositive();
  }
}
