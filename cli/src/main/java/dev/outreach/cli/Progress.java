package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Progress of a long run on standard error: each phase (reading, compiling, evaluating, planning,
 * writing) and how long it took, and customers evaluated so far. Shown when standard error is a
 * terminal or with {@code --progress}; never on standard output, so piped output stays clean.
 */
final class Progress {
  static final Progress QUIET = new Progress(null, false);

  private final PrintWriter err;
  private final boolean overwrite;

  private Progress(PrintWriter err, boolean overwrite) {
    this.err = err;
    this.overwrite = overwrite;
  }

  /** The {@code --progress}/{@code --no-progress} option, as a mixin. */
  static final class Option {
    @picocli.CommandLine.Option(
        names = "--progress",
        negatable = true,
        description =
            "Show progress on standard error (default: only when standard error is a terminal).")
    Boolean progress;

    Progress to(PrintWriter err) {
      boolean terminal = Terminal.stderr();
      return (progress != null ? progress : terminal) ? new Progress(err, terminal) : QUIET;
    }
  }

  /** Runs {@code work}, telling what it is, what it gave ({@code result}) and how long it took. */
  <T> T step(String what, Callable<T> work, Function<T, String> result) throws Exception {
    if (err == null) {
      return work.call();
    }
    print("outreach: " + what + " …", false);
    long start = System.nanoTime();
    T value = work.call();
    print(
        String.format(
            Locale.ROOT,
            "outreach: %s: %s (%.1f s)",
            what,
            result.apply(value),
            (System.nanoTime() - start) / 1e9),
        true);
    return value;
  }

  /**
   * {@code source}, telling how many customers have been evaluated: the portfolio is handed over in
   * parts (rules reason about one customer at a time, so the decisions are the same).
   */
  DecisionSource evaluating(DecisionSource source) {
    if (err == null) {
      return source;
    }
    return (customers, day, sink) -> {
      // Each part ends with every core waiting for its last batch: a terminal gets twenty, a log
      // four.
      int parts = overwrite ? 20 : 4;
      int part = Math.max(50_000, (customers.size() + parts - 1) / parts);
      AtomicLong done = new AtomicLong();
      long start = System.nanoTime();
      int quarter = 0;
      for (int from = 0; from < customers.size(); from += part) {
        List<Customer> chunk = customers.subList(from, Math.min(customers.size(), from + part));
        source.decide(chunk, day, sink);
        long n = done.addAndGet(chunk.size());
        // A terminal line is rewritten in place; in a log, a line a quarter is enough.
        int q = (int) (4 * n / customers.size());
        if (overwrite || q > quarter) {
          quarter = q;
          String line =
              String.format(
                  Locale.ROOT,
                  "outreach: evaluating rules: %,d of %,d customers",
                  n,
                  customers.size());
          if (n == customers.size()) {
            line += String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9);
          }
          print(line, !overwrite || n == customers.size());
        }
      }
    };
  }

  private void print(String line, boolean done) {
    if (overwrite) {
      err.print("\r\033[K" + line + (done ? "\n" : ""));
    } else if (done) {
      err.println(line);
    }
    err.flush();
  }
}
