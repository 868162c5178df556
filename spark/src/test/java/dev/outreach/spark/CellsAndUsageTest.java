package dev.outreach.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Row cells as a file's text, and the command's usage errors (no Spark session needed). */
class CellsAndUsageTest {
  @Test
  void typedCellsBecomeTheTextAPortfolioFileWouldHold() {
    Row row =
        RowFactory.create(
            "L1",
            new BigDecimal("2500.50"),
            2500.5d,
            1.0E7d,
            12,
            9_000_000_000L,
            java.sql.Date.valueOf(LocalDate.of(2025, 8, 7)),
            java.sql.Timestamp.from(java.time.Instant.parse("2025-08-05T03:30:00Z")),
            true,
            null,
            "ünïcødé, \"quoted\"");

    assertThat(Cells.of(row))
        .containsExactly(
            "L1",
            "2500.50",
            "2500.5",
            "10000000",
            "12",
            "9000000000",
            "2025-08-07",
            "2025-08-05T03:30:00Z",
            "true",
            null,
            "ünïcødé, \"quoted\"");
    assertThatThrownBy(() -> Cells.text(new byte[] {1})).hasMessageContaining("is binary");
  }

  @Test
  void usageErrorsExit2WithoutStartingSpark() {
    assertThat(run("explain")).isEqualTo(2);
    assertThat(run("plan", "--master")).isEqualTo(2);
    assertThat(run("plan", "--conf", "novalue")).isEqualTo(2);
    assertThat(run("convert", "--customers", "x.csv")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  private static int run(String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertThat(err.toString()).startsWith("outreach-spark: ");
    return exit;
  }
}
