package dev.outreach.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.guardrail.ContactHistory.Attempt;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decision's time of day, kept on whichever day the guardrails move a contact to. */
class WantedTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final LocalTime TEN = LocalTime.of(10, 0);
  static final LocalTime ONE_PM = LocalTime.of(13, 0);

  static ZonedDateTime london(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON);
  }

  @Test
  void theLondonExampleAnOpenWindowCappedUntilThursdayStartsAtTenOnThursday() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().cap(FrequencyCap.days(Channel.CALL, 3, 7)).build();
    List<Attempt> history = new ArrayList<>();
    for (String day : List.of("2025-10-02", "2025-10-03", "2025-10-04")) {
      history.add(new Attempt("L1", Channel.CALL, london(day + "T09:00").toInstant(), "no_answer"));
    }

    Verdict v =
        new Guardrails(policy, ContactHistory.of(history))
            .check(
                "L1",
                Channel.CALL,
                LONDON,
                new Wanted(london("2025-10-06T12:30"), TEN, ONE_PM, false));

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                london("2025-10-09T10:00"),
                london("2025-10-09T13:00"),
                Guardrail.FREQUENCY_CAP,
                "call at Mon 2025-10-06 12:30 Europe/London would exceed the cap of 3 calls in 7 days"
                    + " (3 already made; the next is allowed from Thu 2025-10-09 09:00); moved to Thu 2025-10-09 10:00"));
  }

  @Test
  void aContactWantedBeforeItsWindowOpensIsAllowedWhenItOpens() {
    Verdict v =
        new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty())
            .check(
                "L1",
                Channel.SMS,
                LONDON,
                new Wanted(london("2025-10-06T07:00"), TEN, ONE_PM, false));

    assertThat(v)
        .isEqualTo(new Verdict.Allowed(london("2025-10-06T10:00"), london("2025-10-06T13:00")));
  }

  @Test
  void aContactWantedAfterItsWindowClosedIsAMistake() {
    Guardrails guardrails = Guardrails.none();

    assertThatThrownBy(
            () ->
                guardrails.check(
                    "L1",
                    Channel.CALL,
                    LONDON,
                    new Wanted(london("2025-10-06T13:00"), TEN, ONE_PM, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not before the end of the window");
  }

  @Test
  void aWindowNeedsAStartAndAnEndAfterIt() {
    assertThatThrownBy(() -> new Wanted(london("2025-10-06T09:00"), null, ONE_PM, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a start");
    assertThatThrownBy(() -> new Wanted(london("2025-10-06T09:00"), ONE_PM, TEN, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not end after it starts");
  }

  @Test
  void aTimeTheClocksSkipIsReachedWhenTheyJumpAndATimeShownTwiceAtItsFirst() {
    ZoneId newYork = ZoneId.of("America/New_York");

    ZonedDateTime skipped =
        Wanted.firstAtOrAfter(LocalDate.of(2025, 3, 9), LocalTime.of(2, 30), newYork);
    ZonedDateTime twice =
        Wanted.firstAtOrAfter(LocalDate.of(2025, 11, 2), LocalTime.of(1, 30), newYork);

    assertThat(skipped.toOffsetDateTime()).hasToString("2025-03-09T03:00-04:00");
    assertThat(twice.toOffsetDateTime()).hasToString("2025-11-02T01:30-04:00");
  }

  /**
   * An independent check: around every clock change of 2025 in zones with odd changes (30 minutes
   * in Lord Howe, at midnight in Havana and Santiago, at 02:45 in the Chatham Islands), a window
   * open at {@code asOf} on a holiday moves to the next day (or the one after, when the clocks skip
   * the whole window), and starts and ends where a quarter-hour scan of that day's wall clock says
   * the window and the hours first allow, and next forbid, a contact.
   */
  @Test
  void aMovedWindowStartsAndEndsWhereAScanOfTheWallClockSays() {
    List<String> zones =
        List.of(
            "Europe/London",
            "America/New_York",
            "Australia/Lord_Howe",
            "America/Havana",
            "America/Santiago",
            "Pacific/Chatham",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Europe/Berlin");
    List<LocalTime[]> windows =
        List.of(
            times("00:00", "01:30"),
            times("00:30", "02:00"),
            times("01:00", "03:00"),
            times("02:30", "04:00"),
            times("02:45", "03:15"),
            times("03:00", "05:00"),
            times("10:00", "13:00"),
            times("23:00", "23:45"));
    ContactHours hours = ContactHours.of("08:00", "19:00");
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String id : zones) {
      ZoneId zone = ZoneId.of(id);
      for (LocalDate day : changeDays(zone)) {
        LocalDate before = day.minusDays(1);
        for (LocalTime[] w : windows) {
          for (boolean withHours : new boolean[] {false, true}) {
            LocalTime from = w[0];
            LocalTime to = w[1];
            if (withHours && (!to.isAfter(hours.from()) || !from.isBefore(hours.to()))) {
              continue;
            }
            GuardrailPolicy base =
                withHours
                    ? GuardrailPolicy.none().toBuilder().hours(Channel.SMS, hours).build()
                    : GuardrailPolicy.none();
            GuardrailPolicy policy = base.toBuilder().holiday(before).build();
            LocalTime lo = withHours && from.isBefore(hours.from()) ? hours.from() : from;
            LocalTime hi = withHours && to.isAfter(hours.to()) ? hours.to() : to;
            ZonedDateTime asOf = firstScanned(before, lo, hi, zone, null);
            if (asOf == null) {
              continue; // the window never shows on the wall clock that day
            }
            Verdict v =
                new Guardrails(policy, ContactHistory.empty())
                    .check("L1", Channel.SMS, zone, new Wanted(asOf, from, to, false));
            LocalDate moved = day;
            ZonedDateTime start = firstScanned(moved, lo, hi, zone, null);
            if (start == null) { // the clocks skip the whole window that day
              moved = day.plusDays(1);
              start = firstScanned(moved, lo, hi, zone, null);
            }
            ZonedDateTime first = start;
            ZonedDateTime end = firstScanned(moved, hi, LocalTime.MAX, zone, start);
            String what =
                id + " " + day + " window " + from + "-" + to + (withHours ? " with hours" : "");
            String expected = "Moved " + first.toOffsetDateTime() + " .. " + end.toOffsetDateTime();
            String got =
                v instanceof Verdict.Moved
                    ? "Moved "
                        + ((Verdict.Moved) v).notBefore().toOffsetDateTime()
                        + " .. "
                        + ((Verdict.Moved) v).notAfter().toOffsetDateTime()
                    : v.toString();
            if (!got.equals(expected)) {
              wrong.add(what + ": expected " + expected + " but was " + got);
            }
            checked++;
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  private static LocalTime[] times(String from, String to) {
    return new LocalTime[] {LocalTime.parse(from), LocalTime.parse(to)};
  }

  /** The local days of 2025 on which the zone's clocks change. */
  private static List<LocalDate> changeDays(ZoneId zone) {
    List<LocalDate> days = new ArrayList<>();
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    for (ZoneOffsetTransition x = zone.getRules().nextTransition(t);
        x != null && x.getInstant().isBefore(Instant.parse("2026-01-01T00:00:00Z"));
        x = zone.getRules().nextTransition(x.getInstant())) {
      days.add(x.getInstant().atZone(zone).toLocalDate());
    }
    if (days.isEmpty()) {
      days.add(LocalDate.of(2025, 10, 7));
    }
    return days;
  }

  /**
   * The first quarter hour after {@code after} (or from the day before) whose wall clock shows
   * {@code day} at a time in {@code [from, to)}, or {@code null}. Every clock change, window and
   * hour checked here falls on a quarter hour, so nothing in between is missed.
   */
  private static ZonedDateTime firstScanned(
      LocalDate day, LocalTime from, LocalTime to, ZoneId zone, ZonedDateTime after) {
    Instant t =
        after != null
            ? after.toInstant().plus(15, ChronoUnit.MINUTES)
            : day.minusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
    Instant stop = day.plusDays(2).atStartOfDay(ZoneId.of("UTC")).toInstant();
    for (; t.isBefore(stop); t = t.plus(15, ChronoUnit.MINUTES)) {
      ZonedDateTime z = t.atZone(zone);
      boolean inside = !z.toLocalTime().isBefore(from) && z.toLocalTime().isBefore(to);
      if (after != null
          ? !z.toLocalDate().equals(day) || inside
          : z.toLocalDate().equals(day) && inside) {
        return z;
      }
    }
    return null;
  }
}
