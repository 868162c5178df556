package dev.outreach.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioReaderTest {
  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void csvColumnsBecomeTypedFieldsAndCustomAttributes() throws Exception {
    Path p =
        file(
            "book.csv",
            "\uFEFFloan_id,first_name,phone_number,emi_amount,loan_period,emi_due_date,payment_status,"
                + "branch,dpd,pincode,vip,note\n"
                + "L1,Asha,+919876543210,12500.50,24,2025-08-07,pending,mumbai,45,007,true,\"late, twice\"\n"
                + "L2,,,,,,paid,pune,,,,\n");

    List<Customer> customers = PortfolioReader.read(p);

    assertThat(customers).hasSize(2);
    Customer a = customers.get(0);
    assertThat(a.loanId()).isEqualTo("L1");
    assertThat(a.firstName()).isEqualTo("Asha");
    assertThat(a.emiAmount()).isEqualByComparingTo("12500.50");
    assertThat(a.loanPeriod()).isEqualTo(24);
    assertThat(a.emiDueDate()).isEqualTo(LocalDate.of(2025, 8, 7));
    assertThat(a.custom())
        .containsEntry("branch", "mumbai")
        .containsEntry("dpd", new BigDecimal("45"))
        .containsEntry("pincode", "007")
        .containsEntry("vip", true)
        .containsEntry("note", "late, twice");
    Customer b = customers.get(1);
    assertThat(b.firstName()).isNull();
    assertThat(b.emiAmount()).isNull();
    assertThat(b.custom()).containsOnlyKeys("branch");
  }

  @Test
  void aTimezoneThatIsNoZoneIsNamedByFileLineAndColumnInCsvAndJsonLines() throws Exception {
    Path csv =
        file(
            "zones.csv",
            "loan_id,timezone\nL1,Asia/Kolkata\nL2,Asia/Kolkatta\nL3,America/New_York\n");
    Path jsonl =
        file(
            "zones.jsonl",
            "{\"loan_id\":\"L1\",\"custom\":{\"timezone\":\"Mars/Olympus\"}}\n"
                + "{\"loan_id\":\"L2\",\"timezone\":\"Europe/London\"}\n");

    assertThatThrownBy(() -> PortfolioReader.read(csv))
        .isInstanceOfSatisfying(
            PortfolioException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(x -> x.line() + ":" + x.field())
                  .containsExactly("3:timezone");
              assertThat(e.getMessage())
                  .contains("zones.csv", "\"Asia/Kolkatta\" is not a time zone");
            });
    assertThatThrownBy(() -> PortfolioReader.read(jsonl))
        .isInstanceOfSatisfying(
            PortfolioException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(x -> x.line() + ":" + x.field())
                  .containsExactly("1:custom");
              assertThat(e.getMessage())
                  .contains("zones.jsonl", "timezone \"Mars/Olympus\" is not a time zone");
            });
    assertThat(
            PortfolioReader.read(file("ok.csv", "loan_id,timezone\nL1,Asia/Kolkata\n"))
                .get(0)
                .attribute("timezone"))
        .isEqualTo("Asia/Kolkata");
  }

  @Test
  void camelCaseHeadersAreAccepted() throws Exception {
    Path p = file("camel.csv", "loanId,paymentStatus,emiDueDate\nL1,bounced,2025-08-01\n");

    Customer c = PortfolioReader.read(p).get(0);

    assertThat(c.paymentStatus()).isEqualTo("bounced");
    assertThat(c.emiDueDate()).isEqualTo(LocalDate.of(2025, 8, 1));
    assertThat(c.custom()).isEmpty();
  }

  @Test
  void everyBadRowIsReportedWithFileLineAndColumnAndNothingIsReturned() throws IOException {
    Path p =
        file(
            "bad.csv",
            "loan_id,emi_due_date,emi_amount,loan_period\n"
                + "L1,2025-08-01,100,12\n"
                + "L2,2025-13-01,100,12\n"
                + "L3,2025-08-01,12,5OO,12\n"
                + "L4,2025-08-01,abc,12\n"
                + ",2025-08-01,100,12\n"
                + "L1,2025-08-02,100,12.5\n");

    assertThatThrownBy(() -> PortfolioReader.read(p))
        .isInstanceOfSatisfying(
            PortfolioException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(x -> x.line() + ":" + x.field())
                  .containsExactly(
                      "3:emi_due_date",
                      "4:null",
                      "5:emi_amount",
                      "6:loan_id",
                      "7:loan_id",
                      "7:loan_period");
              assertThat(e.getMessage())
                  .contains(
                      "bad.csv:3: emi_due_date: \"2025-13-01\" is not a date (expected YYYY-MM-DD)")
                  .contains("bad.csv:4: has 5 fields but the header has 4")
                  .contains("bad.csv:5: emi_amount: \"abc\" is not a number")
                  .contains("bad.csv:7: loan_id: \"L1\" appears again (first on line 2)")
                  .contains("bad.csv:7: loan_period: \"12.5\" is not a whole number")
                  .contains("6 problems, nothing was read");
            });
  }

  @Test
  void aHeaderWithoutLoanIdIsRejected() throws IOException {
    Path p = file("nohead.csv", "id,payment_status\nL1,paid\n");

    assertThatThrownBy(() -> PortfolioReader.read(p))
        .isInstanceOf(PortfolioException.class)
        .hasMessageContaining(
            "nohead.csv:1: the header has no loan_id column (found: id, payment_status)");
  }

  @Test
  void jsonLinesReadsNestedAndTopLevelCustomAttributes() throws Exception {
    Path p =
        file(
            "book.jsonl",
            "{\"loan_id\":\"L1\",\"emi_amount\":5000,\"emi_due_date\":\"2025-08-03\","
                + "\"branch\":\"delhi\",\"custom\":{\"dpd\":12,\"vip\":false},\"language\":null}\n"
                + "\n"
                + "{\"loan_id\":\"L2\",\"payment_status\":\"bounced\"}\n");

    List<Customer> customers = PortfolioReader.read(p);

    assertThat(customers).extracting(Customer::loanId).containsExactly("L1", "L2");
    assertThat(customers.get(0).emiAmount()).isEqualByComparingTo("5000");
    assertThat(customers.get(0).language()).isNull();
    assertThat(customers.get(0).custom())
        .containsEntry("branch", "delhi")
        .containsEntry("dpd", new BigDecimal("12"))
        .containsEntry("vip", false);
  }

  @Test
  void jsonLinesErrorsNameTheLineAndField() throws IOException {
    Path p =
        file(
            "bad.jsonl",
            "{\"loan_id\":\"L1\"}\n{\"loan_id\":\"L2\",\"emi_due_date\":\"soon\"}\n{\"loan_id\": }\n"
                + "[\"L4\"]\n");

    assertThatThrownBy(() -> PortfolioReader.read(p))
        .isInstanceOf(PortfolioException.class)
        .hasMessageContaining("bad.jsonl:2: emi_due_date: \"soon\" is not a date")
        .hasMessageContaining("bad.jsonl:3: not valid JSON at column 13 near \"\"loan_id\": }\"")
        .hasMessageContaining("bad.jsonl:4: expected a JSON object {…}, found an array");
  }
}
