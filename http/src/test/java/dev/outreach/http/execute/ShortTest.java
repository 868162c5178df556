package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import dev.outreach.http.execute.ScriptedServer.Answer;
import dev.outreach.http.followup.FollowUp;
import dev.outreach.http.followup.FollowUpPlans;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.Result;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A success reply that says fewer customers were initiated than the step planned is its own
 * outcome.
 */
class ShortTest {
  static final String TOKEN = "short-T0ken-8";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  ScriptedServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  ExecutionReport run(Plan plan, Path journal) {
    OutreachClient client = OutreachClient.builder(server.uri()).token(TOKEN).build();
    PlanExecutor executor =
        PlanExecutor.builder(client)
            .meterRegistry(registry)
            .clock(clock)
            .respectSchedule(false)
            .sleeper(clock::advance)
            .maxInFlight(1)
            .build();
    if (journal == null) {
      return executor.execute(plan);
    }
    try (Journal j = PlanExecutor.openJournal(journal, plan, server.uri())) {
      return executor.execute(plan, j);
    }
  }

  static Plan threeSteps() {
    return Plans.of(
        List.of(
            CustomerTotalsTest.sms("mock", at("18:00"), "A1", "A2", "A3"),
            CustomerTotalsTest.sms("fewer", at("18:00"), "B1", "B2", "B3", "B4"),
            CustomerTotalsTest.sms("all", at("18:00"), "C1")));
  }

  static Answer answer(ScriptedServer.Request r) {
    if (r.body().contains("\"A1\"")) { // what a mock answers
      return Answer.of(200, CustomerTotalsTest.results(true, 0, 0, 0));
    }
    if (r.body().contains("\"B1\"")) {
      return Answer.of(200, CustomerTotalsTest.results(true, 3, 3, 0));
    }
    return Answer.initiated(1);
  }

  @Test
  void aSuccessThatInitiatedFewerThanPlannedIsShortCountedJournaledAndNeverSentAgain()
      throws Exception {
    server = new ScriptedServer((r, n) -> answer(r));
    Plan plan = threeSteps();
    Path journal = dir.resolve("run.journal");

    ExecutionReport first = run(plan, journal);

    assertThat(first.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("short", "short", "done");
    assertThat(first.allDone()).isFalse();
    StepOutcome.Sent fewer = (StepOutcome.Sent) first.steps().get(1).outcome();
    assertThat(fewer.result()).isEqualTo(Result.SHORT);
    assertThat(fewer.message())
        .contains(
            "initiated 3 of the 4 customers planned",
            "did not name the other 1",
            "totalMatched 3",
            "the campaign may not hold them all");
    assertThat(((StepOutcome.Sent) first.steps().get(0).outcome()).message())
        .contains("initiated 0 of the 3");
    assertThat(first.byChannel().get(Channel.SMS))
        .isEqualTo(new ChannelTotals(0 + 3 + 1, 3 + 1, 0, 0));
    assertThat(registry.get("outreach.steps").tag("outcome", "short").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("outreach.customers.failed").tag("channel", "sms").counter().count())
        .isEqualTo(4.0);
    assertThat(Files.readString(journal, StandardCharsets.UTF_8)).contains("\"result\":\"short\"");

    registry = new SimpleMeterRegistry();
    ExecutionReport resumed = run(plan, journal);

    assertThat(server.requests()).hasSize(3); // nothing sent again
    assertThat(resumed.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("short", "short", "done");
    assertThat(resumed.steps())
        .allSatisfy(s -> assertThat(((StepOutcome.Sent) s.outcome()).fromJournal()).isTrue());
    assertThat(resumed.byChannel().get(Channel.SMS)).isEqualTo(first.byChannel().get(Channel.SMS));

    FollowUp followUp = FollowUpPlans.of(plan, Journal.read(journal), clock);
    assertThat(followUp.plan().steps()).isEmpty();
    assertThat(followUp.leftOut())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).contains("short", "cannot select them by id", "dashboard"));
  }

  @Test
  void aSuccessWhoseResultsLackTheDocumentedCountsIsUnknownNotDone() throws Exception {
    server =
        new ScriptedServer(
            (r, n) ->
                Answer.of(
                    200, "{\"success\":true,\"message\":\"ok\",\"results\":{\"initiated\":0}}"));
    Plan plan = Plans.of(List.of(CustomerTotalsTest.sms("s", at("18:00"), "A1", "A2")));

    ExecutionReport report = run(plan, null);

    assertThat(report.steps()).extracting(s -> s.outcome().outcome()).containsExactly("unknown");
    assertThat(((StepOutcome.Sent) report.steps().get(0).outcome()).message())
        .contains("not the documented counts");
    assertThat(report.byChannel().get(Channel.SMS)).isEqualTo(new ChannelTotals(0, 0, 2, 0));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aSuccessClaimingMoreThanPlannedIsDoneWithAWarning() throws Exception {
    server =
        new ScriptedServer((r, n) -> Answer.of(200, CustomerTotalsTest.results(true, 7, 7, 0)));
    Plan plan = Plans.of(List.of(CustomerTotalsTest.sms("s", at("18:00"), "A1", "A2")));

    ExecutionReport report = run(plan, null);

    assertThat(report.allDone()).isTrue();
    assertThat(((StepOutcome.Sent) report.steps().get(0).outcome()).message())
        .contains("warning", "7 customers initiated");
    assertThat(report.warnings())
        .singleElement()
        .asString()
        .contains("step s", "7 customers initiated", "2 planned");
    assertThat(report.byChannel().get(Channel.SMS).initiated()).isEqualTo(7);
  }

  @Test
  void anUploadThatAddedFewerRecordsThanPlannedIsShortAndNobodyIsContacted() throws Exception {
    server =
        new ScriptedServer(
            (r, n) ->
                r.path().endsWith("/bulk") && r.body().contains("\"U1\"")
                    ? Answer.of(
                        201,
                        "{\"success\":true,\"message\":\"Added 0 of 1 records\",\"results\":{\"total\":1,\"valid\":1,"
                            + "\"invalid\":0,\"successful\":0,\"failed\":0,\"batchesProcessed\":1,\"errors\":[]}}")
                    : r.path().endsWith("/bulk")
                        ? Answer.of(
                            201,
                            "{\"success\":true,\"message\":\"Added 1 of 1 records\","
                                + "\"results\":{\"total\":1,\"valid\":1,\"invalid\":0,\"successful\":1,\"failed\":0,\"batchesProcessed\":1,"
                                + "\"errors\":[]}}")
                        : Answer.initiated(2));

    ExecutionReport report = run(Plans.uploadThenSms(), null);

    assertThat(report.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("short", "done", "not_run");
    assertThat(((StepOutcome.Sent) report.steps().get(0).outcome()).message())
        .contains("added 0 of the 1 records");
    assertThat(server.requests()).noneMatch(r -> r.path().startsWith("/api/v1/initiate/"));
  }
}
