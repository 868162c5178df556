package dev.outreach.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseResultTest {
  @TempDir Path dir;

  List<CaseResult> run(String csv) throws Exception {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, csv);
    return CaseFile.read(file, null).stream().map(c -> c.run(RuleCheckTest.RULES)).toList();
  }

  @Test
  void matchingCasesPassWithOneLine() throws Exception {
    List<CaseResult> results =
        run(
            """
        case,as_of,loan_id,payment_status,emi_due_date,dpd,dnc,expect,expect_call,expect_whatsapp,expect_reason,expect_not_before
        recovery,2025-08-05T09:00:00+05:30,L1,bounced,,45,,call,agent_recovery_01/disp_recovery,,,call@15:00
        morning,2025-08-05T14:00:00+05:30,L2,bounced,,,,call,agent_abc123,,,call@2025-08-06T10:00
        dnc,2025-08-05T09:00:00+05:30,L3,bounced,,,true,suppress,,,asked not to be contacted,
        due,2025-08-05T09:00:00+05:30,L4,pending,2025-08-07,,,whatsapp,,hfu7VL6sBhI6NPm/PPTnLQAvGlLtVgRbpcFn/XaYnpMfmTumXNSgOSIZB,,whatsapp@09:00
        later,2025-08-05T09:00:00+05:30,L5,pending,2025-08-25,,,none,,,,
        """);

    assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.report()).isTrue());
    assertThat(results.get(0).report()).isEqualTo("ok  recovery");
  }

  @Test
  void aFailingCaseShowsWhatWasExpectedWhatHappensAndWhichRulesFired() throws Exception {
    CaseResult r =
        run("""
        case,as_of,loan_id,payment_status,dpd,expect,expect_call,expect_not_before
        far behind,2025-08-05T09:00:00+05:30,L1,bounced,45,call+sms,agent_abc123/disp_xyz789,call@10:00
        """)
            .get(0);

    assertThat(r.passed()).isFalse();
    assertThat(r.report())
        .isEqualTo(
            """
        FAIL far behind (cases.csv:2)
          expected: call agent_abc123/disp_xyz789 not before 10:00 + sms
          actual:   call agent_recovery_01/disp_recovery not before 2025-08-05T15:00+05:30 until 2025-08-05T19:00+05:30 (rule "Bounced and far behind: recovery call")
                    (call by "Bounced: morning call" lost to "Bounced and far behind: recovery call": higher priority on the same channel)
          differs:  expected call+sms, got call
                    call: expected agent_abc123/disp_xyz789, got agent_recovery_01/disp_recovery
                    call: expected not before 10:00, got 2025-08-05T15:00+05:30
          fired:    "Bounced: morning call", "Bounced and far behind: recovery call\"""");
  }

  @Test
  void aSuppressionWithAnotherReasonAndARuleThatFailsAreFailures() throws Exception {
    List<CaseResult> results =
        run(
            """
        case,as_of,loan_id,payment_status,dnc,expect,expect_reason
        dnc,2025-08-05T09:00:00+05:30,L1,pending,true,suppress,already paid
        broken,2025-08-05T09:00:00+05:30,L2,broken,,none,
        """);

    assertThat(results.get(0).report())
        .contains("expected: suppress \"already paid\"")
        .contains(
            "actual:   suppress \"asked not to be contacted\" (rule \"Asked not to be contacted\")")
        .contains("differs:  reason: expected \"already paid\", got \"asked not to be contacted\"");
    assertThat(results.get(1).passed()).isFalse();
    assertThat(results.get(1).report())
        .startsWith("FAIL broken (cases.csv:3)")
        .contains("error:")
        .contains("Broken");
  }
}
