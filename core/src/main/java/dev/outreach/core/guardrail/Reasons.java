package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.Texts;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The guardrails one contact ran into while its slot was searched, in the order met, and the
 * sentence that tells a collections manager about them. The first is the guardrail its own time
 * broke.
 */
final class Reasons {
  /** {@code first} follows the contact's description; {@code later} stands alone. */
  private record Reason(Guardrail guardrail, String first, String later) {}

  private final Channel channel;
  private final ZoneId zone;
  private final List<Reason> list = new ArrayList<>(2);

  Reasons(Channel channel, ZoneId zone) {
    this.channel = channel;
    this.zone = zone;
  }

  void outsideHours(ContactHours hours) {
    String text = Texts.hoursName(channel) + " " + hours;
    add(Guardrail.CALLING_HOURS, " is outside " + text, "outside " + text);
  }

  void notWorkingDay(DayOfWeek day) {
    add(
        Guardrail.WORKING_DAYS,
        " is on a " + Texts.day(day) + ", not a working day",
        Texts.day(day) + " is not a working day");
  }

  void alreadyContacted(LocalDate day) {
    add(
        Guardrail.ONCE_A_DAY,
        " is on a day the customer already had a " + Texts.noun(channel),
        Texts.date(day) + " already had a " + Texts.noun(channel));
  }

  void holiday(LocalDate day) {
    add(Guardrail.HOLIDAY, " is on a holiday", Texts.date(day) + " is a holiday");
  }

  void sharedCap(SharedCap cap, int counted, Instant until) {
    String when = Texts.dateTime(until.atZone(zone));
    add(
        Guardrail.FREQUENCY_CAP,
        " would exceed the cap of "
            + cap
            + " ("
            + counted
            + " already made or planned near it; the next is allowed from "
            + when
            + ")",
        "the cap of " + cap + " allows the next " + Texts.noun(channel) + " from " + when);
  }

  void cap(FrequencyCap cap, int made, Instant until) {
    String when = Texts.dateTime(until.atZone(zone));
    add(
        Guardrail.FREQUENCY_CAP,
        " would exceed the cap of "
            + cap
            + " ("
            + made
            + " already made; the next is "
            + "allowed from "
            + when
            + ")",
        "the cap of " + cap + " allows the next " + Texts.noun(channel) + " from " + when);
  }

  void coolOff(CoolOff c, Instant conversation, String outcome, Instant until) {
    String at = Texts.dateTime(conversation.atZone(zone));
    String within = Texts.duration(c.within());
    add(
        Guardrail.COOL_OFF,
        " is within "
            + within
            + " after a conversation ("
            + Texts.noun(channel)
            + " on "
            + at
            + ", outcome "
            + outcome
            + "; allowed again from "
            + Texts.dateTime(until.atZone(zone))
            + ")",
        "no "
            + Texts.plural(channel, 2)
            + " within "
            + within
            + " after the conversation on "
            + at);
  }

  /** The same clause is said once; hours, caps and cool-offs once each. */
  private void add(Guardrail g, String first, String later) {
    for (Reason r : list) {
      boolean perDay = g == Guardrail.WORKING_DAYS || g == Guardrail.HOLIDAY;
      if (r.later.equals(later) || (r.guardrail == g && !perDay)) {
        return;
      }
    }
    list.add(new Reason(g, first, later));
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** The guardrail the contact's own time broke. */
  Guardrail primary() {
    return list.isEmpty() ? Guardrail.CALLING_HOURS : list.get(0).guardrail;
  }

  /**
   * E.g. {@code call at Sat 2025-08-16 22:00 Asia/Kolkata is outside calling hours 08:00–19:00;
   * Sunday is not a working day; Mon 2025-08-18 is a holiday}.
   */
  String describe(ZonedDateTime at, boolean withDate) {
    StringBuilder sb =
        new StringBuilder(Texts.noun(channel))
            .append(" at ")
            .append(Texts.at(at, withDate))
            .append(' ')
            .append(zone.getId());
    if (list.isEmpty()) {
      return sb.append(" has no allowed time").toString();
    }
    sb.append(list.get(0).first);
    for (int i = 1; i < list.size(); i++) {
      sb.append("; ").append(list.get(i).later);
    }
    return sb.toString();
  }
}
