package dev.outreach.cli;

import static dev.outreach.cli.CliTest.concat;
import static dev.outreach.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --history} reaches the rules as Attempt facts in plan, explain and diff. */
class HistoryFactsCliTest {
  static final String CADENCE =
      "package cadence\n"
          + "import dev.outreach.core.Customer;\n"
          + "import dev.outreach.core.Channel;\n"
          + "import dev.outreach.rules.Attempt;\n"
          + "import dev.outreach.rules.Decision;\n"
          + "rule \"Two unanswered calls this week: WhatsApp instead\" when\n"
          + "  $c : Customer( paymentStatus == \"bounced\" )\n"
          + "  Number( intValue >= 2 ) from accumulate( Attempt( customerId == $c.loanId,"
          + " channel == Channel.CALL, outcome == \"no_answer\", daysAgo <= 7 ), count(1) )\n"
          + "then insert( Decision.whatsapp($c).template(\"tpl_missed_you\") ); end\n"
          + "rule \"Bounced: call\" when\n"
          + "  $c : Customer( paymentStatus == \"bounced\" )\n"
          + "  not Attempt( customerId == $c.loanId, outcome == \"no_answer\" )\n"
          + "then insert( Decision.call($c).agent(\"a1\").disposition(\"d1\") ); end\n";

  @TempDir Path dir;

  @Test
  void aCadenceInDrlFollowsTheHistoryFile() throws Exception {
    Path rules = dir.resolve("cadence.drl");
    Files.writeString(rules, CADENCE, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("portfolio.csv"),
        "loan_id,first_name,phone_number,emi_amount,emi_due_date,payment_status,timezone\n"
            + "L1,Asha,+919876543210,2500,2025-08-01,bounced,Asia/Kolkata\n"
            + "L2,Ben,+12125550100,1500,2025-08-01,BOUNCED,America/New_York\n"
            + "L3,Zoë,+919876543212,2500,2025-08-01,bounced,\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("history.csv"),
        "loan_id,channel,timestamp,outcome\n"
            + "L1,CALL,2025-08-01T10:15:00+05:30,no_answer\n"
            + "L1,CALL,2025-08-04T10:15:00+05:30,no_answer\n"
            + "L2,CALL,2025-08-04T10:15:00-04:00,no_answer\n",
        StandardCharsets.UTF_8);
    String[] common = {
      "--rules", rules.toString(),
      "--customers", dir.resolve("portfolio.csv").toString(),
      "--campaign", "C1",
      "--as-of", "2025-08-05T09:00:00+05:30",
      "--zone", "Asia/Kolkata",
      "--policy", "none",
      "--history", dir.resolve("history.csv").toString()
    };

    Run plan = run(concat(new String[] {"plan", "--format", "json"}, common));
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("tpl_missed_you");
    // L1 was called twice without an answer this week: WhatsApp; L2 once (no rule); L3 never: call.
    String whatsapp = plan.out().substring(plan.out().indexOf("INITIATE_WHATSAPP"));
    assertThat(whatsapp.substring(0, whatsapp.indexOf(']'))).contains("L1").doesNotContain("L2");
    assertThat(plan.out()).contains("\"L2\"").contains("\"L3\"");

    Run explain = run(concat(new String[] {"explain", "--customer", "L1"}, common));
    assertThat(explain.code()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("Two unanswered calls this week: WhatsApp instead");

    Run without =
        run(
            "plan",
            "--format",
            "json",
            "--rules",
            rules.toString(),
            "--customers",
            dir.resolve("portfolio.csv").toString(),
            "--campaign",
            "C1",
            "--as-of",
            "2025-08-05T09:00:00+05:30",
            "--policy",
            "none");
    assertThat(without.code()).as(without.err()).isZero();
    assertThat(without.out()).doesNotContain("tpl_missed_you");
  }
}
