package dev.outreach.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerRowsTest {
  @Test
  void rowsGiveTheCustomersAndTheProblemsACsvFileWould() throws Exception {
    String csv =
        "loanId,EMI_amount,emiDueDate,branch,Language\n"
            + "L1,2500.50,2025-08-07,Pune,hindi\n"
            + "L2,lots,2025-13-01,,\n"
            + " ,1,,,\n";
    CustomerRows rows =
        CustomerRows.of("t", List.of("loanId", "EMI_amount", "emiDueDate", "branch", "Language"));

    CustomerRows.Result good =
        rows.read(2, new String[] {"L1", "2500.50", "2025-08-07", "Pune", "hindi"});
    CustomerRows.Result bad = rows.read(3, new String[] {"L2", "lots", "2025-13-01", null, " "});
    CustomerRows.Result noId = rows.read(4, new String[] {" ", "1", null, null, null});

    Customer c = good.customer();
    assertThat(c.loanId()).isEqualTo("L1");
    assertThat(c.emiAmount()).isEqualTo(new BigDecimal("2500.50"));
    assertThat(c.emiDueDate()).isEqualTo(LocalDate.of(2025, 8, 7));
    assertThat(c.custom()).containsEntry("branch", "Pune");
    assertThat(bad.customer()).isNull();
    assertThat(bad.loanId()).isEqualTo("L2");
    assertThat(noId.loanId()).isNull();
    // The same problems, field by field and word for word, as the CSV reader's.
    PortfolioException fromFile =
        org.junit.jupiter.api.Assertions.assertThrows(
            PortfolioException.class, () -> PortfolioReader.readCsv(new StringReader(csv), "t"));
    List<Problem> fromRows = new java.util.ArrayList<>(bad.problems());
    fromRows.addAll(noId.problems());
    assertThat(fromRows).isEqualTo(fromFile.problems());
  }

  @Test
  void aLayoutWithoutALoanIdOrWithARepeatedColumnIsRefused() {
    assertThatThrownBy(() -> CustomerRows.of("loans", List.of("id", "emi_amount")))
        .isInstanceOf(PortfolioException.class)
        .hasMessageContaining("has no loan_id column (found: id, emi_amount)");
    assertThatThrownBy(() -> CustomerRows.of("loans", List.of("loan_id", "branch", "branch")))
        .hasMessageContaining("branch: the column appears twice in the header");
  }

  @Test
  void aJsonLineGivesTheCustomerAndTheProblemsTheFileWould() throws Exception {
    String line =
        "{\"custom\": {\"zip\": \"0410\", \"a\": [1, {\"loan_id\": \"no\"}]}, \"Loan_Id\": 77,"
            + " \"dpd\": \"5\", \"tier\": 5, \"emi_amount\": \"2500.50\"}";
    List<Customer> file =
        PortfolioReader.readJsonLines(
            new StringReader("\uFEFF" + line.replace("[1, {\"loan_id\": \"no\"}]", "1") + "\n"),
            "x.jsonl");

    CustomerRows.Result first =
        CustomerRows.jsonLine(1, "\uFEFF" + line.replace("[1, {\"loan_id\": \"no\"}]", "1"), true);
    CustomerRows.Result later = CustomerRows.jsonLine(2, "\uFEFF" + line, false);
    CustomerRows.Result blank = CustomerRows.jsonLine(3, "   ", false);
    CustomerRows.Result bad =
        CustomerRows.jsonLine(4, "{\"loan_id\": \" L9 \", \"emi_amount\": \"lots\"}", false);

    assertThat(first.customer()).isEqualTo(file.get(0));
    assertThat(first.customer().attribute("dpd")).isEqualTo("5");
    assertThat(first.customer().attribute("tier")).isEqualTo(new BigDecimal("5"));
    assertThat(later.customer()).isNull();
    assertThat(later.problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("JSON object"));
    assertThat(blank).isEqualTo(new CustomerRows.Result(null, null, List.of()));
    assertThat(bad.loanId()).isEqualTo("L9");
    assertThat(bad.problems()).extracting(Problem::field).containsExactly("emi_amount");
    assertThat(CustomerRows.jsonLineLoanId(line)).isEqualTo("77");
    assertThat(CustomerRows.jsonLineLoanId("\uFEFF" + line)).isEqualTo("77");
    assertThat(CustomerRows.jsonLineLoanId("[1]")).isNull();
    assertThat(CustomerRows.jsonLineLoanId("{\"loan_id\": \"L1\", \"x\": ")).isEqualTo("L1");
    assertThat(CustomerRows.jsonLineLoanId("{\"x\": tru")).isNull();
    assertThat(CustomerRows.jsonLineLoanId("{\"loan_id\": {\"id\": 1}}")).isNull();
  }
}
