package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.PartialSnapshot;
import dev.outreach.core.filter.Question;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The portfolio, where Spark keeps it, as the snapshot the compact filter compiler asks about
 * ({@link PartialSnapshot}): each round of questions is one pass over the source's rows in the
 * partitions ({@link PartitionAnswers}), whose per-partition counts the driver adds up; only the
 * customers a listing question selects (which the search has paid for) come to the driver.
 */
final class SparkSnapshot implements PartialSnapshot.Engine {
  private static final String ROW = "__outreach_row__";

  private final JavaSparkContext context;
  private final Dataset<Row> rows;
  private final String source;
  private final List<String> columns;
  private final long[] firstRow;

  SparkSnapshot(
      JavaSparkContext context,
      Dataset<Row> rows,
      String source,
      List<String> columns,
      long[] firstRow) {
    this.context = context;
    this.rows = rows;
    this.source = source;
    this.columns = List.copyOf(columns);
    this.firstRow = firstRow.clone();
  }

  /**
   * A customer's position in the snapshot: its row's number in the source less one (rows without a
   * customer, such as blank lines, leave gaps, which keep the order).
   */
  static int position(long row, long[] firstRow) {
    long n = SparkPlanning.number(row, firstRow) - 1;
    if (n > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException(
          "a source of more than " + (Integer.MAX_VALUE - 1) + " rows cannot choose filters");
    }
    return (int) n;
  }

  @Override
  public void answer(List<Question> questions, PartialSnapshot.Answers answers) {
    Broadcast<PartitionAnswers.Asked> asked =
        context.broadcast(new PartitionAnswers.Asked(List.copyOf(questions), firstRow));
    List<byte[]> parts;
    try {
      parts =
          rows.withColumn(ROW, functions.monotonically_increasing_id())
              .mapPartitions(new PartitionAnswers(source, columns, asked), Encoders.BINARY())
              .collectAsList();
    } finally {
      asked.destroy();
    }
    for (byte[] part : parts) {
      try (ObjectInputStream in = new ObjectInputStream(new ByteInput(part))) {
        for (int q = in.readInt(); q >= 0; q = in.readInt()) {
          int position = in.readInt();
          answers.listed(q, position, (Customer) in.readObject());
        }
        long[] count = (long[]) in.readObject();
        long[] weight = (long[]) in.readObject();
        for (int q = 0; q < count.length; q++) {
          answers.counted(q, count[q], weight[q]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
