package dev.outreach.http.execute;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected so that tests never really sleep. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps for about {@code duration} (positive). */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps on the calling thread. */
  static Sleeper system() {
    return d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());
  }
}
