package dev.outreach.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent pieces of planning (one group's filters, one step's proof) on several threads,
 * results in order.
 */
final class Parallel {
  private Parallel() {}

  /**
   * {@code f} of each item, in the items' order, computed on up to {@code threads} threads; the
   * first failure in item order is thrown, as a sequential loop would throw it.
   */
  static <T, R> List<R> map(int threads, List<T> items, Function<T, R> f) {
    List<R> out = new ArrayList<>(items.size());
    if (threads < 2 || items.size() < 2) {
      items.forEach(i -> out.add(f.apply(i)));
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, items.size()),
            r -> {
              Thread t = new Thread(r, "outreach-plan");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> f.apply(item)));
      }
      for (Future<R> future : futures) {
        out.add(get(future));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while planning", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
