package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.call;
import static dev.outreach.core.plan.Decisions.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.Consent;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consent and opt-outs per channel: applied after the rules, which cannot override them. */
class ConsentTest {
  @TempDir Path dir;

  /** Each customer's channels in the plan's steps. */
  static Map<String, Set<String>> reached(Plan plan) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Step s : plan.steps()) {
      for (String id : s.customerIds()) {
        out.computeIfAbsent(id, k -> new TreeSet<>()).add(s.kind().name());
      }
    }
    return out;
  }

  @Test
  void optOutsFromTheFileAndTheColumnsStopTheirChannelOnlyAndNoRuleOverridesThem()
      throws Exception {
    Path file = dir.resolve("consent.csv");
    Files.writeString(
        file,
        "Loan_ID,Channel,Status,Timestamp,source\n"
            + "L1,sms,opt_out,2025-08-01T10:00:00+05:30,reply STOP\n"
            + "L2,ALL,revoked,2025-07-01T10:00:00+05:30,letter\n"
            + "L2,CALL,opt_in,2025-07-15T10:00:00+05:30,call centre\n"
            + "L3,SMS,opt_out,2025-08-05T09:00:01+05:30,tomorrow's news\n"
            + "L4,SMS,opt_in,2025-08-01T10:00:00Z,web\n"
            + "L4,SMS,Opt_Out,2025-08-01T10:00:00Z,web\n"
            + "L6,CALL,granted,2025-01-01T00:00:00Z,form\n",
        StandardCharsets.UTF_8);
    Consent consent =
        Consent.read(file)
            .withOptOutColumns(Map.of(Channel.WHATSAPP, "wa_opt_out"))
            .withRequired(Set.of(Channel.CALL));
    GuardrailPolicy policy = GuardrailPolicy.none().toBuilder().consent(consent).build();
    List<Customer> book =
        List.of(
            Customer.builder("L1").build(),
            Customer.builder("L2").build(),
            Customer.builder("L3").build(),
            Customer.builder("L4").build(),
            Customer.builder("L5").custom("wa_opt_out", "Yes").build(),
            Customer.builder("L6").custom("wa_opt_out", "").build(),
            Customer.builder("L7").custom("wa_opt_out", "maybe").build());
    List<dev.outreach.core.decision.Ruling> rulings = new java.util.ArrayList<>();
    for (Customer c : book) {
      rulings.add(sms(c.loanId(), "t", Timing.NOW, "sms everyone"));
      rulings.add(call(c.loanId(), "a", Timing.NOW, 0, "call everyone"));
      rulings.add(Decisions.whatsapp(c.loanId(), "w", "whatsapp everyone"));
    }

    Plan plan =
        Planner.builder("CAMP")
            .zone(ZoneId.of("Asia/Kolkata"))
            .guardrails(new Guardrails(policy, ContactHistory.empty()))
            .build()
            .plan(
                book,
                PlannerTest.source(rulings.toArray(dev.outreach.core.decision.Ruling[]::new)),
                PlannerTest.AS_OF);

    assertThat(reached(plan))
        .containsEntry("L1", Set.of("INITIATE_WHATSAPP")) // no SMS; no call: none granted
        .containsEntry("L2", Set.of("INITIATE_CALLS")) // all revoked, then calls granted again
        .containsEntry("L3", Set.of("INITIATE_SMS", "INITIATE_WHATSAPP")) // not yet revoked
        .containsEntry("L4", Set.of("INITIATE_WHATSAPP")) // opt-in and opt-out at once: out
        .containsEntry("L5", Set.of("INITIATE_SMS"))
        .containsEntry("L6", Set.of("INITIATE_SMS", "INITIATE_CALLS", "INITIATE_WHATSAPP"))
        .containsEntry("L7", Set.of("INITIATE_SMS"));
    assertThat(plan.warnings())
        .filteredOn(w -> w.customerId().equals("L1") || w.customerId().equals("L7"))
        .extracting(w -> w.customerId() + " " + w.code() + " " + w.message())
        .containsExactly(
            "L1 CONSENT CALL not planned: calls need the customer's consent, and none is recorded",
            "L1 CONSENT SMS not planned: the customer opted out of SMS on 2025-08-01T04:30Z;"
                + " no rule can override consent",
            "L7 CONSENT CALL not planned: calls need the customer's consent, and none is recorded",
            "L7 CONSENT WHATSAPP not planned: the customer opted out of WhatsApp messages"
                + " (wa_opt_out is \"maybe\"); no rule can override consent");
  }

  @Test
  void thePolicyFileNamesTheConsentFileAndItsColumnsAndEveryBadValue() throws Exception {
    Files.writeString(
        dir.resolve("consent.csv"),
        "loan_id,channel,status,timestamp\n"
            + "L1,SMS,opt_out,2025-08-01T10:00:00+05:30\n"
            + "L2,FAX,maybe,yesterday\n",
        StandardCharsets.UTF_8);
    Path policy = dir.resolve("policy.json");
    Files.writeString(
        policy,
        "{\n"
            + "  \"consent\": {\n"
            + "    \"file\": \"consent.csv\",\n"
            + "    \"optOutColumns\": { \"SMS\": \"sms_opt_out\", \"EMAIL\": \"x\" },\n"
            + "    \"required\": [\"CALL\", \"PIGEON\"],\n"
            + "    \"colour\": 1\n"
            + "  }\n"
            + "}\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GuardrailPolicy.read(policy))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining("policy.json:3: consent.file:")
        .hasMessageContaining("consent.csv:3: channel: \"FAX\" is not a channel")
        .hasMessageContaining("consent.csv:3: status: \"maybe\" is not a consent status")
        .hasMessageContaining("consent.csv:3: timestamp: \"yesterday\"")
        .hasMessageContaining("policy.json:4: consent.optOutColumns.EMAIL:")
        .hasMessageContaining("policy.json:5: consent.required[1]:")
        .hasMessageContaining("policy.json:6: consent.colour: unknown key");

    Files.writeString(
        dir.resolve("consent.csv"),
        "loan_id,channel,status,timestamp\nL1,SMS,opt_out,2025-08-01T10:00:00+05:30\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        policy,
        "{ \"consent\": { \"file\": \"consent.csv\", \"optOutColumns\": { \"sms\": \"sms_opt_out\" },"
            + " \"required\": [\"call\"] } }",
        StandardCharsets.UTF_8);
    Consent read = GuardrailPolicy.read(policy).consent();
    assertThat(read.records()).isEqualTo(1);
    assertThat(read.optOutColumns()).containsExactly(Map.entry(Channel.SMS, "sms_opt_out"));
    assertThat(read.required()).containsExactly(Channel.CALL);
  }
}
