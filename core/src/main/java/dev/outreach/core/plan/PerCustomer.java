package dev.outreach.core.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs per-customer planning on every core: customers (in loan-id order) go out in chunks, each
 * customer's work is recorded, and the records are applied on the calling thread in the same order,
 * a few chunks behind, so the plan never depends on the number of threads or on timing. Small
 * portfolios run on the calling thread alone.
 */
final class PerCustomer {
  static final int CHUNK = 2_048;

  private PerCustomer() {}

  /**
   * For each id in order: {@code record} it on a worker and {@code apply} the record here, or, when
   * running on one thread, {@code direct}ly.
   */
  static <R> void run(
      int threads,
      List<String> ids,
      Function<String, R> record,
      Consumer<String> direct,
      Consumer<R> apply) {
    if (threads < 2 || ids.size() < 4 * CHUNK) {
      ids.forEach(direct);
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "outreach-plan");
              t.setDaemon(true);
              return t;
            });
    ArrayDeque<Future<List<R>>> pending = new ArrayDeque<>();
    try {
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        pending.addLast(
            pool.submit(
                () -> {
                  List<R> out = new ArrayList<>(chunk.size());
                  chunk.forEach(id -> out.add(record.apply(id)));
                  return out;
                }));
        while (pending.size() > 2 * threads) {
          Parallel.get(pending.removeFirst()).forEach(apply);
        }
      }
      while (!pending.isEmpty()) {
        Parallel.get(pending.removeFirst()).forEach(apply);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
