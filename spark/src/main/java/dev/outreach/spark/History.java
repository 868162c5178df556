package dev.outreach.spark;

import dev.outreach.core.guardrail.ContactHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The contact history as rows to join to the portfolio's by loan id: one row per loan with its
 * attempts, every portfolio column empty, the loan id's sort key, row number -1 (so that sorted by
 * key and row it comes just before its customer's row, in the same partition), and the attempts
 * serialized in the last column. A partition then holds its own customers' attempts, never the
 * whole history.
 */
final class History {
  /** What an attempt holds: our records, times, decimals and strings. */
  private static final ObjectInputFilter ONLY_ATTEMPTS =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=10;dev.outreach.core.guardrail.ContactHistory$Attempt;dev.outreach.core.Channel;"
              + "java.util.ArrayList;java.time.**;java.lang.**;java.math.BigDecimal;"
              + "java.math.BigInteger;!*");

  private History() {}

  /**
   * The rows of {@code history} in {@code schema}: the portfolio's columns, then the sort key, the
   * row number and the attempts.
   */
  static Dataset<Row> rows(SparkSession spark, ContactHistory history, StructType schema) {
    int width = schema.fields().length;
    List<Row> out = new ArrayList<>();
    List<ContactHistory.Attempt> mine = new ArrayList<>();
    for (ContactHistory.Attempt a : history.all()) { // by loan id
      if (!mine.isEmpty() && !mine.get(0).loanId().equals(a.loanId())) {
        out.add(row(mine, width));
        mine.clear();
      }
      mine.add(a);
    }
    if (!mine.isEmpty()) {
      out.add(row(mine, width));
    }
    return spark.createDataFrame(out, schema);
  }

  private static Row row(List<ContactHistory.Attempt> attempts, int width) {
    Object[] cells = new Object[width];
    cells[width - 3] = attempts.get(0).loanId().getBytes(StandardCharsets.UTF_16BE);
    cells[width - 2] = -1L;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * attempts.size());
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(attempts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cells[width - 1] = bytes.toByteArray();
    return RowFactory.create(cells);
  }

  /** One loan's attempts, from its row's last column. */
  @SuppressWarnings("unchecked")
  static List<ContactHistory.Attempt> attempts(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteInput(bytes))) {
      in.setObjectInputFilter(ONLY_ATTEMPTS);
      return (List<ContactHistory.Attempt>) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("a loan's attempts could not be read", e);
    }
  }
}
