package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ScriptedServer.Answer;
import dev.outreach.http.journal.Result;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault the API can show, against a scripted loopback server; time is a fake clock and
 * sleeper.
 */
class ExecutorFaultsTest {
  static final String TOKEN = "faults-T0ken";
  static final String THROTTLED = "{\"success\":false,\"message\":\"slow down\"}";
  static final String ALL_FAILED =
      "{\"success\":false,\"message\":\"All calls failed\",\"results\":{\"totalMatched\":1,"
          + "\"customersSelected\":1,\"initiated\":0,\"failed\":1,\"batchesProcessed\":1,\"errors\":[]}}";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  ScriptedServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  PlanExecutor.Builder executor(URI uri, Duration timeout) {
    OutreachClient client =
        OutreachClient.builder(uri).token(TOKEN).requestTimeout(timeout).build();
    return PlanExecutor.builder(client)
        .meterRegistry(registry)
        .clock(clock)
        .random(new SplittableRandom(7))
        .respectSchedule(false)
        .maxInFlight(1)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            });
  }

  ExecutionReport run(ScriptedServer.Script script, Plan plan) throws IOException {
    server = new ScriptedServer(script);
    return executor(server.uri(), Duration.ofSeconds(5)).build().execute(plan);
  }

  double retries(String reason) {
    var c = registry.find("outreach.retries").tag("reason", reason).counter();
    return c == null ? 0 : c.count();
  }

  StepOutcome.Sent sent(ExecutionReport report, int i) {
    return (StepOutcome.Sent) report.steps().get(i).outcome();
  }

  @Test
  void connectionRefusedIsSentAgainOnceTheServerListens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int p = port;
    OutreachClient client =
        OutreachClient.builder(URI.create("http://127.0.0.1:" + port)).token(TOKEN).build();
    PlanExecutor executor =
        PlanExecutor.builder(client)
            .meterRegistry(registry)
            .clock(clock)
            .respectSchedule(false)
            .random(new SplittableRandom(1))
            .sleeper(
                d -> {
                  sleeps.add(d);
                  if (server == null) {
                    try {
                      server = new ScriptedServer((r, n) -> Answer.initiated(1), p);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                })
            .build();

    ExecutionReport report = executor.execute(Plans.sms(1));

    assertThat(sent(report, 0).result()).isEqualTo(Result.DONE);
    assertThat(sent(report, 0).attempts()).isEqualTo(2);
    assertThat(server.contacts()).containsExactlyEntriesOf(java.util.Map.of("C000", 1));
    assertThat(sleeps)
        .hasSize(1)
        .allMatch(
            d ->
                d.compareTo(Duration.ofMillis(250)) >= 0
                    && d.compareTo(Duration.ofMillis(500)) <= 0);
    assertThat(retries("not_sent")).isEqualTo(1.0);
  }

  @Test
  void tooManyRequestsWaitsTheRetryAfterThenSendsAgain() throws Exception {
    ExecutionReport report =
        run(
            (r, n) ->
                n == 1 ? Answer.of(429, THROTTLED).header("Retry-After", "2") : Answer.initiated(1),
            Plans.sms(1));

    assertThat(sent(report, 0).result()).isEqualTo(Result.DONE);
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(0).key())
        .isEqualTo(server.requests().get(1).key()); // the same request again
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2200));
    assertThat(retries("throttled")).isEqualTo(1.0);
    assertThat(
            registry
                .get("outreach.http.requests")
                .tags("status", "429", "outcome", "throttled")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aRetryAfterLongerThanTheCapEndsTheStepsAttemptsAsThrottled() throws Exception {
    ExecutionReport report =
        run((r, n) -> Answer.of(429, THROTTLED).header("Retry-After", "3600"), Plans.sms(1));

    assertThat(server.requests()).hasSize(1);
    assertThat(sent(report, 0).result()).isEqualTo(Result.THROTTLED);
    assertThat(sent(report, 0).message()).contains("PT1H", "longer than the PT1M honoured");
    assertThat(sleeps).isEmpty();
    assertThat(report.allDone()).isFalse();
  }

  @Test
  void tooManyRequestsWithoutRetryAfterBacksOffJitteredAndCapped() throws Exception {
    ExecutionReport report =
        run((r, n) -> n <= 3 ? Answer.of(429, "{}") : Answer.initiated(1), Plans.sms(1));

    assertThat(sent(report, 0).result()).isEqualTo(Result.DONE);
    assertThat(sent(report, 0).attempts()).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    long[][] bounds = {{250, 500}, {500, 1000}, {1000, 2000}};
    for (int i = 0; i < 3; i++) {
      assertThat(sleeps.get(i).toMillis())
          .as("backoff %d", i)
          .isBetween(bounds[i][0], bounds[i][1]);
    }
  }

  @Test
  void serviceUnavailableWithoutRetryAfterIsNeverSentAgainForAnInitiate() throws Exception {
    // A gateway (e.g. Envoy: "upstream connect error or disconnect/reset before headers") answers
    // 503 after
    // the API may already have taken the request: without a Retry-After nothing proves it was not
    // processed.
    ExecutionReport report =
        run(
            (r, n) ->
                Answer.of(
                    503,
                    "{\"message\":\"upstream connect error or disconnect/reset before headers\"}"),
            Plans.sms(1));

    assertThat(server.requests()).hasSize(1);
    assertThat(sent(report, 0).result()).isEqualTo(Result.FAILED);
    assertThat(sent(report, 0).result().settled()).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void serviceUnavailableWithRetryAfterIsSentAgain() throws Exception {
    ExecutionReport report =
        run(
            (r, n) ->
                n == 1 ? Answer.of(503, "{}").header("Retry-After", "1") : Answer.initiated(1),
            Plans.sms(1));

    assertThat(server.requests()).hasSize(2);
    assertThat(sent(report, 0).result()).isEqualTo(Result.DONE);
    assertThat(server.contacts()).containsEntry("C000", 1);
  }

  @Test
  void givesUpAfterMaxAttemptsAndSaysSo() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.of(429, "{}"));
    ExecutionReport report =
        executor(server.uri(), Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3))
            .build()
            .execute(Plans.sms(1));

    assertThat(server.requests()).hasSize(3);
    assertThat(sent(report, 0).result()).isEqualTo(Result.THROTTLED);
    assertThat(sent(report, 0).message()).contains("gave up after 3 attempts");
  }

  @Test
  void serverErrorProvingNothingWasInitiatedIsSentAgain() throws Exception {
    ExecutionReport report =
        run((r, n) -> n == 1 ? Answer.of(500, ALL_FAILED) : Answer.initiated(1), Plans.sms(1));

    assertThat(sent(report, 0).result()).isEqualTo(Result.DONE);
    assertThat(server.requests()).hasSize(2);
    assertThat(server.contacts()).containsEntry("C000", 1);
    assertThat(retries("failed_nothing")).isEqualTo(1.0);
  }

  @Test
  void opaqueServerErrorIsNeverSentAgain() throws Exception {
    ExecutionReport report =
        run((r, n) -> Answer.of(500, "{\"message\":\"internal error\"}"), Plans.sms(2));

    assertThat(server.requests()).hasSize(2); // one per step, none repeated
    assertThat(report.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("failed", "failed");
    assertThat(report.byChannel().get(dev.outreach.core.Channel.SMS).unknown()).isEqualTo(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void noResponseInTimeAfterSendingIsUnknownAndNeverSentAgain() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.initiated(1).after(Duration.ofSeconds(2)));
    ExecutionReport report =
        executor(server.uri(), Duration.ofMillis(300)).build().execute(Plans.sms(1));

    assertThat(server.requests()).hasSize(1);
    assertThat(sent(report, 0).result()).isEqualTo(Result.UNKNOWN);
    assertThat(sent(report, 0).message()).contains("may have been processed");
    assertThat(registry.get("outreach.steps").tag("outcome", "unknown").counter().count())
        .isEqualTo(1.0);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void droppedConnectionAfterSendingIsUnknownAndNeverSentAgain() throws Exception {
    ExecutionReport report = run((r, n) -> Answer.dropped(true), Plans.sms(2));

    assertThat(server.requests()).hasSize(2);
    assertThat(server.contacts()).containsEntry("C000", 1).containsEntry("C001", 1);
    assertThat(report.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("unknown", "unknown");
    assertThat(report.byChannel().get(dev.outreach.core.Channel.SMS).unknown()).isEqualTo(2);
  }

  @Test
  void partialRecordsTheFailedCustomers() throws Exception {
    Plan plan = Plans.plan(null);
    ExecutionReport report =
        run(
            (r, n) ->
                r.path().endsWith("/calls")
                    ? Answer.of(
                        207,
                        "{\"success\":false,"
                            + "\"message\":\"1 of 2\",\"results\":{\"totalMatched\":2,\"customersSelected\":2,\"initiated\":1,\"failed\":1,"
                            + "\"batchesProcessed\":1,\"errors\":[{\"loan_id\":\"L5\",\"error\":\"busy\"}]}}")
                    : Answer.initiated(1),
            plan);

    assertThat(report.steps().get(0).outcome().outcome()).isEqualTo("partial");
    assertThat(report.steps().get(0).failedCustomerIds()).containsExactly("L5");
    assertThat(report.byChannel().get(dev.outreach.core.Channel.CALL))
        .isEqualTo(new ExecutionReport.ChannelTotals(1, 1, 0, 0));
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void refusedTokenStopsTheRunWhileRequestsInFlightFinish() throws Exception {
    AtomicReference<String> first = new AtomicReference<>();
    server =
        new ScriptedServer(
            (r, n) -> {
              first.compareAndSet(null, r.key());
              return r.key().equals(first.get())
                  ? Answer.of(401, "{\"message\":\"invalid token\"}")
                  : Answer.initiated(1).after(Duration.ofMillis(200));
            });
    ExecutionReport report =
        executor(server.uri(), Duration.ofSeconds(5)).maxInFlight(3).build().execute(Plans.sms(20));

    assertThat(server.requests().size()).isBetween(1, 3);
    assertThat(report.stopReason()).hasValueSatisfying(s -> assertThat(s).contains("401", "token"));
    long done = report.count("done");
    assertThat(done).isEqualTo(server.requests().size() - 1);
    assertThat(report.count("unauthorized")).isEqualTo(1);
    assertThat(report.count("not_run")).isEqualTo(20 - server.requests().size());
  }

  @Test
  void neverMoreRequestsInFlightThanAllowed() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.initiated(1).after(Duration.ofMillis(40)));
    ExecutionReport report =
        executor(server.uri(), Duration.ofSeconds(5)).maxInFlight(3).build().execute(Plans.sms(24));

    assertThat(report.allDone()).isTrue();
    assertThat(server.maxConcurrency()).isEqualTo(3);
    assertThat(server.contacts()).hasSize(24).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
  }

  @Test
  void rateLimitSpacesRequestsOnTheServersClock() throws Exception {
    server = new ScriptedServer((r, n) -> Answer.initiated(1));
    OutreachClient client = OutreachClient.builder(server.uri()).token(TOKEN).build();
    ExecutionReport report =
        PlanExecutor.builder(client)
            .meterRegistry(registry)
            .respectSchedule(false)
            .clock(
                java.time.Clock.offset(
                    java.time.Clock.systemUTC(),
                    Duration.between(java.time.Instant.now(), at("10:00").toInstant())))
            .maxInFlight(4)
            .ratePerSecond(50)
            .build()
            .execute(Plans.sms(11));

    assertThat(report.allDone()).isTrue();
    List<ScriptedServer.Request> rs = server.requests();
    long span = rs.get(rs.size() - 1).arrivedNanos() - rs.get(0).arrivedNanos();
    // 11 requests at 50/s: the last is at least 10 intervals of 20 ms after the first (less
    // scheduling noise).
    assertThat(Duration.ofNanos(span)).isGreaterThan(Duration.ofMillis(180));
  }

  @Test
  void uploadsFinishBeforeAnyContactAndAFailedUploadBlocksTheContacts() throws Exception {
    String added =
        "{\"success\":true,\"message\":\"ok\",\"results\":{\"total\":1,\"valid\":1,\"invalid\":0,"
            + "\"successful\":1,\"failed\":0,\"batchesProcessed\":1,\"errors\":[]}}";
    server =
        new ScriptedServer(
            (r, n) ->
                r.path().endsWith("/bulk")
                    ? Answer.of(201, added).after(Duration.ofMillis(150))
                    : Answer.initiated(2));
    ExecutionReport report =
        executor(server.uri(), Duration.ofSeconds(5))
            .maxInFlight(4)
            .build()
            .execute(Plans.uploadThenSms());

    assertThat(report.allDone()).isTrue();
    List<ScriptedServer.Request> rs = server.requests();
    assertThat(rs)
        .extracting(ScriptedServer.Request::path)
        .containsExactly(
            "/api/v1/customers/add/bulk",
            "/api/v1/customers/add/bulk",
            "/api/v1/initiate/CAMP/sms");
    assertThat(rs.get(2).arrivedNanos() - rs.get(1).arrivedNanos())
        .isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
    server.close();

    server =
        new ScriptedServer(
            (r, n) ->
                r.body().contains("U2") && r.path().endsWith("/bulk")
                    ? Answer.of(400, "{\"message\":\"All records failed\"}")
                    : Answer.of(201, added));
    ExecutionReport blocked =
        executor(server.uri(), Duration.ofSeconds(5)).build().execute(Plans.uploadThenSms());

    assertThat(blocked.steps())
        .extracting(s -> s.outcome().outcome())
        .containsExactly("done", "rejected", "not_run");
    assertThat(((StepOutcome.NotRun) blocked.steps().get(2).outcome()).reason())
        .contains("up-U2", "rejected");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aStepIsNeverSentAfterItsNotAfterEvenWhenSendingNowOrRetrying() throws Exception {
    clock.advance(
        Duration.ofHours(9)); // 18:00 + 0s: s2 (until 18:00) is due, s1 calls (until 13:00) expired
    server = new ScriptedServer((r, n) -> Answer.of(429, THROTTLED).header("Retry-After", "30"));
    ExecutionReport report =
        executor(server.uri(), Duration.ofSeconds(5)).build().execute(Plans.plan(at("20:00")));

    assertThat(report.steps().get(0).outcome()).isInstanceOf(StepOutcome.Expired.class);
    assertThat(sent(report, 1).result()).isEqualTo(Result.THROTTLED);
    assertThat(sent(report, 1).message()).contains("not sent again: its notAfter");
    assertThat(server.requests())
        .extracting(ScriptedServer.Request::path)
        .containsExactly(
            "/api/v1/initiate/CAMP/sms",
            "/api/v1/initiate/CAMP/whatsapp",
            "/api/v1/initiate/CAMP/whatsapp",
            "/api/v1/initiate/CAMP/whatsapp",
            "/api/v1/initiate/CAMP/whatsapp",
            "/api/v1/initiate/CAMP/whatsapp");
  }
}
