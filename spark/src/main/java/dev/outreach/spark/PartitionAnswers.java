package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.PartialSnapshot;
import dev.outreach.core.filter.Question;
import dev.outreach.core.portfolio.PortfolioException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The filter compiler's questions answered in the executor ({@link SparkSnapshot}): each customer
 * of the partition is read again from the source's rows, at its position in the source, and every
 * question is put to it. A partition gives back its answers in chunks: the customers the listing
 * questions select (by position; for one the driver does not keep, also its loan id and how the
 * question's probes fare on it), and with its last chunk, per question, the customers it selects
 * and their id bytes (partial sums the driver adds up).
 */
final class PartitionAnswers implements MapPartitionsFunction<Row, byte[]> {
  private static final long serialVersionUID = 1L;

  /** What the driver broadcasts: the questions, and where each source partition's rows start. */
  record Asked(List<Question> questions, long[] firstRow) implements Serializable {}

  private final String source;
  private final List<String> columns;
  private final Broadcast<Asked> asked;
  private final Broadcast<int[]> kept;
  private final int chunk;

  /**
   * @param kept the positions of the customers the driver keeps, ascending: for those, a listing
   *     sends the position alone
   * @param chunk bytes of answers a chunk holds, about
   */
  PartitionAnswers(
      String source,
      List<String> columns,
      Broadcast<Asked> asked,
      Broadcast<int[]> kept,
      int chunk) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.asked = asked;
    this.kept = kept;
    this.chunk = chunk;
  }

  @Override
  public Iterator<byte[]> call(Iterator<Row> rows) throws PortfolioException {
    Asked a = asked.value();
    int[] known = kept.value();
    List<Question> questions = a.questions();
    int n = questions.size();
    Question.Batch batch = new Question.Batch(questions);
    int[] selected = new int[n];
    long[] count = new long[n];
    long[] weight = new long[n];
    SourceRows reader = SourceRows.of(source, columns);
    int width = columns.size();
    // Answers go in chunks of about `chunk` bytes, each written out before the next is made: a
    // partition listing millions of customers never holds their answers at once.
    return new Iterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public byte[] next() {
        if (done) {
          throw new java.util.NoSuchElementException();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(chunk, 1 << 20) + 4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
          while (rows.hasNext() && out.size() < chunk) {
            Row row = rows.next();
            // The plan was made from a portfolio without bad rows: a byte order mark can only be
            // the first line's.
            Customer c = reader.read(0, Cells.of(row, width), true).customer();
            if (c != null) { // else a blank line
              put(c, SparkSnapshot.position(row.getLong(width), a.firstRow()), out);
            }
          }
          out.writeInt(-1);
          done = !rows.hasNext();
          out.writeBoolean(done);
          if (done) { // the partition's sums, once, with its last chunk
            for (int q = 0; q < n; q++) {
              out.writeLong(count[q]);
              out.writeLong(weight[q]);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
      }

      private void put(Customer c, int position, DataOutputStream out) throws IOException {
        int w = PartialSnapshot.weight(c.loanId());
        int kept = 0; // 0 not looked up yet, 1 kept on the driver, 2 not
        int selecting = batch.selects(c, selected);
        for (int i = 0; i < selecting; i++) {
          int q = selected[i];
          Question question = questions.get(q);
          count[q]++;
          weight[q] += w;
          if (question.lists()) {
            if (kept == 0) {
              kept = java.util.Arrays.binarySearch(known, position) >= 0 ? 1 : 2;
            }
            out.writeInt(q);
            out.writeInt(position);
            out.writeBoolean(kept == 2);
            if (kept == 2) { // the driver has its loan id and attributes otherwise
              byte[] id = c.loanId().getBytes(StandardCharsets.UTF_8);
              out.writeInt(id.length);
              out.write(id);
              for (long word : question.probe(c)) {
                out.writeLong(word);
              }
            }
          }
        }
      }
    };
  }
}
