package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRulesCommandTest {
  static final String RULES = CliTest.RULES.toString();
  static final Path CASES = Path.of("../examples/src/main/resources/outreach/sample/cases.csv");
  static final String HEADER =
      "case,as_of,loan_id,payment_status,language,emi_due_date,dpd,expect,expect_call,"
          + "expect_not_before\n";

  @TempDir Path dir;

  Path cases(String csv) throws Exception {
    Path file = dir.resolve("my-cases.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void theSampleCasesPassAgainstTheSampleRules() {
    Run r = CliTest.run("test-rules", "--rules", RULES, "--cases", CASES.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .startsWith("ok  paid customers are never contacted\n")
        .contains("ok  part-paid 70 days behind also gets the recovery call\n")
        .endsWith("\n12 passed, 0 failed\n")
        .doesNotContain("FAIL");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aWrongExpectationFailsShowingTheCaseExpectedActualAndFiredRules() throws Exception {
    Path file =
        cases(
            HEADER
                + "hindi morning call,2025-08-05T09:00:00+05:30,T1,bounced,hindi,2025-07-29,5,call,agent_abc123/disp_xyz789,call@10:00\n"
                + "high risk wrongly expected in the morning,2025-08-05T09:00:00+05:30,T2,bounced,hindi,2025-06-21,45,call,"
                + "agent_abc123/disp_xyz789,call@10:00\n");

    Run r =
        CliTest.run(
            "test-rules", "--rules", RULES, "--cases", file.toString(), "--zone", "Asia/Kolkata");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("ok  hindi morning call\n")
        .contains("FAIL high risk wrongly expected in the morning (my-cases.csv:3)\n")
        .contains("  expected: call agent_abc123/disp_xyz789 not before 10:00\n")
        .contains(
            "  actual:   call agent_recovery_01/disp_recovery not before 2025-08-05T15:00+05:30"
                + " until 2025-08-05T18:00+05:30 (rule \"High risk accounts get the recovery agent in the afternoon\")")
        .contains("call: expected agent_abc123/disp_xyz789, got agent_recovery_01/disp_recovery")
        .contains(
            "  fired:    \"Bounced EMI gets a voice call in the morning (Hindi)\", "
                + "\"High risk: bounced and more than 30 days past due\", "
                + "\"High risk accounts get the recovery agent in the afternoon\"\n")
        .endsWith("\n1 passed, 1 failed\n");
  }

  @Test
  void anUnknownExpectWordFailsNamingFileLineAndColumn() throws Exception {
    Path file =
        cases(
            HEADER
                + "ok,2025-08-05T09:00:00+05:30,T1,bounced,hindi,2025-07-29,5,call,,\n"
                + "typo,2025-08-05T09:00:00+05:30,T2,bounced,hindi,2025-07-29,5,calls,,\n");

    Run r = CliTest.run("test-rules", "--rules", RULES, "--cases", file.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(file + ": 1 problem, no case was run")
        .contains(
            "my-cases.csv:3: expect: \"calls\" is not an expectation; write none, suppress, or call, sms, whatsapp"
                + " joined by +");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingExpectColumnFailsNamingTheHeaderLine() throws Exception {
    Path file = cases("case,as_of,loan_id,payment_status\nx,2025-08-05T09:00:00+05:30,T1,paid\n");

    Run r = CliTest.run("test-rules", "--rules", RULES, "--cases", file.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("my-cases.csv:1: the header has no expect column");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aBadDateInACustomerColumnFailsNamingFileLineAndColumn() throws Exception {
    Path file =
        cases(HEADER + "x,2025-08-05T09:00:00+05:30,T1,pending,hindi,2025-08-32,0,none,,\n");

    Run r = CliTest.run("test-rules", "--rules", RULES, "--cases", file.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "my-cases.csv:2: emi_due_date: \"2025-08-32\" is not a date (expected YYYY-MM-DD)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingOptionsAreAUsageError() {
    Run r = CliTest.run("test-rules", "--rules", RULES);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option").contains("--cases");
  }
}
