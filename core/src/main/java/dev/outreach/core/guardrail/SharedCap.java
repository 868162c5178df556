package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.Texts;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At most {@code max} contacts on any of {@code channels} together within any period of length
 * {@code within}: "at most 2 calls or texts in 7 days" (Massachusetts, 940 CMR 7.04(1)(f)). The
 * contact history and the contacts this plan makes to the same customer on those channels count. A
 * contact is allowed only when fewer than {@code max} of them lie within {@code within} before or
 * after it, so no period of that length ever holds more than {@code max}, whichever contact of the
 * plan is made first.
 */
public record SharedCap(Set<Channel> channels, int max, Duration within)
    implements java.io.Serializable {
  public SharedCap {
    Objects.requireNonNull(channels, "channels == null");
    if (channels.size() < 2) {
      throw new IllegalArgumentException(
          "a shared cap counts two or more channels together; for one, use a FrequencyCap");
    }
    EnumSet<Channel> c = EnumSet.noneOf(Channel.class);
    c.addAll(channels);
    channels = Collections.unmodifiableSet(c);
    Objects.requireNonNull(within, "within == null");
    if (max < 1) {
      throw new IllegalArgumentException("max " + max + " is not a positive number of contacts");
    }
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("within " + within + " is not a positive duration");
    }
  }

  /** At most {@code max} contacts on {@code channels} together in any {@code days} × 24 hours. */
  public static SharedCap days(Set<Channel> channels, int max, int days) {
    return new SharedCap(channels, max, Duration.ofDays(days));
  }

  /** {@code 2 calls or SMS in 7 days}. */
  @Override
  public String toString() {
    return max
        + " "
        + channels.stream().map(c -> Texts.plural(c, max)).collect(Collectors.joining(" or "))
        + " in "
        + Texts.duration(within);
  }
}
