package dev.outreach.core.plan;

import dev.outreach.core.decision.Timing;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns a decision's {@link Timing} into concrete instants in a zone.
 *
 * <ul>
 *   <li>No timing: now.
 *   <li>{@code on(date)} alone: the start of that day, or now when it is today.
 *   <li>{@code at(t)} / {@code window(a, b)}: that time or window today (or on the given date); a window
 *       open now starts now. When it has passed today and no date was given, the same time or window
 *       tomorrow.
 *   <li>A date that has passed, or a time or window that has passed on an explicitly given date, cannot
 *       be honoured: the decision is dropped (with a warning, by the caller).
 * </ul>
 */
final class TimingResolver {
  private TimingResolver() {}

  /** The slot for {@code t}, or a {@link Passed} explaining why there is none. */
  static Object resolve(Timing t, ZonedDateTime now, ZoneId zone) {
    LocalDate today = now.toLocalDate();
    LocalDate day = t.date() == null ? today : t.date();
    if (day.isBefore(today)) {
      return new Passed("the date " + day + " is before the plan's day " + today);
    }
    if (t.start() == null) {
      return new Slot(day.equals(today) ? now : day.atStartOfDay(zone), null);
    }
    ZonedDateTime start = ZonedDateTime.of(day, t.start(), zone);
    ZonedDateTime end = t.end() == null ? null : ZonedDateTime.of(day, t.end(), zone);
    boolean passed = end == null ? start.isBefore(now) : !now.isBefore(end);
    if (passed) {
      String what = end == null ? "the time " + t.start() : "the window " + t.start() + "-" + t.end();
      if (t.date() != null) {
        return new Passed(what + " on " + day + " has passed (plan time " + now.toLocalTime() + ")");
      }
      start = ZonedDateTime.of(day.plusDays(1), t.start(), zone);
      end = end == null ? null : ZonedDateTime.of(day.plusDays(1), t.end(), zone);
    }
    return new Slot(start.isBefore(now) ? now : start, end);
  }

  /** When to send: not before {@code notBefore}, not after {@code notAfter} (or no end). */
  record Slot(ZonedDateTime notBefore, ZonedDateTime notAfter) {}

  /** The timing cannot be honoured any more. */
  record Passed(String why) {}
}
