package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.Texts;
import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} attempts on {@code channel} within any period of length {@code within},
 * counting the contact being planned. A contact at time {@code t} is allowed when fewer than {@code
 * max} earlier attempts fall in {@code (t − within, t]}; an attempt made exactly {@code within}
 * before has aged out.
 *
 * <p>Regulation F's "7 calls within 7 consecutive days" counts calendar days; a rolling 7 × 24
 * hours covers every such period, so {@code days(CALL, 7, 7)} is at least as strict.
 */
public record FrequencyCap(Channel channel, int max, Duration within)
    implements java.io.Serializable {
  public FrequencyCap {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(within, "within == null");
    if (max < 1) {
      throw new IllegalArgumentException(
          "max "
              + max
              + " is not a positive number of attempts"
              + " (to never contact a loan, put it on the do-not-contact list)");
    }
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("within " + within + " is not a positive duration");
    }
  }

  /** At most {@code max} attempts on {@code channel} in any {@code days} × 24 hours. */
  public static FrequencyCap days(Channel channel, int max, int days) {
    return new FrequencyCap(channel, max, Duration.ofDays(days));
  }

  /** {@code 7 calls in 7 days}. */
  @Override
  public String toString() {
    return max + " " + Texts.plural(channel, max) + " in " + Texts.duration(within);
  }
}
