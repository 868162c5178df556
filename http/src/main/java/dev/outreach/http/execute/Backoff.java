package dev.outreach.http.execute;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal jitter": a random wait between half and all of the step.
 */
final class Backoff {
  private final RetryPolicy policy;
  private final RandomGenerator random;

  Backoff(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** The wait before retry {@code retry} (1 for the first). */
  Duration delay(int retry) {
    long base = policy.baseDelay().toNanos();
    long cap = policy.maxDelay().toNanos();
    long step = base;
    for (int i = 1; i < retry && step < cap; i++) {
      step = step > cap / 2 ? cap : step * 2;
    }
    step = Math.min(step, cap);
    long half = step / 2;
    return Duration.ofNanos(half + jitter(step - half));
  }

  /**
   * The wait a server asked for, plus up to a tenth more (never less than it asked), so that
   * clients throttled together do not all come back at the same instant.
   */
  Duration after(Duration retryAfter) {
    long nanos = retryAfter.toNanos();
    return Duration.ofNanos(nanos + jitter(nanos / 10));
  }

  private long jitter(long bound) {
    synchronized (random) {
      return bound <= 0 ? 0 : random.nextLong(bound + 1);
    }
  }
}
