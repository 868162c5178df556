package dev.outreach.http.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a step is re-sent when it provably had no effect (no connection; HTTP
 * 429/503; a 5xx whose body shows nothing was done) or when its endpoint is idempotent by key. A
 * request that may have taken effect is never re-sent, whatever this says.
 *
 * @param maxAttempts attempts per step and run, including the first (at least 1)
 * @param baseDelay the first backoff; each later one doubles, up to {@code maxDelay}; each is
 *     jittered to a random point between half and all of it
 * @param maxDelay the longest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a server asking for a longer wait
 *     ends the step's attempts for this run (it is sent again by a later run)
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    positive(baseDelay, "baseDelay");
    positive(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException(
          "maxRetryAfter must not be negative, got " + maxRetryAfter);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
    }
  }

  /**
   * 5 attempts, backoff from 500 ms doubling up to 30 s, {@code Retry-After} honoured up to 60 s.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** No re-sending at all: one attempt per step and run. */
  public static RetryPolicy none() {
    return defaults().withMaxAttempts(1);
  }

  /** This policy with {@code maxAttempts}. */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter);
  }

  /** This policy honouring {@code Retry-After} up to {@code maxRetryAfter}. */
  public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
