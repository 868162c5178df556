package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.followup.FollowUp;
import dev.outreach.http.followup.FollowUpPlans;
import dev.outreach.http.journal.Journal;
import dev.outreach.sandbox.Fault;
import dev.outreach.sandbox.Received;
import dev.outreach.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor against the real sandbox, with its fault injection; contacts counted by the sandbox.
 */
class SandboxEndToEndTest {
  static final String TOKEN = "e2e-T0ken-31337";
  static final String AGENT = "3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d";
  static final String FOLDER = "9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9";
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");

  @TempDir Path dir;
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  PlanExecutor executor(SandboxServer sandbox, String token, Duration timeout) {
    return executor(sandbox, token, timeout, 4);
  }

  PlanExecutor executor(SandboxServer sandbox, String token, Duration timeout, int maxInFlight) {
    OutreachClient client =
        OutreachClient.builder(sandbox.uri()).token(token).requestTimeout(timeout).build();
    return PlanExecutor.builder(client)
        .meterRegistry(new SimpleMeterRegistry())
        .respectSchedule(false)
        .clock(Clock.fixed(AS_OF.toInstant(), ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .maxInFlight(maxInFlight)
        .random(new java.util.SplittableRandom(3))
        .build();
  }

  ExecutionReport run(SandboxServer sandbox, Plan plan, Path journal) {
    try (Journal j = PlanExecutor.openJournal(journal, plan)) {
      return executor(sandbox, TOKEN, Duration.ofSeconds(10)).execute(plan, j);
    }
  }

  static Plan wholePlan(List<Customer> book) {
    BatchCampaign week = BatchCampaign.of("Pre-due week", FOLDER).concurrency(20).retries(2);
    List<Contact> decisions =
        List.of(
            Contact.of(
                "L1", Channel.CALL, AGENT, null, null, null, Timing.NOW, 0, 0, "batch", week),
            Contact.of(
                "L2", Channel.CALL, AGENT, null, null, null, Timing.NOW, 0, 0, "batch", week),
            Contact.of(
                "L3",
                Channel.CALL,
                "agent_abc123",
                "disp_xyz789",
                null,
                null,
                Timing.NOW,
                0,
                "call"),
            Contact.of("L4", Channel.SMS, null, null, "tpl_sms", null, Timing.NOW, 0, "sms"),
            Contact.of("L5", Channel.SMS, null, null, "tpl_sms", null, Timing.NOW, 0, "sms"),
            Contact.of("L6", Channel.WHATSAPP, null, null, "tpl_wa", null, Timing.NOW, 0, "wa"));
    return Planner.builder("CAMP")
        .zone(ZoneId.of("Asia/Kolkata"))
        .uploadCustomers(true)
        .build()
        .plan(book, (customers, day, sink) -> decisions.forEach(sink), AS_OF);
  }

  static List<Customer> book(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(
            i ->
                Customer.builder("L" + i)
                    .phoneNumber("+9198000000" + i)
                    .paymentStatus(i % 2 == 0 ? "bounced" : "pending")
                    .build())
        .toList();
  }

  static Map<String, Long> planned(Plan plan, Channel channel) {
    return plan.steps().stream()
        .filter(s -> s.kind().contacts() && s.kind().channel() == channel)
        .flatMap(s -> s.customerIds().stream())
        .collect(Collectors.toMap(id -> id, id -> 1L));
  }

  long received(SandboxServer sandbox, String method, String pathPrefix) {
    return sandbox.received().stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .count();
  }

  @Test
  void aWholePlanWithFaultsOnEveryKindOfStepReachesEachCustomerOnce() throws Exception {
    Plan plan = wholePlan(book(6));
    try (SandboxServer sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign("CAMP", List.of())
            .agent(AGENT)
            .folder(FOLDER, List.of("L1", "L2"))
            .start()) {
      sandbox.inject(
          Fault.status(503).retryAfter(Duration.ofSeconds(2)).on("/api/v1/customers/add/bulk"));
      sandbox.inject(
          Fault.dropAfterProcessing().on("/api/v1/batch-calls")); // the create: sent again by key
      sandbox.inject(
          Fault.dropAfterProcessing().on("/api/v1/batch-calls/")); // the schedule: checked by GET
      sandbox.inject(
          Fault.status(429).retryAfter(Duration.ofSeconds(1)).on("/api/v1/initiate/").times(2));
      Path journal = dir.resolve("whole.journal");

      ExecutionReport report = run(sandbox, plan, journal);

      assertThat(report.allDone()).as(report.toString()).isTrue();
      for (Channel c : Channel.values()) {
        assertThat(sandbox.contactCounts(c)).as(c.name()).isEqualTo(planned(plan, c));
      }
      assertThat(sandbox.batchCalls()).hasSize(1);
      assertThat(received(sandbox, "POST", "/api/v1/batch-calls"))
          .isEqualTo(3); // create twice, schedule once
      assertThat(received(sandbox, "GET", "/api/v1/batch-calls/")).isEqualTo(1);
      assertThat(sleeps)
          .filteredOn(d -> d.compareTo(Duration.ofSeconds(1)) >= 0)
          .hasSizeGreaterThanOrEqualTo(3);

      int before = sandbox.received().size();
      ExecutionReport again = run(sandbox, plan, journal);
      assertThat(again.allDone()).isTrue();
      assertThat(sandbox.received()).hasSize(before); // the second run sends nothing
      assertThat(Files.readString(journal)).doesNotContain(TOKEN);
    }
  }

  @Test
  void aPartialFollowedUpReachesExactlyTheFailedAndNobodyTwice() throws Exception {
    List<Customer> book = book(6);
    Plan plan = Plans.of(List.of(sms("s1", "L1", "L2", "L3", "L4", "L5", "L6")));
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book).start()) {
      sandbox.inject(Fault.partial(2));
      Path journal = dir.resolve("partial.journal");

      ExecutionReport first = run(sandbox, plan, journal);
      FollowUp followUp =
          FollowUpPlans.of(
              plan, Journal.read(journal), Clock.fixed(AS_OF.toInstant(), ZoneOffset.UTC));
      ExecutionReport second = run(sandbox, followUp.plan(), dir.resolve("followup.journal"));

      assertThat(first.steps().get(0).outcome().outcome()).isEqualTo("partial");
      List<String> failed = first.steps().get(0).failedCustomerIds();
      assertThat(failed).hasSize(2);
      assertThat(followUp.plan().steps())
          .singleElement()
          .extracting(Step::customerIds)
          .isEqualTo(failed.stream().sorted().toList());
      assertThat(second.allDone()).isTrue();
      assertThat(sandbox.contactCounts(Channel.SMS))
          .hasSize(6)
          .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }
  }

  @Test
  void aServerErrorShowingAllFailedIsSentAgainButAnOpaqueOneIsNot() throws Exception {
    Plan plan = Plans.of(List.of(sms("s1", "L1"), sms("s2", "L2")));
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book(2)).start()) {
      sandbox.inject(
          Fault.partial(5).on("/api/v1/initiate/CAMP/sms")); // s1: 500, results say 0 initiated
      sandbox.inject(
          Fault.status(500)
              .on("/api/v1/initiate/CAMP/sms")
              .times(2)); // s1's retry and s2: no results

      ExecutionReport report =
          executor(sandbox, TOKEN, Duration.ofSeconds(5), 1).execute(plan); // in order

      assertThat(report.steps())
          .extracting(s -> s.outcome().outcome())
          .containsExactly("failed", "failed");
      assertThat(((StepOutcome.Sent) report.steps().get(0).outcome()).attempts()).isEqualTo(2);
      assertThat(((StepOutcome.Sent) report.steps().get(1).outcome()).attempts()).isEqualTo(1);
      assertThat(sandbox.received()).hasSize(3);
      assertThat(sandbox.contactCounts(Channel.SMS)).isEmpty();
    }
  }

  @Test
  void lostResponsesAndTimeoutsAreUnknownAndNeverSentAgain() throws Exception {
    Plan plan =
        Plans.of(List.of(sms("s1", "L1"), sms("s2", "L2"), sms("s3", "L3"), sms("s4", "L4")));
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book(4)).start()) {
      sandbox.inject(Fault.dropAfterProcessing().on("/api/v1/initiate/CAMP/sms"));
      sandbox.inject(Fault.dropBeforeProcessing().on("/api/v1/initiate/CAMP/sms"));
      sandbox.inject(Fault.delay(Duration.ofSeconds(3)).on("/api/v1/initiate/CAMP/sms"));
      OutreachClient client =
          OutreachClient.builder(sandbox.uri())
              .token(TOKEN)
              .requestTimeout(Duration.ofMillis(500))
              .build();
      ExecutionReport report =
          PlanExecutor.builder(client)
              .meterRegistry(new SimpleMeterRegistry())
              .respectSchedule(false)
              .clock(Clock.fixed(AS_OF.toInstant(), ZoneOffset.UTC))
              .sleeper(sleeps::add)
              .maxInFlight(1)
              .build()
              .execute(plan);

      assertThat(report.steps())
          .extracting(s -> s.outcome().outcome())
          .containsExactly("unknown", "unknown", "unknown", "done");
      for (int i = 0; i < 100 && sandbox.received().size() < 4; i++) {
        Thread.sleep(50); // the sandbox records the delayed request once it has answered it
      }
      assertThat(sandbox.received())
          .hasSize(4)
          .extracting(Received::dropped)
          .containsExactly(true, true, false, false);
      assertThat(sandbox.contactCounts(Channel.SMS))
          .containsOnlyKeys("L1", "L3", "L4")
          .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
      assertThat(sleeps).isEmpty();
    }
  }

  @Test
  void aRefusedTokenStopsTheRunAndNothingIsContacted() throws Exception {
    Plan plan = Plans.of(List.of(sms("s1", "L1"), sms("s2", "L2"), sms("s3", "L3")));
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book(3)).start()) {
      ExecutionReport report = executor(sandbox, "wrong", Duration.ofSeconds(5)).execute(plan);

      assertThat(report.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("401"));
      assertThat(report.count("unauthorized") + report.count("not_run")).isEqualTo(3);
      assertThat(sandbox.received().size()).isBetween(1, 3);
      assertThat(sandbox.initiations()).isEmpty();
    }
  }

  static Step sms(String id, String... ids) {
    var a = jakarta.json.Json.createArrayBuilder();
    for (String i : ids) {
      a.add(i);
    }
    return new Step(
        id,
        dev.outreach.core.plan.StepKind.INITIATE_SMS,
        "POST",
        "/api/v1/initiate/CAMP/sms",
        at("09:00"),
        at("18:00"),
        jakarta.json.Json.createObjectBuilder()
            .add("templateId", "tpl")
            .add("limit", ids.length)
            .add("filters", jakarta.json.Json.createObjectBuilder().add("ids", a))
            .build(),
        List.of(ids),
        List.of("r"));
  }
}
