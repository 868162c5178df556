package dev.outreach.spark;

import dev.outreach.core.filter.PartialSnapshot;
import dev.outreach.core.filter.Question;
import dev.outreach.core.portfolio.CustomerRows;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The portfolio, where Spark keeps it, as the snapshot the compact filter compiler asks about
 * ({@link PartialSnapshot}): each round of questions is one pass over the source's rows in the
 * partitions ({@link PartitionAnswers}), whose per-partition counts the driver adds up; only the
 * customers a listing question selects (which the search has paid for) come to the driver.
 */
final class SparkSnapshot implements PartialSnapshot.Engine {
  private static final String ROW = "__outreach_row__";
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SparkSnapshot.class);

  /** Chunks of answers ({@link PartitionAnswers}) the driver fetches at once, at most. */
  private static final int CHUNKS_PER_FETCH = 8;

  private final JavaSparkContext context;
  private final Dataset<Row> rows;
  private final String source;
  private final List<String> columns;
  private final long[] firstRow;
  private final int chunk;
  private Broadcast<int[]> kept;

  SparkSnapshot(
      JavaSparkContext context,
      Dataset<Row> rows,
      String source,
      List<String> columns,
      long[] firstRow) {
    this.context = context;
    this.source = source;
    this.firstRow = firstRow.clone();
    this.chunk = chunkBytes(rows.sparkSession());
    // Only what filters read: Parquet and ORC then read no other column, and no phone number is
    // checked again. A JSON line is one text column, parsed whole.
    List<String> read = new ArrayList<>();
    for (String c : columns) {
      if (SourceRows.jsonLines(columns) || CustomerRows.filterable(c)) {
        read.add(c);
      }
    }
    this.columns = List.copyOf(read);
    Column[] selected = new Column[read.size()];
    for (int i = 0; i < selected.length; i++) {
      selected[i] = functions.col("`" + read.get(i).replace("`", "``") + "`");
    }
    this.rows = rows.select(selected);
  }

  /** One chunk of a partition's answers, told to {@code answers}. */
  private static void read(byte[] part, List<Question> questions, PartialSnapshot.Answers answers) {
    try (DataInputStream in = new DataInputStream(new ByteInput(part))) {
      for (int q = in.readInt(); q >= 0; q = in.readInt()) {
        int position = in.readInt();
        if (!in.readBoolean()) {
          answers.listed(q, position, null, null); // one the driver keeps
          continue;
        }
        byte[] id = new byte[in.readInt()];
        in.readFully(id);
        long[] probes = new long[questions.get(q).words()];
        for (int w = 0; w < probes.length; w++) {
          probes[w] = in.readLong();
        }
        answers.listed(q, position, new String(id, StandardCharsets.UTF_8), probes);
      }
      if (in.readBoolean()) { // a partition's last chunk: its sums
        for (int q = 0; q < questions.size(); q++) {
          answers.counted(q, in.readLong(), in.readLong());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The setting of the bytes of answers a partition sends in one chunk (default 1 MiB). */
  static final String CHUNK_BYTES = "spark.outreach.answerChunkBytes";

  private static int chunkBytes(org.apache.spark.sql.SparkSession spark) {
    String v = spark.conf().get(CHUNK_BYTES, String.valueOf(1 << 20));
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(CHUNK_BYTES + " must be a whole number of at least 1: " + v);
  }

  /** Drops what the rounds shared with the executors. */
  void close() {
    if (kept != null) {
      kept.destroy();
      kept = null;
    }
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
    if (kept == null) { // the same every round
      kept = context.broadcast(answers.kept());
    }
    Broadcast<PartitionAnswers.Asked> asked =
        context.broadcast(new PartitionAnswers.Asked(List.copyOf(questions), firstRow));
    long t0 = System.nanoTime();
    // Every partition answers at once, in chunks kept on the executors' disks; the driver then
    // reads a few chunks at a time, never all of them.
    JavaRDD<byte[]> parts =
        rows.withColumn(ROW, functions.monotonically_increasing_id())
            .mapPartitions(
                new PartitionAnswers(source, columns, asked, kept, chunk), Encoders.BINARY())
            .javaRDD()
            .persist(StorageLevel.DISK_ONLY());
    long back = 0;
    int listing = 0;
    for (Question q : questions) {
      listing += q.lists() ? 1 : 0;
    }
    try {
      long chunks = parts.count();
      // A partition comes to the driver whole: spread the chunks over partitions of about eight
      // (a shuffle of the answers, not of the rows). The driver adds them up in any order.
      JavaRDD<byte[]> spread =
          chunks <= CHUNKS_PER_FETCH
              ? parts
              : parts.repartition((int) ((chunks + CHUNKS_PER_FETCH - 1) / CHUNKS_PER_FETCH));
      for (Iterator<byte[]> it = spread.toLocalIterator(); it.hasNext(); ) {
        byte[] part = it.next();
        back += part.length;
        read(part, questions, answers);
      }
    } finally {
      parts.unpersist(false);
      asked.destroy();
    }
    LOG.info(
        "compact filters, round of {} questions ({} listing): {} bytes back from the partitions"
            + " in {} ms",
        questions.size(),
        listing,
        back,
        (System.nanoTime() - t0) / 1_000_000);
  }
}
