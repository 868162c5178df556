package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.guardrail.ContactHistory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past attempts as {@link Attempt} facts: the cadences collections teams write. */
class AttemptFactsTest {
  static final PlanningDay DAY =
      new PlanningDay(OffsetDateTime.parse("2025-08-05T09:00:00+05:30"), ZoneId.of("Asia/Kolkata"));

  static final String HEADER =
      "package strategy\n"
          + "import dev.outreach.core.Customer;\n"
          + "import dev.outreach.core.Channel;\n"
          + "import dev.outreach.rules.Attempt;\n"
          + "import dev.outreach.rules.Decision;\n"
          + "import dev.outreach.rules.Today;\n";

  /** A strategy over days, as a collections team writes it. */
  static final String STRATEGY =
      HEADER
          + "rule \"Stop the moment they pay\" salience 1000 when\n"
          + "  $c : Customer()\n"
          + "  exists Attempt( customerId == $c.loanId, outcome == \"paid\" )\n"
          + "then insert( Decision.suppress($c, \"paid\") ); end\n"
          + "rule \"Right party reached: hold calls a week\" salience 500 when\n"
          + "  $c : Customer()\n"
          + "  exists Attempt( customerId == $c.loanId, outcome == \"answered\", daysAgo < 7 )\n"
          + "then insert( Decision.suppress($c, \"reached this week\") ); end\n"
          + "rule \"Two unanswered calls this week: WhatsApp instead\" salience 100 when\n"
          + "  $c : Customer( paymentStatus == \"bounced\" )\n"
          + "  Number( intValue >= 2 ) from accumulate(\n"
          + "    Attempt( customerId == $c.loanId, channel == Channel.CALL, outcome == \"no_answer\","
          + " daysAgo <= 7 ), count(1) )\n"
          + "then insert( Decision.whatsapp($c).template(\"tpl_missed_you\") ); end\n"
          + "rule \"Bounced and not tried twice: call\" when\n"
          + "  $c : Customer( paymentStatus == \"bounced\" )\n"
          + "  Number( intValue < 2 ) from accumulate(\n"
          + "    Attempt( customerId == $c.loanId, channel == Channel.CALL, outcome == \"no_answer\","
          + " daysAgo <= 7 ), count(1) )\n"
          + "then insert( Decision.call($c).agent(\"a1\").disposition(\"d1\") ); end\n"
          + "rule \"Promise due tomorrow: remind\" when\n"
          + "  $t : Today()\n"
          + "  $c : Customer()\n"
          + "  Attempt( customerId == $c.loanId, outcome == \"promise_to_pay\","
          + " $t.daysUntil(promisedDate) == 1 )\n"
          + "then insert( Decision.sms($c).template(\"tpl_promise_tomorrow\") ); end\n"
          + "rule \"Broken promise: escalate to a call\" when\n"
          + "  $t : Today()\n"
          + "  $c : Customer( paymentStatus != \"paid\" )\n"
          + "  $p : Attempt( customerId == $c.loanId, outcome == \"promise_to_pay\","
          + " $t.daysUntil(promisedDate) < 0 )\n"
          + "  not Attempt( customerId == $c.loanId, outcome == \"paid\", at > $p.at )\n"
          + "then insert( Decision.call($c).agent(\"a_escalation\").disposition(\"d1\").priority(5) ); end\n";

  @TempDir Path dir;

  static Map<String, List<Ruling>> decide(RuleSet rules, List<Customer> customers) {
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());
    rules.decisions().decide(customers, DAY, out::add);
    Map<String, List<Ruling>> by = new TreeMap<>();
    for (Ruling r : out) {
      by.computeIfAbsent(r.customerId(), k -> new ArrayList<>()).add(r);
    }
    return by;
  }

  static String only(Map<String, List<Ruling>> by, String id) {
    assertThat(by.get(id)).as(id).hasSize(1);
    Ruling r = by.get(id).get(0);
    return r instanceof Suppression s
        ? "suppress:" + s.reason()
        : ((Contact) r).channel() + ":" + r.rule();
  }

  @Test
  void aStrategyOverDaysReadsTheHistoryFromTheFile() throws Exception {
    Path history = dir.resolve("history.csv");
    Files.writeString(
        history,
        "loan_id,channel,timestamp,outcome,promised_date,promised_amount\n"
            // two unanswered calls this week, one too old to count
            + "B2,CALL,2025-08-01T10:15:00+05:30,no_answer,,\n"
            + "B2,call,2025-08-04T10:30:00+05:30,NO_ANSWER ,,\n"
            + "B1,CALL,2025-07-20T10:30:00+05:30,no_answer,,\n"
            + "B1,CALL,2025-08-04T10:30:00+05:30,no_answer,,\n"
            // reached three days ago: held, even though bounced and unanswered twice before
            + "B3,CALL,2025-07-30T10:00:00+05:30,no_answer,,\n"
            + "B3,CALL,2025-07-31T10:00:00+05:30,no_answer,,\n"
            + "B3,CALL,2025-08-02T10:00:00+05:30,answered,,\n"
            // promises: due tomorrow; broken yesterday; broken but paid since
            + "P1,CALL,2025-08-01T12:00:00+05:30,promise_to_pay,2025-08-06,2500.50\n"
            + "P2,WHATSAPP,2025-07-28T12:00:00+05:30,promise_to_pay,2025-08-04,\n"
            + "P3,CALL,2025-07-28T12:00:00+05:30,promise_to_pay,2025-08-03,1000\n"
            + "P3,SMS,2025-08-04T18:00:00+05:30,paid,,\n"
            // tomorrow's news is not known today
            + "F1,CALL,2025-08-05T09:00:01+05:30,paid,,\n",
        StandardCharsets.UTF_8);
    RuleSet rules =
        RuleSet.compile(List.of(new RuleSource("strategy.drl", STRATEGY)))
            .withHistory(ContactHistory.read(history));
    List<Customer> customers = new ArrayList<>();
    for (String id : List.of("B1", "B2", "B3", "F1")) {
      customers.add(Customer.builder(id).paymentStatus("bounced").build());
    }
    for (String id : List.of("P1", "P2", "P3")) {
      customers.add(Customer.builder(id).paymentStatus("pending").build());
    }

    Map<String, List<Ruling>> by = decide(rules, customers);

    assertThat(only(by, "B1")).isEqualTo("CALL:Bounced and not tried twice: call");
    assertThat(only(by, "B2"))
        .isEqualTo("WHATSAPP:Two unanswered calls this week: WhatsApp instead");
    assertThat(by.get("B3"))
        .extracting(Ruling::rule)
        .contains("Right party reached: hold calls a week");
    assertThat(only(by, "F1")).isEqualTo("CALL:Bounced and not tried twice: call");
    assertThat(only(by, "P1")).isEqualTo("SMS:Promise due tomorrow: remind");
    assertThat(only(by, "P2")).isEqualTo("CALL:Broken promise: escalate to a call");
    assertThat(only(by, "P3")).isEqualTo("suppress:paid"); // paid after the promise: no escalation

    // Without the history, the same rules see no attempts.
    Map<String, List<Ruling>> blind =
        decide(RuleSet.compile(List.of(new RuleSource("strategy.drl", STRATEGY))), customers);
    assertThat(only(blind, "B2")).isEqualTo("CALL:Bounced and not tried twice: call");
    assertThat(blind).doesNotContainKeys("P1", "P2", "P3");
  }

  @Test
  void daysAgoCountsCalendarDaysInTheCustomersZoneAcrossDst() throws Exception {
    // As of 2025-11-03 09:00 in Kolkata = 2025-11-02 22:30 in New York (DST ended that morning).
    PlanningDay day =
        new PlanningDay(
            OffsetDateTime.parse("2025-11-03T09:00:00+05:30"), ZoneId.of("Asia/Kolkata"));
    ContactHistory history =
        ContactHistory.of(
            List.of(
                // New York: 00:30 EDT on Nov 2 is "today" there (0), though Nov 1 in UTC terms
                attempt("NY", "2025-11-02T04:30:00Z"),
                // 23:59 EDT on Nov 1: yesterday (1)
                attempt("NY", "2025-11-02T03:59:00Z"),
                // Kolkata: 08:59 today (0); 23:59 yesterday (1); Oct 27 (7)
                attempt("IN", "2025-11-03T03:29:00Z"),
                attempt("IN", "2025-11-02T18:29:00Z"),
                attempt("IN", "2025-10-27T10:00:00Z")));
    List<Attempt> seen = facts(history, day, List.of(ny("NY"), Customer.builder("IN").build()));
    assertThat(seen)
        .extracting(a -> a.customerId() + " " + a.daysAgo() + " " + a.at())
        .containsExactly(
            "NY 1 2025-11-01T23:59-04:00",
            "NY 0 2025-11-02T00:30-04:00",
            "IN 7 2025-10-27T15:30+05:30",
            "IN 1 2025-11-02T23:59+05:30",
            "IN 0 2025-11-03T08:59+05:30");

    // And in DRL: "called today" means today on the customer's clock.
    String drl =
        HEADER
            + "rule \"not twice a day\" when $c : Customer()\n"
            + "  exists Attempt( customerId == $c.loanId, daysAgo == 0 )\n"
            + "then insert( Decision.suppress($c, \"called today\") ); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("days.drl", drl))).withHistory(history);
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());
    rules
        .decisions()
        .decide(List.of(ny("NY"), Customer.builder("IN").build(), ny("NONE")), day, out::add);
    assertThat(out).extracting(Ruling::customerId).containsExactlyInAnyOrder("NY", "IN");
  }

  @Test
  void promisesAndOutcomesReachTheRulesAsTheFeedGaveThem() {
    ContactHistory history =
        ContactHistory.of(
            List.of(
                new ContactHistory.Attempt(
                    "L1",
                    Channel.WHATSAPP,
                    Instant.parse("2025-08-03T06:00:00Z"),
                    "Promise_To_Pay",
                    LocalDate.parse("2025-08-09"),
                    new BigDecimal("1250.75")),
                new ContactHistory.Attempt(
                    "L1", Channel.SMS, Instant.parse("2025-08-03T06:00:00Z"), null)));
    List<Attempt> seen = facts(history, DAY, List.of(Customer.builder("L1").build()));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).channel()).isEqualTo(Channel.SMS); // same instant: channel order
    assertThat(seen.get(0).outcome()).isNull();
    assertThat(seen.get(1).outcome()).isEqualTo("promise_to_pay");
    assertThat(seen.get(1).promisedDate()).isEqualTo(LocalDate.parse("2025-08-09"));
    assertThat(seen.get(1).promisedAmount()).isEqualByComparingTo("1250.75");
    assertThat(seen.get(1).daysAgo()).isEqualTo(2);
  }

  private static List<Attempt> facts(
      ContactHistory history, PlanningDay day, List<Customer> customers) {
    List<Attempt> out = new ArrayList<>();
    for (Customer c : customers) {
      out.addAll(Attempt.of(history, c, day));
    }
    return out;
  }

  private static Customer ny(String id) {
    return Customer.builder(id).custom("timezone", "America/New_York").build();
  }

  private static ContactHistory.Attempt attempt(String id, String at) {
    return new ContactHistory.Attempt(id, Channel.CALL, Instant.parse(at), "no_answer");
  }
}
