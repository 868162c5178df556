package dev.outreach.http.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The token bucket and the backoff, on a fake clock. */
class PacingTest {
  @Test
  void tokenBucketSpacesSendsByTheRateWithoutBursts() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-08-05T03:30:00Z"));
    List<Instant> sends = new ArrayList<>();
    TokenBucket bucket = new TokenBucket(4, clock, clock::advance);

    for (int i = 0; i < 5; i++) {
      bucket.acquire();
      sends.add(clock.instant());
    }
    clock.advance(Duration.ofSeconds(10)); // idle: no credit is saved up for a burst
    bucket.acquire();
    Instant afterIdle = clock.instant();
    bucket.acquire();

    for (int i = 1; i < 5; i++) {
      assertThat(Duration.between(sends.get(i - 1), sends.get(i)))
          .isEqualTo(Duration.ofMillis(250));
    }
    assertThat(Duration.between(afterIdle, clock.instant())).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void noRateMeansNoWaiting() throws Exception {
    TokenBucket bucket =
        new TokenBucket(
            0,
            java.time.Clock.systemUTC(),
            d -> {
              throw new AssertionError("slept " + d);
            });
    for (int i = 0; i < 100; i++) {
      bucket.acquire();
    }
  }

  @Test
  void backoffDoublesUpToTheCapWithEqualJitterAndHonoursRetryAfterNeverLess() {
    RetryPolicy p =
        new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60));
    Backoff b = new Backoff(p, new SplittableRandom(42));

    for (int retry = 1; retry <= 8; retry++) {
      long step = Math.min(100L << (retry - 1), 1000);
      for (int i = 0; i < 50; i++) {
        assertThat(b.delay(retry).toMillis()).as("retry %d", retry).isBetween(step / 2, step);
      }
    }
    for (int i = 0; i < 50; i++) {
      assertThat(b.after(Duration.ofSeconds(10)))
          .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
    }
    Backoff same = new Backoff(p, new SplittableRandom(42));
    Backoff again = new Backoff(p, new SplittableRandom(42));
    assertThat(same.delay(3)).isEqualTo(again.delay(3)); // seeded: repeatable
  }
}
