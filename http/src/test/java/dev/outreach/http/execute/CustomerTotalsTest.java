package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import dev.outreach.http.execute.ScriptedServer.Answer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The customer totals say what became of each customer: initiated, failed (the API said so),
 * unknown (sent, outcome unknown) and not attempted (never carried out), and planned comes from the
 * steps.
 */
class CustomerTotalsTest {
  static final String TOKEN = "totals-T0ken-3";
  static final String RESULTS =
      "{\"success\":%s,\"message\":\"m\",\"results\":{\"totalMatched\":%d,\"customersSelected\":%d,"
          + "\"initiated\":%d,\"failed\":%d,\"batchesProcessed\":1,\"errors\":[]}}";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  ScriptedServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  static Step sms(String id, OffsetDateTime notAfter, String... ids) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (String c : ids) {
      a.add(c);
    }
    return new Step(
        id,
        StepKind.INITIATE_SMS,
        "POST",
        StepKind.INITIATE_SMS.path(Plans.CAMPAIGN),
        at("08:00"),
        notAfter,
        Json.createObjectBuilder()
            .add("templateId", "tpl")
            .add("limit", ids.length)
            .add("filters", Json.createObjectBuilder().add("ids", a))
            .build(),
        List.of(ids),
        List.of("rule"));
  }

  static String results(boolean success, int planned, int initiated, int failed) {
    return String.format(Locale.ROOT, RESULTS, success, planned, planned, initiated, failed);
  }

  ExecutionReport run(Plan plan) {
    OutreachClient client = OutreachClient.builder(server.uri()).token(TOKEN).build();
    return PlanExecutor.builder(client)
        .meterRegistry(registry)
        .clock(clock)
        .random(new SplittableRandom(3))
        .respectSchedule(false)
        .maxInFlight(1)
        .sleeper(clock::advance)
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
        .build()
        .execute(plan);
  }

  double customers(String meter) {
    return registry.get(meter).tag("channel", "sms").counter().count();
  }

  @Test
  void eachColumnCountsWhatItSaysAndPlannedComesFromTheSteps() throws Exception {
    server =
        new ScriptedServer(
            (r, n) -> {
              if (r.body().contains("\"A1\"")) {
                return Answer.of(200, results(true, 2, 2, 0)); // initiated 2
              }
              if (r.body().contains("\"B1\"")) {
                return Answer.of(207, results(false, 3, 1, 2)); // initiated 1, failed 2
              }
              if (r.body().contains("\"C1\"")) {
                return Answer.of(500, results(false, 2, 0, 2))
                    .processed(false); // the API failed both
              }
              if (r.body().contains("\"D1\"")) {
                return Answer.dropped(true); // sent, outcome unknown
              }
              if (r.body().contains("\"E1\"")) {
                return Answer.of(502, "{\"message\":\"bad gateway\"}"); // opaque 5xx: unknown
              }
              if (r.body().contains("\"F1\"")) {
                return Answer.of(400, "{\"message\":\"bad template\"}"); // refused: not attempted
              }
              if (r.body().contains("\"G1\"")) {
                return Answer.of(429, "{\"message\":\"slow down\"}")
                    .header("Retry-After", "3600"); // throttled out
              }
              return Answer.of(401, "{\"message\":\"invalid token\"}"); // I1: stops the run
            });
    Plan steps =
        Plans.of(
            List.of(
                sms("a", at("18:00"), "A1", "A2"),
                sms("b", at("18:00"), "B1", "B2", "B3"),
                sms("c", at("18:00"), "C1", "C2"),
                sms("d", at("18:00"), "D1"),
                sms("e", at("18:00"), "E1", "E2"),
                sms("f", at("18:00"), "F1"),
                sms("g", at("18:00"), "G1", "G2"),
                sms("h", at("08:30"), "H1", "H2", "H3"), // expired
                sms("i", at("18:00"), "I1"), // refused token: not attempted
                sms("j", at("18:00"), "J1", "J2"))); // not run after the 401
    // A summary that disagrees with the steps (as a hand-edited plan's may): the steps are what is
    // sent.
    Plan plan =
        new Plan(
            steps.campaignId(),
            steps.asOf(),
            steps.zone(),
            new Summary(
                7, 7, 0, 0, 0, 10, Map.of(Channel.CALL, 2, Channel.SMS, 5, Channel.WHATSAPP, 0)),
            steps.steps(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    ExecutionReport report = run(plan);

    assertThat(report.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly(
            "done",
            "partial",
            "failed_nothing",
            "unknown",
            "failed",
            "rejected",
            "throttled",
            "expired",
            "unauthorized",
            "not_run");
    assertThat(report.byChannel().get(Channel.SMS))
        .isEqualTo(new ChannelTotals(2 + 1, 2 + 2, 1 + 2, 1 + 2 + 3 + 1 + 2));
    assertThat(report.planned(Channel.SMS)).isEqualTo(19);
    assertThat(report.planned(Channel.CALL)).isZero();
    assertThat(customers("outreach.customers.initiated")).isEqualTo(3.0);
    assertThat(customers("outreach.customers.failed")).isEqualTo(4.0);
    assertThat(customers("outreach.customers.unknown")).isEqualTo(3.0);
    assertThat(customers("outreach.customers.not_attempted")).isEqualTo(9.0);
  }
}
