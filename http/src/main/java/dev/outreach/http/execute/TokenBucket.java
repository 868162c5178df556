package dev.outreach.http.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket of one token refilled at {@code rate} per second (the generic cell rate
 * algorithm): sends are spaced at least {@code 1/rate} apart by the reservations it hands out, with
 * no bursts. Time comes from an injected clock and sleeper.
 */
final class TokenBucket {
  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant next;

  /**
   * @param perSecond sends per second; {@code 0} or less means no limit
   */
  TokenBucket(double perSecond, Clock clock, Sleeper sleeper) {
    this.interval =
        perSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(1e9 / perSecond));
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits for the next token. */
  void acquire() throws InterruptedException {
    if (interval.isZero()) {
      return;
    }
    Duration wait;
    synchronized (this) {
      Instant now = clock.instant();
      Instant at = next == null || next.isBefore(now) ? now : next;
      next = at.plus(interval);
      wait = Duration.between(now, at);
    }
    if (!wait.isZero() && !wait.isNegative()) {
      sleeper.sleep(wait);
    }
  }
}
