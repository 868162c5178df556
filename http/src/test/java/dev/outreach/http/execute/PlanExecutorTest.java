package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import dev.outreach.http.journal.Result;
import dev.outreach.sandbox.Initiation;
import dev.outreach.sandbox.SandboxServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {
  static final String TOKEN = "exec-token";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  final List<Duration> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());
  SandboxServer sandbox;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.start(TOKEN, Map.of(Plans.CAMPAIGN, Plans.CUSTOMERS));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  PlanExecutor.Builder executor(SandboxServer server, String token) {
    OutreachClient client = OutreachClient.builder(server.uri()).token(token).build();
    return PlanExecutor.builder(client)
        .meterRegistry(registry)
        .clock(clock)
        .maxInFlight(1)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            });
  }

  double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void initiatesEveryCustomerExactlyOnceAndCountsMeters() {
    ExecutionReport report =
        executor(sandbox, TOKEN).respectSchedule(false).build().execute(Plans.plan(at("09:30")));

    assertThat(sandbox.initiations())
        .extracting(Initiation::loanId)
        .containsExactly("L1", "L5", "L2", "L3", "L4");
    assertThat(sleeps).isEmpty();
    assertThat(report.allDone()).isTrue();
    assertThat(report.steps())
        .extracting(StepResult::stepId, StepResult::customers, r -> r.outcome().outcome())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s1-calls", 2, "done"),
            org.assertj.core.groups.Tuple.tuple("s2-sms", 1, "done"),
            org.assertj.core.groups.Tuple.tuple("s3-whatsapp", 2, "done"));
    assertThat(report.byChannel())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Channel.CALL, new ChannelTotals(2, 0, 0, 0),
                Channel.SMS, new ChannelTotals(1, 0, 0, 0),
                Channel.WHATSAPP, new ChannelTotals(2, 0, 0, 0)));

    for (String[] e : new String[][] {{"calls", "1"}, {"sms", "1"}, {"whatsapp", "1"}}) {
      assertThat(
              registry
                  .get("outreach.http.requests")
                  .tags(
                      "method",
                      "POST",
                      "endpoint",
                      "/api/v1/initiate/{campaignId}/" + e[0],
                      "status",
                      "200",
                      "outcome",
                      "done")
                  .timer()
                  .count())
          .isEqualTo(Long.parseLong(e[1]));
    }
    assertThat(counter("outreach.customers.initiated", "channel", "call")).isEqualTo(2.0);
    assertThat(counter("outreach.customers.initiated", "channel", "sms")).isEqualTo(1.0);
    assertThat(counter("outreach.customers.initiated", "channel", "whatsapp")).isEqualTo(2.0);
    assertThat(counter("outreach.customers.failed", "channel", "call")).isZero();
    assertThat(counter("outreach.steps", "outcome", "done")).isEqualTo(3.0);
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getTags())
          .extracting(Tag::getValue)
          .noneMatch(
              v ->
                  v.contains("CAMP")
                      || v.matches(".*L\\d.*")
                      || v.contains(TOKEN)
                      || v.contains("127.0.0.1"));
    }
  }

  @Test
  void idempotencyKeysAreStableAcrossExecutorsAndFollowTheBody() {
    Plan plan = Plans.plan(null);
    ExecutionReport first = executor(sandbox, TOKEN).respectSchedule(false).build().execute(plan);
    ExecutionReport second;
    try (SandboxServer other =
        SandboxServer.start(TOKEN, Map.of(Plans.CAMPAIGN, Plans.CUSTOMERS))) {
      second = executor(other, TOKEN).respectSchedule(false).build().execute(Plans.plan(null));
      assertThat(other.initiations())
          .extracting(Initiation::idempotencyKey)
          .isEqualTo(sandbox.initiations().stream().map(Initiation::idempotencyKey).toList());
    }

    List<String> keys = first.steps().stream().map(StepResult::idempotencyKey).toList();
    assertThat(second.steps()).extracting(StepResult::idempotencyKey).isEqualTo(keys);
    assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.matches("outreach-v1-[0-9a-f]{32}"));
    assertThat(sandbox.initiations())
        .filteredOn(i -> i.loanId().equals("L2"))
        .extracting(Initiation::idempotencyKey)
        .containsExactly(keys.get(1));

    Plan changed = Plans.plan(null, "another_template");
    assertThat(IdempotencyKeys.of(changed, changed.steps().get(1))).isNotEqualTo(keys.get(1));
    assertThat(IdempotencyKeys.of(changed, changed.steps().get(0))).isEqualTo(keys.get(0));
    assertThat(
            IdempotencyKeys.of(
                Plans.CAMPAIGN,
                Plans.AS_OF.withOffsetSameInstant(java.time.ZoneOffset.UTC),
                "s2-sms",
                plan.steps().get(1).bodyBytes()))
        .isEqualTo(keys.get(1));
  }

  @Test
  void respectsTheScheduleAndNeverSendsAnExpiredStep() {
    ExecutionReport report = executor(sandbox, TOKEN).build().execute(Plans.plan(at("08:30")));

    assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(sandbox.initiations())
        .extracting(Initiation::loanId)
        .containsExactly("L1", "L5", "L2");
    assertThat(report.steps().get(2).outcome())
        .isEqualTo(new StepOutcome.Expired(at("08:30"), at("10:30").toInstant()));
    assertThat(report.byChannel().get(Channel.WHATSAPP)).isEqualTo(new ChannelTotals(0, 0, 0, 2));
    assertThat(counter("outreach.steps", "outcome", "expired")).isEqualTo(1.0);
    assertThat(counter("outreach.steps", "outcome", "done")).isEqualTo(2.0);
    assertThat(
            registry
                .find("outreach.http.requests")
                .tag("endpoint", "/api/v1/initiate/{campaignId}/whatsapp")
                .timer())
        .isNull();
  }

  @Test
  void refusedTokenStopsTheRunAndReportsTheRestNotRun() {
    ExecutionReport report = executor(sandbox, "wrong-token").build().execute(Plans.plan(null));

    assertThat(sandbox.initiations()).isEmpty();
    assertThat(report.steps()).hasSize(3);
    assertThat(report.steps().get(0).outcome())
        .isEqualTo(
            new StepOutcome.Sent(
                Result.UNAUTHORIZED,
                OptionalInt.of(401),
                "invalid bearer token",
                OptionalInt.empty(),
                OptionalInt.empty(),
                1,
                false));
    assertThat(report.stopReason())
        .hasValueSatisfying(r -> assertThat(r).contains("s1-calls", "401", "token"));
    for (StepResult later : report.steps().subList(1, 3)) {
      assertThat(later.outcome()).isInstanceOf(StepOutcome.NotRun.class);
      assertThat(((StepOutcome.NotRun) later.outcome()).reason())
          .contains("s1-calls", "401", "token");
    }
    assertThat(report.byChannel().get(Channel.CALL)).isEqualTo(new ChannelTotals(0, 0, 0, 2));
    assertThat(report.byChannel().get(Channel.SMS)).isEqualTo(new ChannelTotals(0, 0, 0, 1));
    assertThat(
            registry
                .get("outreach.http.requests")
                .tags("status", "401", "outcome", "unauthorized")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("outreach.http.requests").timers()).hasSize(1);
    assertThat(counter("outreach.steps", "outcome", "unauthorized")).isEqualTo(1.0);
    assertThat(counter("outreach.steps", "outcome", "not_run")).isEqualTo(2.0);
    assertThat(counter("outreach.customers.failed", "channel", "call")).isZero();
    assertThat(counter("outreach.customers.not_attempted", "channel", "call")).isEqualTo(2.0);
  }

  @Test
  void unreachableServerIsNotSentForEveryStepWithoutStopping() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OutreachClient client =
        OutreachClient.builder(URI.create("http://127.0.0.1:" + port)).token(TOKEN).build();

    ExecutionReport report =
        PlanExecutor.builder(client)
            .meterRegistry(registry)
            .respectSchedule(false)
            .clock(clock)
            .retryPolicy(RetryPolicy.none())
            .build()
            .execute(Plans.plan(null));

    assertThat(report.steps()).extracting(r -> r.outcome().outcome()).containsOnly("not_sent");
    assertThat(
            registry
                .get("outreach.http.requests")
                .tags("status", "NONE", "outcome", "not_sent")
                .timers())
        .hasSize(3)
        .allMatch(t -> t.count() == 1);
    assertThat(counter("outreach.customers.failed", "channel", "whatsapp")).isZero();
    assertThat(counter("outreach.customers.not_attempted", "channel", "whatsapp")).isEqualTo(2.0);
    assertThat(report.byChannel().get(Channel.WHATSAPP)).isEqualTo(new ChannelTotals(0, 0, 0, 2));
  }

  @Test
  void interruptionWhileWaitingStopsTheRun() {
    OutreachClient client = OutreachClient.builder(sandbox.uri()).token(TOKEN).build();
    PlanExecutor executor =
        PlanExecutor.builder(client)
            .meterRegistry(registry)
            .clock(clock)
            .maxInFlight(1)
            .sleeper(
                d -> {
                  for (int i = 0; i < 500 && sandbox.initiations().isEmpty(); i++) {
                    Thread.sleep(10); // let the first step, already on its way, arrive
                  }
                  throw new InterruptedException();
                })
            .build();
    try {
      ExecutionReport report = executor.execute(Plans.plan(null));

      assertThat(report.steps())
          .extracting(r -> r.outcome().outcome())
          .containsExactly("done", "not_run", "not_run");
      assertThat(((StepOutcome.NotRun) report.steps().get(2).outcome()).reason())
          .contains("interrupted");
      assertThat(sandbox.initiations()).extracting(Initiation::loanId).containsExactly("L1", "L5");
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}
