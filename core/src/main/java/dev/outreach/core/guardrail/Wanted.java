package dev.outreach.core.guardrail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * When a decision wants its contact made, before the guardrails: not before {@code notBefore}, on
 * {@code notBefore}'s local day or (unless {@code dateFixed}) a later one, and on every day at
 * {@code from} or later and before {@code to}, local times of the customer's zone.
 *
 * <p>{@code notBefore} (usually the plan's time) bounds the first day only: on a later day the
 * contact may start as early as {@code from} and the channel's hours allow, whatever time of day
 * {@code notBefore} was. {@code from} is the decision's {@code at} time or window start, or {@code
 * null} for any time of day (as soon as possible); {@code to} is the window's end, or {@code null}.
 *
 * @param notBefore the earliest instant; its local day (in the customer's zone) is the contact's
 *     own day
 * @param from the earliest local time of day, or {@code null}
 * @param to the local time of day the contact must start before, or {@code null}; needs {@code
 *     from}
 * @param dateFixed whether the rule gave the date: the contact may then not move to another day
 */
public record Wanted(ZonedDateTime notBefore, LocalTime from, LocalTime to, boolean dateFixed)
    implements java.io.Serializable {
  public Wanted {
    Objects.requireNonNull(notBefore, "notBefore == null");
    if (to != null && from == null) {
      throw new IllegalArgumentException("a window needs a start: to " + to + " without from");
    }
    if (to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException(
          "window " + from + "-" + to + " does not end after it starts");
    }
  }

  /**
   * The first instant of {@code day} in {@code zone} at or after {@code from} (the day's start
   * without one).
   */
  public ZonedDateTime startOn(LocalDate day, ZoneId zone) {
    return from == null ? day.atStartOfDay(zone) : firstAtOrAfter(day, from, zone);
  }

  /**
   * The first instant of {@code day} in {@code zone} at or after {@code to}, or {@code null}
   * without one.
   */
  public ZonedDateTime endOn(LocalDate day, ZoneId zone) {
    return to == null ? null : firstAtOrAfter(day, to, zone);
  }

  /**
   * The first instant whose local date is {@code day} and local time is {@code time} or later: that
   * time, or when the clocks skip it (a spring-forward gap, 02:30 on a day that jumps from 02:00 to
   * 03:00), the moment they jump past it (03:00). A time the clocks show twice (autumn) is its
   * first.
   */
  static ZonedDateTime firstAtOrAfter(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local = day.atTime(time);
    ZoneOffsetTransition t = zone.getRules().getTransition(local);
    if (t != null && t.isGap()) {
      return t.getDateTimeAfter().atZone(zone);
    }
    return ZonedDateTime.of(local, zone);
  }
}
