package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The search behind {@link Guardrails#check} for one contact: day by day from its own day, the
 * earliest instant inside the day's allowed window that the contact history also allows. The day's
 * window is the decision's time of day ({@link Wanted#from()} to {@link Wanted#to()}) intersected
 * with the channel's hours, the same on every day; {@link Wanted#notBefore()} is only a lower
 * bound, so a contact moved to a later day starts when that day's window opens, not at the time of
 * day it was planned.
 */
final class SlotSearch {
  private final GuardrailPolicy policy;
  private final ZoneId zone;
  private final Wanted wanted;
  private final ZonedDateTime notBefore;
  private final ZonedDateTime notAfter;
  private final Attempts attempts;
  private final List<FrequencyCap> caps;
  private final List<CoolOff> coolOffs;
  private final List<Shared> shared;
  private final Channel channel;
  private final ContactHours hours;
  private final Reasons reasons;

  /**
   * The daily window: the decision's time of day intersected with the channel's hours (a {@code
   * null} bound is unbounded); {@code null} when they never overlap.
   */
  private final Wanted daily;

  /**
   * {@code wanted.notBefore()} is in the customer's zone, and within the decision's time of day.
   */
  SlotSearch(
      GuardrailPolicy policy,
      Channel channel,
      Wanted wanted,
      Attempts attempts,
      List<FrequencyCap> caps,
      List<CoolOff> coolOffs,
      List<Shared> shared) {
    this.policy = policy;
    this.shared = shared;
    this.wanted = wanted;
    this.notBefore = wanted.notBefore();
    this.zone = notBefore.getZone();
    this.notAfter = wanted.endOn(notBefore.toLocalDate(), zone);
    this.attempts = attempts;
    this.caps = caps;
    this.coolOffs = coolOffs;
    this.channel = channel;
    this.hours = policy.hours().get(channel);
    this.reasons = new Reasons(channel, zone);
    LocalTime start = wanted.from();
    LocalTime end = wanted.to();
    if (hours != null && end == null && start != null && !start.isBefore(hours.to())) {
      start =
          null; // an at-time the hours never allow: like "as soon as possible" once moved past it
    }
    LocalTime from =
        hours == null
            ? start
            : start == null || start.isBefore(hours.from()) ? hours.from() : start;
    LocalTime to = hours == null ? end : end == null || end.isAfter(hours.to()) ? hours.to() : end;
    this.daily =
        from != null && to != null && !from.isBefore(to)
            ? null
            : new Wanted(notBefore, from, to, false);
  }

  Verdict run() {
    if (daily == null) {
      return new Verdict.Blocked(
          Guardrail.CALLING_HOURS,
          Texts.noun(channel)
              + " window "
              + Texts.time(wanted.from())
              + "–"
              + Texts.time(wanted.to())
              + " "
              + zone.getId()
              + " never overlaps "
              + Texts.hoursName(channel)
              + " "
              + hours
              + "; dropped");
    }
    LocalDate first = notBefore.toLocalDate();
    int last = wanted.dateFixed() ? 0 : policy.horizonDays();
    Instant floor = notBefore.toInstant();
    for (int i = 0; i <= last; i++) {
      LocalDate day = first.plusDays(i);
      if (!policy.workingDays().contains(day.getDayOfWeek())) {
        reasons.notWorkingDay(day.getDayOfWeek());
        continue;
      }
      if (policy.holidays().contains(day)) {
        reasons.holiday(day);
        continue;
      }
      if (policy.oncePerDay() && contactedOn(day)) {
        reasons.alreadyContacted(day);
        continue;
      }
      if (i == 0) {
        reasonsNow();
      }
      Instant start = daily.startOn(day, zone).toInstant();
      ZonedDateTime end =
          daily.to() == null ? day.plusDays(1).atStartOfDay(zone) : daily.endOn(day, zone);
      Instant t = floor.isAfter(start) ? floor : start;
      if (!t.isBefore(end.toInstant())) {
        continue;
      }
      floor = t = afterHistory(t);
      if (t.isBefore(end.toInstant())) {
        return found(t.atZone(zone), daily.to() == null ? openUntil(day) : end);
      }
    }
    String why =
        wanted.dateFixed()
            ? "dropped: the rule fixed the date " + first + " and no allowed time is left on it"
            : "dropped: no allowed time within "
                + policy.horizonDays()
                + " days (the policy's horizon)";
    return new Verdict.Blocked(reasons.primary(), reasons.describe(notBefore, true) + "; " + why);
  }

  /**
   * Whether the history has an attempt on this channel on local {@code day}, other than one the
   * server said failed for the customer (no phone rang: it may be made again that day).
   */
  private boolean contactedOn(LocalDate day) {
    if (attempts == null) {
      return false;
    }
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    for (int i = attempts.lastAtOrBefore(end - 1); i >= 0 && attempts.at(i) >= start; i--) {
      if (!"failed".equals(attempts.outcome(i))) {
        return true;
      }
    }
    return false;
  }

  /** Notes when the contact's own time is outside the channel's hours. */
  private void reasonsNow() {
    if (hours != null) {
      LocalDate day = notBefore.toLocalDate();
      Instant t = notBefore.toInstant();
      if (t.isBefore(Wanted.firstAtOrAfter(day, hours.from(), zone).toInstant())
          || !t.isBefore(Wanted.firstAtOrAfter(day, hours.to(), zone).toInstant())) {
        reasons.outsideHours(hours);
      }
    }
  }

  private Verdict found(ZonedDateTime slot, ZonedDateTime until) {
    if (slot.toInstant().equals(notBefore.toInstant())) {
      return new Verdict.Allowed(notBefore, until);
    }
    boolean sameDay = slot.toLocalDate().equals(notBefore.toLocalDate());
    String why = reasons.describe(notBefore, !sameDay);
    boolean withinOwnWindow = notAfter != null && slot.isBefore(notAfter);
    if (policy.onViolation() == OnViolation.DROP && !withinOwnWindow) {
      return new Verdict.Blocked(
          reasons.primary(),
          why
              + "; dropped: the policy drops contacts that break a"
              + " guardrail (onViolation DROP)");
    }
    return new Verdict.Moved(
        slot, until, reasons.primary(), why + "; moved to " + Texts.at(slot, !sameDay));
  }

  /**
   * Without hours or a window: the start of the next day that is not a contact day, if one is near.
   */
  private ZonedDateTime openUntil(LocalDate day) {
    for (int i = 1; i <= policy.horizonDays() + 1; i++) {
      LocalDate next = day.plusDays(i);
      if (!policy.isContactDay(next)) {
        return next.atStartOfDay(zone);
      }
    }
    return null;
  }

  /**
   * A shared cap with the times (epoch milliseconds, sorted) of the contacts it counts: the history
   * and this plan's other contacts to the customer on its channels.
   */
  record Shared(SharedCap cap, long[] times) {}

  /** The earliest instant at or after {@code t} that every cap and cool-off allows. */
  private Instant afterHistory(Instant t) {
    if (attempts == null && shared.isEmpty()) {
      return t;
    }
    Instant before;
    do {
      before = t;
      if (attempts != null) {
        for (CoolOff c : coolOffs) {
          t = coolOff(c, t);
        }
        for (FrequencyCap cap : caps) {
          t = cap(cap, t);
        }
      }
      for (Shared s : shared) {
        t = shared(s, t);
      }
    } while (!t.equals(before));
    return t;
  }

  /**
   * Contacts in {@code (t − within, t + within)} count; past ones free a place as {@code t} moves
   * beyond them, later ones (this plan's) once it is {@code within} past them.
   */
  private Instant shared(Shared s, Instant t) {
    long now = t.toEpochMilli();
    long within = s.cap().within().toMillis();
    long[] times = s.times();
    int lo = firstAfter(times, now - within);
    int hi = firstAfter(times, now + within - 1);
    int counted = hi - lo;
    if (counted < s.cap().max()) {
      return t;
    }
    int free = lo + counted - s.cap().max(); // moving past this one leaves max − 1 before t
    long next = times[free] <= now ? times[free] + within : times[hi - 1] + within;
    Instant until = Instant.ofEpochMilli(next);
    reasons.sharedCap(s.cap(), counted, until);
    return until;
  }

  /** The index of the first time after {@code t}. */
  private static int firstAfter(long[] times, long t) {
    int i = java.util.Arrays.binarySearch(times, t);
    if (i < 0) {
      return -i - 1;
    }
    while (i < times.length && times[i] == t) {
      i++;
    }
    return i;
  }

  private Instant coolOff(CoolOff c, Instant t) {
    long now = t.toEpochMilli();
    long within = c.within().toMillis();
    for (int i = attempts.lastAtOrBefore(now); i >= 0 && attempts.at(i) + within > now; i--) {
      if (c.startsWith(attempts.outcome(i))) {
        Instant until = Instant.ofEpochMilli(attempts.at(i) + within);
        reasons.coolOff(c, Instant.ofEpochMilli(attempts.at(i)), attempts.outcome(i), until);
        return until;
      }
    }
    return t;
  }

  /** Attempts in {@code (t − within, t]} count; moving past the oldest of them frees a place. */
  private Instant cap(FrequencyCap cap, Instant t) {
    long now = t.toEpochMilli();
    long within = cap.within().toMillis();
    int newest = attempts.lastAtOrBefore(now);
    int oldest = attempts.lastAtOrBefore(now - within) + 1;
    int made = newest - oldest + 1;
    if (made < cap.max()) {
      return t;
    }
    Instant until = Instant.ofEpochMilli(attempts.at(oldest + made - cap.max()) + within);
    reasons.cap(cap, made, until);
    return until;
  }
}
