package dev.outreach.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started early on its own daemon thread (compiling the rules while the portfolio is read),
 * whose result or failure is taken later, as if it had run then: {@link #get()} throws what the
 * work threw.
 */
final class Background<T> {
  private final FutureTask<T> task;
  private volatile long nanos;

  private Background(Callable<T> work) {
    this.task =
        new FutureTask<>(
            () -> {
              long start = System.nanoTime();
              try {
                return work.call();
              } finally {
                nanos = System.nanoTime() - start;
              }
            });
  }

  /** Starts {@code work} on a daemon thread named {@code name}. */
  static <T> Background<T> start(String name, Callable<T> work) {
    Background<T> b = new Background<>(work);
    Thread t = new Thread(b.task, name);
    t.setDaemon(true);
    t.start();
    return b;
  }

  /** Waits for the work: its result, or what it threw. */
  T get() throws Exception {
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    } catch (CancellationException e) {
      throw new IllegalStateException("the work was cancelled", e);
    }
  }

  /** How long the work ran, in seconds (once {@link #get()} has returned). */
  double seconds() {
    return nanos / 1e9;
  }

  /** Gives up the work when its result is no longer wanted (its thread is interrupted). */
  void cancel() {
    task.cancel(true);
  }
}
