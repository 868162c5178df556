package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.ContactHistory.Attempt;
import dev.outreach.core.guardrail.ContactHours;
import dev.outreach.core.guardrail.CoolOff;
import dev.outreach.core.guardrail.FrequencyCap;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.GuardrailPolicyBuilder;
import dev.outreach.core.guardrail.Guardrails;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An independent check of the next allowed slot: for seeded random customers (zones with odd clock
 * changes, dates around them), policies (hours, days, holidays, caps, cool-offs), histories and
 * decisions (as soon as possible, {@code at}, {@code window}) on every channel, the planned step
 * starts at the first whole minute that a scan of the wall clock finds allowed, and ends when that
 * day's allowed time does. Every time involved is a whole minute, so the scan misses nothing.
 */
class NextAllowedSlotPropertyTest {
  static final List<String> ZONES =
      List.of(
          "Europe/London",
          "America/New_York",
          "Asia/Kolkata",
          "Australia/Lord_Howe",
          "Pacific/Chatham",
          "America/Havana",
          "America/Santiago",
          "Europe/Berlin");
  static final List<ContactHours> HOURS =
      List.of(
          ContactHours.of("08:00", "19:00"),
          ContactHours.of("01:00", "05:00"),
          ContactHours.of("00:30", "23:30"),
          ContactHours.of("02:00", "04:00"));

  /** One random case, and what the scan expects of it. */
  private static final class Case {
    final ZoneId zone;
    final ZonedDateTime asOf;
    final Channel channel;
    final ContactHours hours;
    final GuardrailPolicy policy;
    final List<Attempt> history = new ArrayList<>();
    final LocalTime from;
    final LocalTime to;
    final boolean at;
    final FrequencyCap cap;
    final CoolOff coolOff;

    Case(Random r) {
      zone = ZoneId.of(ZONES.get(r.nextInt(ZONES.size())));
      LocalDate base = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(365));
      List<LocalDate> changes = changeDays(zone);
      if (!changes.isEmpty() && r.nextBoolean()) {
        base = changes.get(r.nextInt(changes.size())).minusDays(r.nextInt(4));
      }
      asOf = base.atStartOfDay(zone).plusMinutes(r.nextInt(24 * 60));
      channel = Channel.values()[r.nextInt(3)];
      hours = HOURS.get(r.nextInt(HOURS.size()));
      GuardrailPolicyBuilder b = GuardrailPolicy.none().toBuilder().hours(channel, hours);
      if (r.nextInt(3) == 0) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
          if (r.nextInt(4) != 0) {
            days.add(d);
          }
        }
        days.add(DayOfWeek.of(1 + r.nextInt(7)));
        b.workingDays(days);
      }
      for (int i = r.nextInt(3); i > 0; i--) {
        b.holiday(base.plusDays(r.nextInt(6)));
      }
      cap =
          r.nextBoolean()
              ? new FrequencyCap(channel, 1 + r.nextInt(3), Duration.ofHours(12 + r.nextInt(120)))
              : null;
      coolOff =
          r.nextBoolean()
              ? new CoolOff(
                  channel,
                  java.util.Set.of("conversation"),
                  Duration.ofMinutes(60 * (6 + r.nextInt(100)) + r.nextInt(60)))
              : null;
      if (cap != null) {
        b.cap(cap);
      }
      if (coolOff != null) {
        b.coolOff(coolOff);
      }
      policy = b.build();
      for (int i = r.nextInt(5); i > 0; i--) {
        Instant t = asOf.toInstant().minus(1 + r.nextInt(7 * 24 * 60), ChronoUnit.MINUTES);
        history.add(
            new Attempt("L1", channel, t, r.nextInt(3) == 0 ? "conversation" : "no_answer"));
      }
      int kind = r.nextInt(3);
      at = kind == 1;
      int fromMinute = 15 * r.nextInt(88);
      from = kind == 0 ? null : LocalTime.MIDNIGHT.plusMinutes(fromMinute);
      int toMinute = Math.min(fromMinute + 15 + 15 * r.nextInt(24), 23 * 60 + 45);
      to = kind != 2 ? null : LocalTime.MIDNIGHT.plusMinutes(toMinute);
    }

    Timing timing() {
      Timing t = Timing.NOW;
      return from == null ? t : to == null ? t.at(hhmm(from)) : t.window(hhmm(from), hhmm(to));
    }

    @Override
    public String toString() {
      return zone
          + " asOf "
          + asOf.toOffsetDateTime()
          + " "
          + channel
          + " hours "
          + hours
          + " "
          + timing()
          + " days "
          + policy.workingDays()
          + " holidays "
          + policy.holidays()
          + " cap "
          + cap
          + " coolOff "
          + (coolOff == null ? null : coolOff.within())
          + " history "
          + history;
    }

    /** {@code [start, end]} of the expected step, or {@code null} when the contact is dropped. */
    Instant[] expected() {
      LocalDate today = asOf.toLocalDate();
      LocalDate first = today;
      Instant lower = asOf.toInstant();
      if (from != null) {
        Instant s = firstAtOrAfter(today, from);
        Instant e = to == null ? null : firstAtOrAfter(today, to);
        boolean passed = e == null ? s.isBefore(lower) : !lower.isBefore(e) || !e.isAfter(s);
        if (passed) {
          first = today.plusDays(1);
          lower = firstAtOrAfter(first, from);
        } else if (s.isAfter(lower)) {
          lower = s;
        }
      }
      LocalTime lo = hours.from();
      LocalTime hi = hours.to();
      if (from != null && (to != null || from.isBefore(hours.to())) && from.isAfter(lo)) {
        lo = from;
      }
      if (to != null && to.isBefore(hi)) {
        hi = to;
      }
      if (!lo.isBefore(hi)) {
        return null;
      }
      for (int i = 0; i <= policy.horizonDays(); i++) {
        LocalDate day = first.plusDays(i);
        if (!policy.isContactDay(day)) {
          continue;
        }
        Instant start = firstAtOrAfter(day, lo);
        Instant end = firstAtOrAfter(day, hi);
        for (Instant t = start.isBefore(lower) ? lower : start;
            t.isBefore(end);
            t = t.plus(1, ChronoUnit.MINUTES)) {
          if (historyAllows(t)) {
            return new Instant[] {t, end};
          }
        }
      }
      return null;
    }

    private boolean historyAllows(Instant t) {
      int inCap = 0;
      for (Attempt a : history) {
        if (cap != null && a.at().isAfter(t.minus(cap.within())) && !a.at().isAfter(t)) {
          inCap++;
        }
        if (coolOff != null
            && a.outcome().equals("conversation")
            && !a.at().isAfter(t)
            && a.at().plus(coolOff.within()).isAfter(t)) {
          return false;
        }
      }
      return cap == null || inCap < cap.max();
    }

    /**
     * By scanning the wall clock: the first instant showing {@code day} at {@code time} or later.
     * Offsets, clock changes and the times asked for all fall on quarter hours, so quarter-hour
     * steps miss nothing.
     */
    private Instant firstAtOrAfter(LocalDate day, LocalTime time) {
      Instant t = day.atStartOfDay(ZoneOffset.UTC).toInstant().minus(15, ChronoUnit.HOURS);
      for (; ; t = t.plus(15, ChronoUnit.MINUTES)) {
        ZonedDateTime z = t.atZone(zone);
        if (z.toLocalDate().isAfter(day)
            || z.toLocalDate().equals(day) && !z.toLocalTime().isBefore(time)) {
          return t;
        }
      }
    }
  }

  @Test
  void everyPlannedStepStartsAtTheFirstMinuteAScanOfTheWallClockAllows() {
    Random random = new Random(11);
    List<String> wrong = new ArrayList<>();
    int planned = 0;
    for (int n = 0; n < 200; n++) {
      Case c = new Case(random);
      Planner planner =
          Planner.builder("CAMP")
              .zone(ZoneOffset.UTC)
              .guardrails(new Guardrails(c.policy, ContactHistory.of(c.history)))
              .build();
      Customer customer = Customer.builder("L1").custom("timezone", c.zone.getId()).build();
      Plan plan =
          planner.plan(
              List.of(customer),
              PlannerTest.source(NextAllowedSlotTest.contact(c.channel, "L1", c.timing())),
              c.asOf.toOffsetDateTime());
      Instant[] want = c.expected();
      String got =
          plan.steps().isEmpty()
              ? "dropped"
              : plan.steps().get(0).notBefore().toInstant()
                  + " .. "
                  + plan.steps().get(0).notAfter().toInstant();
      String expected = want == null ? "dropped" : want[0] + " .. " + want[1];
      if (!got.equals(expected)) {
        wrong.add(c + ": expected " + expected + " but was " + got);
      }
      planned += want == null ? 0 : 1;
    }
    assertThat(wrong).isEmpty();
    assertThat(planned).isGreaterThan(100);
  }

  static List<LocalDate> changeDays(ZoneId zone) {
    List<LocalDate> days = new ArrayList<>();
    var rules = zone.getRules();
    for (var x = rules.nextTransition(Instant.parse("2025-01-01T00:00:00Z"));
        x != null && x.getInstant().isBefore(Instant.parse("2026-01-01T00:00:00Z"));
        x = rules.nextTransition(x.getInstant())) {
      days.add(x.getInstant().atZone(zone).toLocalDate());
    }
    return days;
  }

  private static String hhmm(LocalTime t) {
    return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }
}
