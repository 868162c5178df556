package dev.outreach.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader converts records on every core and shares repeated values: the customers, the
 * problems and their order must be what a plain row-by-row read gives, across chunk boundaries.
 */
class ParallelCsvTest {
  private static final String HEADER =
      "loan_id,phone_number,loan_amount,emi_due_date,payment_status,branch,dpd\n";

  /**
   * {@code rows} rows; every {@code badEvery}-th has a bad amount, every {@code dupEvery}-th
   * repeats an id.
   */
  private static String csv(int rows, int badEvery, int dupEvery) {
    StringBuilder b = new StringBuilder(HEADER);
    for (int i = 1; i <= rows; i++) {
      String id = dupEvery > 0 && i % dupEvery == 0 ? "L" + (i - 1) : "L" + i;
      String amount = badEvery > 0 && i % badEvery == 0 ? "-5" : Integer.toString(1000 * (i % 7));
      b.append(id)
          .append(",+91987650")
          .append(String.format(Locale.ROOT, "%04d", i % 10_000))
          .append(',')
          .append(amount)
          .append(",2025-08-")
          .append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
          .append(',')
          .append(i % 3 == 0 ? "bounced" : "pending")
          .append(",branch_")
          .append(i % 40)
          .append(',')
          .append(i % 90)
          .append('\n');
    }
    return b.toString();
  }

  @Test
  void aLargeFileReadsEveryRowInOrderWithValuesShared() throws Exception {
    int rows = 3 * CsvChunks.CHUNK + 17;
    List<Customer> read = PortfolioReader.readCsv(new StringReader(csv(rows, 0, 0)), "big.csv");

    assertThat(read).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      Customer c = read.get(i);
      int n = i + 1;
      assertThat(c.loanId()).isEqualTo("L" + n);
      assertThat(c.loanAmount()).isEqualByComparingTo(BigDecimal.valueOf(1000L * (n % 7)));
      assertThat(c.emiDueDate()).isEqualTo(LocalDate.of(2025, 8, 1 + n % 28));
      assertThat(c.attribute("dpd")).isEqualTo(new BigDecimal(Integer.toString(n % 90)));
      assertThat(c.attribute("branch")).isEqualTo("branch_" + n % 40);
    }
    // The same text gives the same instance: a million customers hold a few values per column.
    assertThat(read.get(0).paymentStatus()).isSameAs(read.get(rows - 4).paymentStatus());
    assertThat(read.get(5).attribute("branch")).isSameAs(read.get(45).attribute("branch"));
    assertThat(read.get(1).loanAmount()).isSameAs(read.get(8).loanAmount());
  }

  @Test
  void problemsAcrossChunksComeInFileOrderWithTheirTrueCount() {
    int rows = 2 * CsvChunks.CHUNK + 100;
    assertThatThrownBy(
            () -> PortfolioReader.readCsv(new StringReader(csv(rows, 97, 1000)), "bad.csv"))
        .isInstanceOfSatisfying(
            PortfolioException.class,
            e -> {
              List<Long> lines = new ArrayList<>();
              e.problems().forEach(p -> lines.add(p.line()));
              assertThat(lines).isSorted().hasSize(Problems.KEPT);
              // Row n is on line n + 1; the first problems: bad amounts at rows 97, 194, … and the
              // repeat at 1000.
              assertThat(e.problems().get(0).line()).isEqualTo(98);
              assertThat(e.problems().get(0).field()).isEqualTo("loan_amount");
              int bad = rows / 97;
              int repeats = rows / 1000;
              assertThat(e.getMessage()).contains(String.valueOf(bad + repeats));
              assertThat(e.problems())
                  .anySatisfy(p -> assertThat(p.message()).contains("\"L999\" appears again"));
            });
  }

  @Test
  void theNumberTestIsThePlainNumberPattern() {
    Pattern plain = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    Random r = new Random(7);
    String alphabet = "0123456789.-+e ";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = r.nextInt(7); n > 0; n--) {
        s.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertThat(Fields.isPlainNumber(text)).as(text).isEqualTo(plain.matcher(text).matches());
    }
  }

  @Test
  void theDateShortcutAgreesWithTheIsoParser() {
    Random r = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      String text =
          String.format(
              Locale.ROOT, "%04d-%02d-%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33));
      if (r.nextInt(10) == 0) {
        text =
            text.replace('-', r.nextBoolean() ? '/' : '-')
                .replace('0', r.nextBoolean() ? 'O' : '0');
      }
      LocalDate expected;
      try {
        expected = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        expected = null;
      }
      String t = text;
      if (expected == null) {
        assertThatThrownBy(() -> Fields.date(t))
            .as(t)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("is not a date");
      } else {
        assertThat(Fields.date(text)).as(text).isEqualTo(expected);
      }
    }
  }
}
