package dev.outreach.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {
  @TempDir Path dir;

  Path write(String csv) throws IOException {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void customerColumnsAreReadAsInAPortfolioAndCaseColumnsAreLeftOut() throws Exception {
    Path file =
        write(
            """
        case,as_of,loan_id,payment_status,emi_due_date,dpd,branch,expect,expect_call,expect_not_before
        bounced,2025-08-05T09:00:00+05:30,L1,bounced,2025-08-01,45,mumbai,call,agent_recovery_01/disp_recovery,call@15:00

        paid,2025-08-05,L2,paid,,,,suppress,,
        """);

    List<RuleCase> cases = CaseFile.read(file, null);

    assertThat(cases).extracting(RuleCase::name).containsExactly("bounced", "paid");
    assertThat(cases).extracting(RuleCase::line).containsExactly(2L, 4L);
    RuleCase first = cases.get(0);
    assertThat(first.customer().paymentStatus()).isEqualTo("bounced");
    assertThat(first.customer().custom())
        .containsOnlyKeys("dpd", "branch")
        .containsEntry("dpd", new BigDecimal("45"));
    assertThat(first.asOf()).isEqualTo(OffsetDateTime.parse("2025-08-05T09:00:00+05:30"));
    assertThat(first.zone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(first.expected())
        .hasToString("call agent_recovery_01/disp_recovery not before 15:00");
    assertThat(first.where()).isEqualTo("cases.csv:2");
    assertThat(cases.get(1).asOf()).isEqualTo(OffsetDateTime.parse("2025-08-05T00:00Z"));
    assertThat(cases.get(1).customer().custom()).isEmpty();
  }

  @Test
  void aDateAsOfIsTheStartOfThatDayInTheGivenZone() throws Exception {
    Path file =
        write("case,as_of,loan_id,expect\nx,2025-08-05,L1,none\ny,2025-08-05T09:00:00Z,L2,none\n");

    List<RuleCase> cases = CaseFile.read(file, ZoneId.of("Asia/Kolkata"));

    assertThat(cases.get(0).asOf()).isEqualTo(OffsetDateTime.parse("2025-08-05T00:00+05:30"));
    assertThat(cases.get(1).asOf()).isEqualTo(OffsetDateTime.parse("2025-08-05T09:00Z"));
    assertThat(cases).extracting(RuleCase::zone).containsOnly(ZoneId.of("Asia/Kolkata"));
  }

  @Test
  void everyProblemIsReportedAtOnceWithLineAndColumn() throws Exception {
    Path file =
        write(
            """
        case,as_of,loan_id,emi_due_date,expect,expect_call,expect_whatsapp,expect_reason,expect_not_before
        a,2025-08-05T09:00:00+05:30,L1,2025-08-01,cal,,,,
        b,2025-08-05T09:00:00+05:30,L2,2025-02-30,sms,agent_x,,,
        c,yesterday,L3,2025-08-01,whatsapp,,tpl/agent,,whatsapp@9
        ,2025-08-05,L4,,none+sms,,,already paid,
        a,2025-08-05,L5,,call,agent/disp,,,sms@10:00
        """);

    assertThatThrownBy(() -> CaseFile.read(file, null))
        .isInstanceOfSatisfying(
            CaseFileException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(Problem::line, Problem::field)
                  .containsExactly(
                      org.assertj.core.api.Assertions.tuple(2L, "expect"),
                      org.assertj.core.api.Assertions.tuple(3L, "emi_due_date"),
                      org.assertj.core.api.Assertions.tuple(3L, "expect_call"),
                      org.assertj.core.api.Assertions.tuple(4L, "as_of"),
                      org.assertj.core.api.Assertions.tuple(4L, "expect_whatsapp"),
                      org.assertj.core.api.Assertions.tuple(4L, "expect_not_before"),
                      org.assertj.core.api.Assertions.tuple(5L, "case"),
                      org.assertj.core.api.Assertions.tuple(5L, "expect"),
                      org.assertj.core.api.Assertions.tuple(6L, "case"),
                      org.assertj.core.api.Assertions.tuple(6L, "expect_not_before"));
              assertThat(e.getMessage())
                  .startsWith(file + ": 10 problems, no case was run")
                  .contains(
                      "cases.csv:2: expect: \"cal\" is not an expectation; write none, suppress, or call, sms, whatsapp")
                  .contains("cases.csv:3: emi_due_date: \"2025-02-30\" is not a date")
                  .contains("cases.csv:3: expect_call: is set, but expect does not include call")
                  .contains("cases.csv:4: as_of: \"yesterday\" is not a moment")
                  .contains(
                      "cases.csv:4: expect_whatsapp: \"tpl/agent\" should be TEMPLATE or TEMPLATE/AGENT/DISPOSITION")
                  .contains(
                      "cases.csv:4: expect_not_before: \"whatsapp@9\" should be CHANNEL@HH:mm")
                  .contains("cases.csv:5: case: is empty")
                  .contains("cases.csv:5: expect: \"none+sms\": none stands alone")
                  .contains("cases.csv:6: case: \"a\" names another case too (line 2)")
                  .contains(
                      "cases.csv:6: expect_not_before: \"sms@10:00\": expect does not include sms");
            });
  }

  @Test
  void aHeaderWithoutCaseColumnsOrWithAnUnknownExpectColumnIsReported() throws Exception {
    Path file = write("loan_id,payment_status,expect_calls\nL1,paid,x\n");

    assertThatThrownBy(() -> CaseFile.read(file, null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining(
            "cases.csv:1: expect_calls: is not an expectation column; expected one of expect,"
                + " expect_call, expect_sms, expect_whatsapp, expect_reason, expect_not_before")
        .hasMessageContaining("cases.csv:1: the header has no case column")
        .hasMessageContaining("cases.csv:1: the header has no as_of column")
        .hasMessageContaining("cases.csv:1: the header has no expect column");
  }

  @Test
  void aFileWithSemicolonsBetweenColumnsSaysSo() throws Exception {
    assertThatThrownBy(
            () -> CaseFile.read(write("case;as_of;loan_id;expect\nx;2025-08-05;L1;none\n"), null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining(
            "cases.csv:1: the columns are separated by ; but a cases file separates them by ,");
  }

  @Test
  void anEmptyFileOrOneWithoutCasesIsAnError() throws Exception {
    assertThatThrownBy(() -> CaseFile.read(write(""), null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases.csv:1: the file is empty");
    assertThatThrownBy(() -> CaseFile.read(write("case,as_of,loan_id,expect\n"), null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("the file holds no cases");
    assertThatThrownBy(() -> CaseFile.read(dir.resolve("nowhere.csv"), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nowhere.csv: no such file");
  }
}
