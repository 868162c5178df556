package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.call;
import static dev.outreach.core.plan.Decisions.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy per jurisdiction, and caps that count calls and texts together. */
class JurisdictionsTest {
  /** Tuesday 2025-08-05 10:00 in New York. */
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T10:00:00-04:00");

  @TempDir Path dir;

  static Customer in(String id, String state) {
    Customer.Builder b = Customer.builder(id).custom("timezone", "America/New_York");
    return state == null ? b.build() : b.custom("state", state).build();
  }

  static Plan plan(
      GuardrailPolicy policy, ContactHistory history, List<Customer> book, Ruling... r) {
    return Planner.builder("CAMP")
        .zone(ZoneId.of("America/New_York"))
        .guardrails(new Guardrails(policy, history))
        .build()
        .plan(book, PlannerTest.source(r), AS_OF);
  }

  /** Each customer's contacts as CHANNEL@local time, from the steps. */
  static Map<String, List<String>> contacts(Plan plan) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Step s : plan.steps()) {
      String at =
          s.notBefore()
              .atZoneSameInstant(ZoneId.of("America/New_York"))
              .toLocalDateTime()
              .toString();
      for (String id : s.customerIds()) {
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(s.kind().name() + "@" + at);
      }
    }
    return out;
  }

  static ContactHistory.Attempt made(String id, Channel c, String at) {
    return new ContactHistory.Attempt(id, c, Instant.parse(at), "no_answer");
  }

  @Test
  void theUsPresetAppliesMassachusettsAndWashingtonCapsAcrossCallsAndTexts() {
    ContactHistory history =
        ContactHistory.of(
            List.of(
                // MA: one text on Friday; a call and a text today would be 3 in 7 days.
                made("MA1", Channel.SMS, "2025-08-01T15:00:00Z"),
                // WA: three contacts this week already (on three channels).
                made("WA1", Channel.CALL, "2025-08-02T15:00:00Z"),
                made("WA1", Channel.SMS, "2025-08-03T15:00:00Z"),
                made("WA1", Channel.WHATSAPP, "2025-08-04T15:00:00Z"),
                // Texas (no state rule): Reg F's 7 calls in 7 days are far away.
                made("TX1", Channel.SMS, "2025-08-01T15:00:00Z")));
    List<Customer> book =
        List.of(
            in("MA1", "ma"), in("MA2", " MA "), in("WA1", "WA"), in("WA2", "WA"), in("TX1", "TX"));
    List<Ruling> r = new ArrayList<>();
    for (Customer c : book) {
      r.add(call(c.loanId(), "a", Timing.NOW, 0, "call"));
      r.add(sms(c.loanId(), "t", Timing.NOW, "sms"));
    }
    r.add(Decisions.whatsapp("WA2", "w", "whatsapp"));

    Plan plan = plan(GuardrailPolicy.us(), history, book, r.toArray(Ruling[]::new));

    Map<String, List<String>> got = contacts(plan);
    // MA1: the call goes today (2 in 7 days with Friday's text); the text waits until the
    // week since Friday's text has passed: Friday 11:00 + 7 days.
    assertThat(got.get("MA1"))
        .containsExactlyInAnyOrder(
            "INITIATE_CALLS@2025-08-05T10:00", "INITIATE_SMS@2025-08-08T11:00");
    // MA2: no history: a call and a text today are 2 in 7 days.
    assertThat(got.get("MA2"))
        .containsExactlyInAnyOrder(
            "INITIATE_CALLS@2025-08-05T10:00", "INITIATE_SMS@2025-08-05T10:00");
    // WA1: 3 in the last 7 days: nothing until the oldest is a week old (Sat 11:00).
    assertThat(got.get("WA1"))
        .allSatisfy(
            c ->
                assertThat(c.substring(c.indexOf('@') + 1))
                    .isGreaterThanOrEqualTo("2025-08-09T11:00"));
    // WA2: a call and a text today (2 a day), the WhatsApp message makes 3 this week, also today;
    // but the WhatsApp moves past the day's 2 calls or texts? It is not a call or text: today.
    assertThat(got.get("WA2"))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c).endsWith("2025-08-05T10:00"));
    assertThat(got.get("TX1"))
        .containsExactlyInAnyOrder(
            "INITIATE_CALLS@2025-08-05T10:00", "INITIATE_SMS@2025-08-05T10:00");
    assertThat(plan.warnings())
        .filteredOn(w -> w.customerId().equals("MA1"))
        .extracting(Plan.Warning::code, Plan.Warning::message)
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.toList().get(1).toString())
                    .contains("would exceed the cap of 2 calls or SMS in 7 days"));
  }

  @Test
  void noPeriodOfSevenDaysEverHoldsMoreThanTheMassachusettsTwoCallsOrTexts() {
    // A random-ish history and every channel wanted today, for many customers: check every window.
    List<ContactHistory.Attempt> past = new ArrayList<>();
    List<Customer> book = new ArrayList<>();
    List<Ruling> r = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = String.format(java.util.Locale.ROOT, "MA%03d", i);
      book.add(in(id, "MA"));
      for (int k = 0; k < i % 4; k++) {
        Channel c = k % 2 == 0 ? Channel.CALL : Channel.SMS;
        past.add(
            made(
                id,
                c,
                Instant.parse("2025-07-30T14:00:00Z")
                    .plusSeconds(86_400L * (i % 6) + 3_600L * k)
                    .toString()));
      }
      r.add(call(id, "a", Timing.NOW, 0, "call"));
      r.add(sms(id, "t", Timing.NOW.window("09:00", "12:00"), "sms"));
    }
    Plan plan = plan(GuardrailPolicy.us(), ContactHistory.of(past), book, r.toArray(Ruling[]::new));

    Map<String, List<Long>> times = new TreeMap<>();
    Map<String, List<Long>> planned = new TreeMap<>(); // the history may break the cap already
    for (ContactHistory.Attempt a : past) {
      times.computeIfAbsent(a.loanId(), k -> new ArrayList<>()).add(a.at().toEpochMilli());
    }
    for (Step s : plan.steps()) {
      for (String id : s.customerIds()) {
        long t = s.notBefore().toInstant().toEpochMilli();
        times.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
        planned.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
      }
    }
    long week = 7L * 86_400_000;
    assertThat(planned).hasSize(60);
    for (Map.Entry<String, List<Long>> e : planned.entrySet()) {
      List<Long> ts = times.get(e.getKey());
      for (long p : e.getValue()) { // every week-long window that holds a planned contact
        for (long end : ts) {
          if (end >= p && end - week < p) {
            long in = ts.stream().filter(t -> t > end - week && t <= end).count();
            assertThat(in)
                .as(e.getKey() + " in the week up to " + Instant.ofEpochMilli(end))
                .isLessThanOrEqualTo(2);
          }
        }
      }
    }
  }

  @Test
  void aPolicyFileNamesItsJurisdictionsByPresetOrFileAndTheDoNotContactListHoldsInAll()
      throws Exception {
    Files.writeString(
        dir.resolve("texas.json"),
        "{ \"preset\": \"us-reg-f\", \"hours\": { \"CALL\": {\"from\": \"11:00\", \"to\": \"17:00\"} } }",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("dnc.txt"), "TX2\n", StandardCharsets.UTF_8);
    Path policy = dir.resolve("policy.json");
    Files.writeString(
        policy,
        "{ \"preset\": \"us-reg-f\", \"doNotContact\": \"dnc.txt\",\n"
            + "  \"jurisdictions\": { \"attribute\": \"state\","
            + " \"policies\": { \"TX\": \"texas.json\", \"MA\": \"us-ma\" } } }",
        StandardCharsets.UTF_8);
    GuardrailPolicy p = GuardrailPolicy.read(policy);

    Plan plan =
        plan(
            p,
            ContactHistory.empty(),
            List.of(in("TX1", "TX"), in("TX2", "TX"), in("NY1", "NY"), in("NONE", null)),
            call("TX1", "a", Timing.NOW, 0, "call"),
            call("TX2", "a", Timing.NOW, 0, "call"),
            call("NY1", "a", Timing.NOW, 0, "call"),
            call("NONE", "a", Timing.NOW, 0, "call"));
    assertThat(contacts(plan))
        .containsEntry("TX1", List.of("INITIATE_CALLS@2025-08-05T11:00"))
        .containsEntry("NY1", List.of("INITIATE_CALLS@2025-08-05T10:00"))
        .containsEntry("NONE", List.of("INITIATE_CALLS@2025-08-05T10:00"))
        .doesNotContainKey("TX2");

    Files.writeString(
        policy,
        "{\n  \"jurisdictions\": {\n    \"attribute\": \"state\",\n    \"policies\": {\n"
            + "      \"TX\": \"nowhere.json\",\n      \"CA\": \"policy.json\",\n      \"tx\": \"us-fl\"\n"
            + "    }\n  }\n}\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GuardrailPolicy.read(policy))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining(
            "policy.json:5: jurisdictions.policies.TX: \"nowhere.json\" is neither a preset")
        .hasMessageContaining("jurisdictions.policies.CA:")
        .hasMessageContaining("policy.json:7: jurisdictions.policies.tx: is listed twice");
  }
}
