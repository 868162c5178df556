package dev.outreach.core.portfolio;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import dev.outreach.core.portfolio.RowReader.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns CSV records into customers on every core while one thread reads the file: records go out in
 * chunks, come back in the order they were read, and are merged there (loan ids checked for
 * repeats, problems kept in file order), so the result is the same whatever the number of threads.
 * At most a few chunks are in flight, so the raw records of a large file are never all in memory at
 * once.
 */
final class CsvChunks implements AutoCloseable {
  static final int CHUNK = 4_096;

  private final RowReader reader;
  private final Problems problems;
  private final List<Customer> out;
  private final ExecutorService pool;
  private final int inFlight;
  private final ArrayDeque<Future<Row[]>> pending = new ArrayDeque<>();
  private List<CsvRecord> chunk = new ArrayList<>(CHUNK);

  CsvChunks(String[] names, Problems problems, List<Customer> out, int threads) {
    this.reader = new RowReader(names);
    this.problems = problems;
    this.out = out;
    this.pool =
        threads <= 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "outreach-csv");
                  t.setDaemon(true);
                  return t;
                });
    this.inFlight = 2 * threads;
  }

  /** The number of worker threads for this machine. */
  static int threads() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  void add(CsvRecord r) {
    chunk.add(r);
    if (chunk.size() == CHUNK) {
      submit();
    }
  }

  /** Waits for every record added so far and merges it. */
  void finish() {
    submit();
    while (!pending.isEmpty()) {
      merge(pending.removeFirst());
    }
  }

  private void submit() {
    if (chunk.isEmpty()) {
      return;
    }
    List<CsvRecord> records = chunk;
    chunk = new ArrayList<>(CHUNK);
    if (pool == null) {
      merge(convert(records));
      return;
    }
    pending.addLast(pool.submit(() -> convert(records)));
    while (pending.size() > inFlight) {
      merge(pending.removeFirst());
    }
  }

  private void merge(Future<Row[]> f) {
    try {
      merge(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the portfolio", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void merge(Row[] rows) {
    for (Row row : rows) {
      if (row.loanId() != null) {
        problems.seen(row.loanId(), row.line());
      }
      if (row.problems() != null) {
        row.problems().forEach(p -> problems.add(p.line(), p.field(), p.message()));
      }
      if (row.customer() != null) {
        out.add(row.customer());
      }
    }
  }

  private Row[] convert(List<CsvRecord> records) {
    Row[] rows = new Row[records.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(records.get(i));
    }
    return rows;
  }

  private Row row(CsvRecord r) {
    long line = r.getStartingLineNumber();
    if (r.getFieldCount() != reader.columns()) {
      boolean lineBreak = false;
      for (int i = 0; i < r.getFieldCount() && !lineBreak; i++) {
        lineBreak = r.getField(i).indexOf('\n') >= 0 || r.getField(i).indexOf('\r') >= 0;
      }
      return new Row(
          line,
          null,
          null,
          List.of(
              new Problem(
                  line,
                  null,
                  "has "
                      + r.getFieldCount()
                      + " fields but the header has "
                      + reader.columns()
                      + (lineBreak
                          ? "; a quote (\") opens a field on this"
                              + " line and is never closed, so the lines after it were read into it"
                          : ""))));
    }
    String[] cells = new String[r.getFieldCount()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = r.getField(i);
    }
    return reader.row(line, cells);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
