package dev.outreach.core.guardrail;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What the guardrails make of one planned contact. Times are in the customer's zone.
 *
 * <p>{@code notAfter} is {@code null} when the contact may be made at any later time; otherwise it
 * never exceeds the end of the channel's allowed hours that day, so an executor that honours it
 * never contacts anyone outside them, even when it runs late.
 */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Moved, Verdict.Blocked {

  /**
   * The contact breaks no guardrail at its own time, which is {@code notBefore} (the one it was
   * checked with, or its window's start when that is later); {@code notAfter} is the decision's own
   * end or the end of the allowed hours (or of the allowed days), whichever is earlier.
   */
  record Allowed(ZonedDateTime notBefore, ZonedDateTime notAfter) implements Verdict {
    public Allowed {
      Objects.requireNonNull(notBefore, "notBefore == null");
    }
  }

  /**
   * The contact broke a guardrail and was moved to its next allowed slot (see {@link
   * Guardrails#check}).
   *
   * @param guardrail the guardrail its original time broke (the first, when it broke several)
   * @param why what happened, in a sentence, e.g. {@code call at 06:00 Asia/Kolkata is outside
   *     calling hours 08:00–19:00; moved to 08:00}
   */
  record Moved(ZonedDateTime notBefore, ZonedDateTime notAfter, Guardrail guardrail, String why)
      implements Verdict {
    public Moved {
      Objects.requireNonNull(notBefore, "notBefore == null");
      Objects.requireNonNull(guardrail, "guardrail == null");
      Objects.requireNonNull(why, "why == null");
    }
  }

  /**
   * The contact is not to be made: the loan is on the do-not-contact list, the policy drops
   * violations, the rule fixed a date that has no allowed time, or there is no allowed time within
   * the horizon.
   *
   * @param why what happened, in a sentence ending in why it was dropped
   */
  record Blocked(Guardrail guardrail, String why) implements Verdict {
    public Blocked {
      Objects.requireNonNull(guardrail, "guardrail == null");
      Objects.requireNonNull(why, "why == null");
    }
  }
}
