package dev.outreach.core.portfolio;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.ColumnMap;
import dev.outreach.core.portfolio.PortfolioException.Problem;
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

  private final CsvColumn[] columns;
  private final int loanIdColumn;

  /** For each column, its slot among the custom attributes, or -1 for a record field. */
  private final int[] customSlot;

  private final ColumnMap.Columns custom;
  private final Problems problems;
  private final List<Customer> out;
  private final ExecutorService pool;
  private final int inFlight;
  private final ArrayDeque<Future<Row[]>> pending = new ArrayDeque<>();
  private List<CsvRecord> chunk = new ArrayList<>(CHUNK);

  /** One row's result: its customer, or the problems that keep it out. */
  private record Row(long line, String loanId, Customer customer, List<Problem> problems) {}

  CsvChunks(String[] names, Problems problems, List<Customer> out, int threads) {
    this.columns = new CsvColumn[names.length];
    int id = -1;
    for (int i = 0; i < names.length; i++) {
      columns[i] = new CsvColumn(names[i]);
      id = columns[i].isLoanId() ? i : id;
    }
    this.loanIdColumn = id;
    this.customSlot = new int[names.length];
    List<String> customNames = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      customSlot[i] = columns[i].record ? -1 : customNames.size();
      if (!columns[i].record) {
        customNames.add(names[i]);
      }
    }
    this.custom = new ColumnMap.Columns(customNames);
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
      if (row.loanId != null) {
        problems.seen(row.loanId, row.line);
      }
      if (row.problems != null) {
        row.problems.forEach(p -> problems.add(p.line(), p.field(), p.message()));
      }
      if (row.customer != null) {
        out.add(row.customer);
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
    if (r.getFieldCount() != columns.length) {
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
                      + columns.length
                      + (lineBreak
                          ? "; a quote (\") opens a field on this"
                              + " line and is never closed, so the lines after it were read into it"
                          : ""))));
    }
    String loanId = r.getField(loanIdColumn).strip();
    if (loanId.isEmpty()) {
      return new Row(
          line,
          null,
          null,
          List.of(new Problem(line, Fields.LOAN_ID, "is empty; every customer needs a loan id")));
    }
    try {
      Fields.checkLength(loanId);
    } catch (IllegalArgumentException e) {
      return new Row(line, null, null, List.of(new Problem(line, Fields.LOAN_ID, e.getMessage())));
    }
    Customer.Builder b = Customer.builder(loanId);
    Object[] attributes = custom.size() == 0 ? null : new Object[custom.size()];
    List<Problem> bad = null;
    for (int i = 0; i < columns.length; i++) {
      String text = r.getField(i);
      if (i == loanIdColumn || text.isBlank()) {
        continue;
      }
      try {
        Object value = columns[i].value(text);
        if (customSlot[i] < 0) {
          Fields.assign(b, columns[i].name, value);
        } else {
          attributes[customSlot[i]] = value;
        }
      } catch (IllegalArgumentException e) {
        bad = bad == null ? new ArrayList<>(2) : bad;
        bad.add(new Problem(line, columns[i].name, e.getMessage()));
      }
    }
    if (bad != null) {
      return new Row(line, loanId, null, bad);
    }
    if (attributes != null) {
      b.customAll(custom.map(attributes));
    }
    return new Row(line, loanId, b.build(), null);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
