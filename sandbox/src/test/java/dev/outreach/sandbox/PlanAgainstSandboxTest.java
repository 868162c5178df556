package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.sandbox.Api.Answer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The planner's requests, sent as they are to the sandbox: every kind of step is accepted, and what
 * the sandbox contacts is exactly what the plan intended, once each.
 */
class PlanAgainstSandboxTest {
  static final String AGENT = "3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d";
  static final String FOLDER = "9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9";

  @Test
  void everyStepOfAPlanIsAcceptedAndReachesExactlyItsCustomers() {
    List<Customer> book =
        IntStream.range(1, 9)
            .mapToObj(
                i ->
                    Customer.builder("L" + i)
                        .phoneNumber("+9198000000" + i)
                        .paymentStatus(i % 2 == 0 ? "bounced" : "pending")
                        .build())
            .toList();
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
            Contact.of("L6", Channel.WHATSAPP, null, null, "tpl_wa", null, Timing.NOW, 0, "wa"));
    Plan plan =
        Planner.builder("CAMP")
            .zone(ZoneId.of("Asia/Kolkata"))
            .uploadCustomers(true)
            .build()
            .plan(
                book,
                (customers, day, sink) -> decisions.forEach(sink),
                OffsetDateTime.parse("2025-08-05T09:00:00+05:30"));
    assertThat(plan.steps())
        .extracting(Step::kind)
        .contains(
            StepKind.BULK_ADD_CUSTOMERS,
            StepKind.CREATE_BATCH_CALL,
            StepKind.SCHEDULE_BATCH_CALL,
            StepKind.INITIATE_CALLS,
            StepKind.INITIATE_SMS,
            StepKind.INITIATE_WHATSAPP);

    try (SandboxServer sandbox =
        SandboxServer.builder()
            .token("t")
            .campaign("CAMP", List.of())
            .agent(AGENT)
            .folder(FOLDER, List.of("L1", "L2"))
            .start()) {
      Api api = new Api(sandbox.uri(), "t");
      Map<String, String> created = new HashMap<>();
      for (Step s : plan.steps()) {
        String path =
            s.referencedStepId().map(ref -> s.resolvedPath(created.get(ref))).orElse(s.path());
        Answer a = api.post(path, new String(s.bodyBytes(), StandardCharsets.UTF_8), s.id());
        assertThat(a.status()).as(s.id() + " " + s.kind() + " " + a.json()).isBetween(200, 201);
        if (s.kind() == StepKind.CREATE_BATCH_CALL) {
          created.put(s.id(), a.data().getString("id"));
        }
      }

      for (Channel channel : Channel.values()) {
        List<String> planned =
            plan.steps().stream()
                .filter(s -> s.kind().contacts() && s.kind().channel() == channel)
                .flatMap(s -> s.customerIds().stream())
                .sorted()
                .toList();
        assertThat(sandbox.contactCounts(channel))
            .as(channel.name())
            .isEqualTo(planned.stream().collect(Collectors.toMap(id -> id, id -> 1L)));
      }
      assertThat(sandbox.customers("CAMP"))
          .extracting(Customer::loanId)
          .containsExactlyInAnyOrder(book.stream().map(Customer::loanId).toArray(String[]::new));
    }
  }
}
