package dev.outreach.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import dev.outreach.sandbox.SandboxServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily cycle against the sandbox: over days, run twice a day, with outcome feeds. */
class DailyCycleTest {
  static final String TOKEN = "cycle-token-0123456789";
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  static final String STRATEGY =
      "package strategy\n"
          + "import dev.outreach.core.Customer;\n"
          + "import dev.outreach.core.Channel;\n"
          + "import dev.outreach.rules.Attempt;\n"
          + "import dev.outreach.rules.Decision;\n"
          + "rule \"Stop when they pay\" salience 100 when $c : Customer()\n"
          + "  exists Attempt( customerId == $c.loanId, outcome == \"paid\" )\n"
          + "then insert( Decision.suppress($c, \"paid\") ); end\n"
          + "rule \"Two unanswered calls: WhatsApp\" salience 10 when\n"
          + "  $c : Customer( paymentStatus == \"bounced\" )\n"
          + "  Number( intValue >= 2 ) from accumulate( Attempt( customerId == $c.loanId,"
          + " channel == Channel.CALL, outcome == \"no_answer\", daysAgo <= 7 ), count(1) )\n"
          + "then insert( Decision.whatsapp($c).template(\"tpl_missed\") ); end\n"
          + "rule \"Bounced: call every day\" when $c : Customer( paymentStatus == \"bounced\" )\n"
          + "  not Decision( customerId == $c.loanId, channel == Channel.WHATSAPP )\n"
          + "then insert( Decision.call($c).agent(\"agent_1\").disposition(\"disp_1\") ); end\n"
          + "rule \"Pending: SMS\" when $c : Customer( paymentStatus == \"pending\" )\n"
          + "then insert( Decision.sms($c).template(\"tpl_due\") ); end\n";

  @TempDir Path dir;

  static List<Customer> book() {
    List<Customer> out = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      out.add(
          Customer.builder("L" + i)
              .firstName("Asha")
              .phoneNumber("+9198765432" + (10 + i))
              .emiAmount(new BigDecimal("2500"))
              .paymentStatus(i <= 3 ? "bounced" : "pending")
              .build());
    }
    return out;
  }

  static DailyCycle.Result run(SandboxServer sandbox, Path store, String at) throws Exception {
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("strategy.drl", STRATEGY)));
    OutreachClient client = OutreachClient.builder(sandbox.uri()).token(TOKEN).build();
    return DailyCycle.builder("CAMP", rules, book(), client)
        .policy(GuardrailPolicy.none())
        .zone(IST)
        .clock(Clock.fixed(Instant.parse(at), IST))
        .respectSchedule(false)
        .build()
        .run(FolderStore.open(store));
  }

  @Test
  void aStrategyRunsOverDaysAndASecondRunOnADaySendsNothingTwice() throws Exception {
    Path store = dir.resolve("store");
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book()).start()) {
      // Day 1, 09:00 IST: calls to the bounced, SMS to the pending.
      DailyCycle.Result first = run(sandbox, store, "2025-08-05T03:30:00Z");
      assertThat(first.sent().allDone()).as(first.sent().toString()).isTrue();
      assertThat(sandbox.contactCounts(Channel.CALL))
          .isEqualTo(Map.of("L1", 1L, "L2", 1L, "L3", 1L));
      assertThat(sandbox.contactCounts(Channel.SMS))
          .isEqualTo(Map.of("L4", 1L, "L5", 1L, "L6", 1L));
      assertThat(Path.of(first.run()).resolve("plan.json")).exists();
      assertThat(Path.of(first.run()).resolve("report.txt")).exists();
      assertThat(Path.of(first.run()).resolve("report.html")).exists();
      assertThat(first.history().size()).isZero();

      // Day 1 again, 11:00: the history has the morning's six attempts; nothing is sent twice.
      int before = sandbox.received().size();
      DailyCycle.Result again = run(sandbox, store, "2025-08-05T05:30:00Z");
      assertThat(again.history().size()).isEqualTo(6);
      assertThat(again.history().attempts("L1", Channel.CALL))
          .extracting(ContactHistory.Attempt::outcome)
          .containsExactly("initiated");
      assertThat(sandbox.received()).hasSize(before);
      assertThat(again.plan().warnings()).anyMatch(w -> w.code().equals("ONCE_A_DAY"));

      // The call centre's dispositions and a payment arrive as a feed.
      Path feed = dir.resolve("dispositions.csv");
      Files.writeString(
          feed,
          "loan_id,channel,timestamp,outcome\n"
              + "L1,CALL,2025-08-04T10:00:00+05:30,no_answer\n"
              + "L1,CALL,2025-08-05T10:00:00+05:30,no_answer\n"
              + "L4,SMS,2025-08-05T12:00:00+05:30,paid\n",
          StandardCharsets.UTF_8);
      FolderStore s = FolderStore.open(store);
      assertThat(s.importFeed(feed)).isTrue();
      assertThat(s.importFeed(feed)).isFalse(); // the same feed again: kept once

      // Day 2, 09:00: L1 had two unanswered calls: WhatsApp instead; L4 paid: nothing.
      DailyCycle.Result day2 = run(sandbox, store, "2025-08-06T03:30:00Z");
      assertThat(day2.sent().allDone()).isTrue();
      assertThat(sandbox.contactCounts(Channel.WHATSAPP)).isEqualTo(Map.of("L1", 1L));
      assertThat(sandbox.contactCounts(Channel.CALL))
          .isEqualTo(Map.of("L1", 1L, "L2", 2L, "L3", 2L)); // L1: WhatsApp instead of a call
      assertThat(sandbox.contactCounts(Channel.SMS))
          .isEqualTo(Map.of("L4", 1L, "L5", 2L, "L6", 2L));
    }
  }

  @Test
  void aRunKilledBetweenSendingAndItsAnswerCountsItsStepsAsAttemptedSoTheNextRunDoesNotResend()
      throws Exception {
    Path store = dir.resolve("killed");
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book()).start()) {
      DailyCycle.Result first = run(sandbox, store, "2025-08-05T03:30:00Z");
      // As if killed with kill -9 after each request went out, before its answer was journaled.
      Path journal = Path.of(first.run()).resolve("journal.jsonl");
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
        if (!line.replace(" ", "").contains("\"type\":\"outcome\"")) {
          kept.add(line);
        }
      }
      Files.write(journal, kept, StandardCharsets.UTF_8);
      int before = sandbox.received().size();

      DailyCycle.Result again = run(sandbox, store, "2025-08-05T04:30:00Z");

      assertThat(again.history().size()).isEqualTo(6);
      assertThat(again.history().all())
          .extracting(ContactHistory.Attempt::outcome)
          .containsOnly("unknown");
      assertThat(sandbox.received()).hasSize(before);
    }
  }

  @Test
  void aRunWhosePlanWasChangedByHandStopsTheNextCycleBeforeAnythingIsSent() throws Exception {
    Path store = dir.resolve("tampered");
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book()).start()) {
      DailyCycle.Result first = run(sandbox, store, "2025-08-05T03:30:00Z");
      Path plan = Path.of(first.run()).resolve("plan.json");
      Files.writeString(plan, Files.readString(plan).replace("\"customerIds\"", "\"customerIdz\""));
      int before = sandbox.received().size();

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> run(sandbox, store, "2025-08-06T03:30:00Z"))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining(first.run())
          .hasMessageContaining("nothing is planned");
      assertThat(sandbox.received()).hasSize(before);
    }
  }

  @Test
  void aMisbehavingServerLeavesAHistoryThatNeverResendsWhatMayHaveRung() throws Exception {
    Path store = dir.resolve("faults");
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", book()).start()) {
      // The SMS step is answered 207 with one customer failed; the call step with a 500 that
      // does not prove nothing happened (it was carried out).
      sandbox.inject(dev.outreach.sandbox.Fault.partial(1).on("/api/v1/initiate/CAMP/sms"));
      sandbox.inject(
          dev.outreach.sandbox.Fault.status(500).on("/api/v1/initiate/CAMP/calls").times(10));
      DailyCycle.Result first = run(sandbox, store, "2025-08-05T03:30:00Z");
      assertThat(first.sent().allDone()).isFalse();
      sandbox.clearFaults();
      int before = sandbox.received().size();

      DailyCycle.Result again = run(sandbox, store, "2025-08-05T05:30:00Z");

      java.util.Map<String, Long> outcomes = new java.util.TreeMap<>();
      again
          .history()
          .all()
          .forEach(a -> outcomes.merge(a.channel() + " " + a.outcome(), 1L, Long::sum));
      assertThat(outcomes).containsEntry("SMS failed", 1L).containsEntry("SMS initiated", 2L);
      assertThat(outcomes).containsEntry("CALL unknown", 3L);
      // The one SMS the server said failed is sent again; no call (may have rung) is.
      assertThat(sandbox.received().size() - before).isEqualTo(1);
      assertThat(sandbox.contactCounts(Channel.SMS).values()).allMatch(n -> n == 1L);
    }
  }
}
