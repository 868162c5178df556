package dev.outreach.spark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.spark.sql.Row;

/**
 * A Spark row's cells as the text a portfolio file would hold: a string as it is, a number in plain
 * digits ({@code 2500.50}, never {@code 2.5005E3}), a date as {@code yyyy-MM-dd}, a timestamp as an
 * ISO instant in UTC, {@code null} for a missing value.
 */
final class Cells {
  private Cells() {}

  static String[] of(Row row) {
    return of(row, row.length());
  }

  /** The first {@code n} cells of {@code row}. */
  static String[] of(Row row, int n) {
    String[] cells = new String[n];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = row.isNullAt(i) ? null : text(row.get(i));
    }
    return cells;
  }

  static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Float f) {
      return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Instant t) {
      return t.toString();
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC).toString();
    }
    if (v instanceof byte[]) {
      throw new IllegalArgumentException(
          "is binary; a portfolio column holds text, numbers or dates");
    }
    return String.valueOf(v); // integers, booleans
  }
}
