package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * No contact on {@code channel} within {@code within} after an attempt on that channel whose
 * outcome is one of {@code afterOutcomes} (a conversation), e.g. Regulation F's "no call within 7
 * days after a telephone conversation". Outcomes are compared ignoring case and surrounding white
 * space.
 */
public record CoolOff(Channel channel, Set<String> afterOutcomes, Duration within)
    implements java.io.Serializable {
  public CoolOff {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(within, "within == null");
    Set<String> normal = new LinkedHashSet<>();
    for (String o : Objects.requireNonNull(afterOutcomes, "afterOutcomes == null")) {
      String n = normalize(Objects.requireNonNull(o, "afterOutcomes has null"));
      if (n == null) {
        throw new IllegalArgumentException("afterOutcomes has a blank outcome");
      }
      normal.add(n);
    }
    if (normal.isEmpty()) {
      throw new IllegalArgumentException(
          "afterOutcomes is empty: name the outcomes that are a conversation");
    }
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("within " + within + " is not a positive duration");
    }
    afterOutcomes = Set.copyOf(normal);
  }

  /**
   * No contact on {@code channel} for {@code days} × 24 hours after an attempt with one of {@code
   * outcomes}.
   */
  public static CoolOff days(Channel channel, int days, String... outcomes) {
    return new CoolOff(channel, Set.of(outcomes), Duration.ofDays(days));
  }

  /** Whether an attempt with {@code outcome} (already normalized) starts a cool-off. */
  boolean startsWith(String outcome) {
    return outcome != null && afterOutcomes.contains(outcome);
  }

  /** Lower case without surrounding white space; {@code null} when blank. */
  static String normalize(String outcome) {
    if (outcome == null) {
      return null;
    }
    String s = outcome.strip().toLowerCase(Locale.ROOT);
    return s.isEmpty() ? null : s;
  }
}
