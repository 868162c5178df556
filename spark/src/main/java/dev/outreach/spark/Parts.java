package dev.outreach.spark;

import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;

/**
 * The parts the partitions made, given to the driver in partition order, each read back into the
 * list a partition serialized. Every partition is computed first, as many at once as the cluster
 * runs, and kept on the executors' disks; the driver then fetches them one partition at a time, so
 * it never holds more than one, and reads a few parts ahead on other threads (two to eight, one
 * less than the cores) while the caller works. (Fetching alone would compute one partition at a
 * time, leaving every other core idle.)
 */
final class Parts implements AutoCloseable {
  /** Parts read ahead. */
  private static final int AHEAD = 8;

  private final JavaRDD<byte[]> kept;
  private final Iterator<byte[]> parts;
  private final String source;
  private final int columns;
  private final ArrayDeque<Future<List<?>>> ahead = new ArrayDeque<>();
  private final ExecutorService readers =
      Executors.newFixedThreadPool(
          Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() - 1)),
          r -> {
            Thread t = new Thread(r, "outreach-parts");
            t.setDaemon(true);
            return t;
          });

  private Parts(JavaRDD<byte[]> kept, String source, int columns) {
    this.kept = kept;
    this.parts = kept.toLocalIterator();
    this.source = source;
    this.columns = columns;
  }

  /**
   * Computes {@code parts} everywhere at once.
   *
   * @param source names the rows in problems
   * @param columns how many columns the rows have
   */
  static Parts of(Dataset<byte[]> parts, String source, int columns) throws PortfolioException {
    JavaRDD<byte[]> kept = parts.javaRDD().persist(StorageLevel.DISK_ONLY());
    try {
      kept.count();
    } catch (Exception e) {
      kept.unpersist(false);
      throw said(e, source, columns);
    }
    return new Parts(kept, source, columns);
  }

  boolean hasNext() throws PortfolioException {
    try {
      while (ahead.size() < AHEAD && parts.hasNext()) {
        byte[] part = parts.next();
        ahead.add(readers.submit(() -> SparkPlanEngine.read(part)));
      }
    } catch (Exception e) {
      throw said(e, source, columns);
    }
    return !ahead.isEmpty();
  }

  /** The next part, as its partition wrote it. */
  @SuppressWarnings("unchecked")
  <T> List<T> next() {
    Future<List<?>> next = ahead.poll();
    if (next == null) {
      throw new java.util.NoSuchElementException();
    }
    try {
      return (List<T>) next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a part", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    readers.shutdownNow();
    kept.unpersist(false);
  }

  /**
   * {@code e}, with a CSV record that does not have the header's fields (Spark's {@code
   * MALFORMED_CSV_RECORD}) said in the program's words. Spark's own message quotes the record,
   * phone numbers and all; this one does not.
   */
  static PortfolioException said(Exception e, String source, int columns) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("MALFORMED_CSV_RECORD")) {
        return new PortfolioException(
            source,
            List.of(
                new Problem(
                    0,
                    null,
                    "a record does not have the header's "
                        + columns
                        + " fields (a missing or extra comma, or a quote that never closes)")),
            1);
      }
    }
    throw SparkPlanEngine.<RuntimeException>rethrow(e);
  }
}
