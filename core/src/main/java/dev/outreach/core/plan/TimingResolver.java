package dev.outreach.core.plan;

import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.Wanted;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns a decision's {@link Timing} into what the guardrails are asked for, in the customer's zone:
 * a {@link Wanted} holding the contact's own first instant and its time of day for any later day.
 *
 * <ul>
 *   <li>No timing: now, and any time of day.
 *   <li>{@code on(date)} alone: the start of that day, or now when it is today.
 *   <li>{@code at(t)} / {@code window(a, b)}: that time or window today (or on the given date); a
 *       window open now starts now. When it has passed today and no date was given, the same time
 *       or window tomorrow. On any day the contact is moved to, it starts no earlier than {@code t}
 *       or {@code a}.
 *   <li>A window the clocks skip wholly (02:10-02:50 on a day that jumps from 02:00 to 03:00) is
 *       treated as passed that day.
 *   <li>A date that has passed, or a time or window that has passed on an explicitly given date,
 *       cannot be honoured: the decision is dropped (with a warning, by the caller).
 * </ul>
 *
 * <p>A time the clocks skip on a spring-forward day is reached when they jump past it.
 */
final class TimingResolver {
  private TimingResolver() {}

  /** What a timing resolves to: a slot to ask the guardrails for, or why there is none. */
  sealed interface Resolution permits Slot, Passed {}

  /** The timing asks the guardrails for {@code wanted}. */
  record Slot(Wanted wanted) implements Resolution {}

  /** The timing cannot be honoured any more. */
  record Passed(String why) implements Resolution {}

  /** A {@link Slot} for {@code t}, or a {@link Passed} explaining why there is none. */
  static Resolution resolve(Timing t, ZonedDateTime now, ZoneId zone) {
    LocalDate today = now.toLocalDate();
    LocalDate day = t.date() == null ? today : t.date();
    boolean fixed = t.date() != null;
    if (day.isBefore(today)) {
      return new Passed("the date " + day + " is before the plan's day " + today);
    }
    Wanted w = new Wanted(now, t.start(), t.end(), fixed);
    if (t.start() == null) {
      return new Slot(
          day.equals(today) ? w : new Wanted(day.atStartOfDay(zone), null, null, fixed));
    }
    ZonedDateTime start = w.startOn(day, zone);
    ZonedDateTime end = w.endOn(day, zone);
    boolean skipped = end != null && !end.isAfter(start);
    boolean passed = end == null ? start.isBefore(now) : !now.isBefore(end);
    if (passed || skipped) {
      String what =
          end == null ? "the time " + t.start() : "the window " + t.start() + "-" + t.end();
      if (fixed) {
        return new Passed(
            skipped
                ? what
                    + " does not occur on "
                    + day
                    + " in "
                    + zone.getId()
                    + " (the clocks skip it)"
                : what + " on " + day + " has passed (plan time " + now.toLocalTime() + ")");
      }
      start = w.startOn(day.plusDays(1), zone);
    }
    return new Slot(new Wanted(start.isBefore(now) ? now : start, t.start(), t.end(), fixed));
  }
}
