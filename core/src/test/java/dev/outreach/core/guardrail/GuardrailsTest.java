package dev.outreach.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hours, days and holidays, windows and fixed dates, in the customer's zone. */
class GuardrailsTest {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final List<DayOfWeek> MON_SAT =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY,
          DayOfWeek.SATURDAY);

  static ZonedDateTime ist(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), IST);
  }

  static Verdict check(GuardrailPolicy policy, ZonedDateTime notBefore, ZonedDateTime notAfter) {
    return new Guardrails(policy, ContactHistory.empty())
        .check("L1", Channel.CALL, IST, notBefore, notAfter, false);
  }

  @Test
  void aCallInsideCallingHoursIsAllowedAndMayNotRunPastTheirEnd() {
    Verdict v = check(GuardrailPolicy.defaults(), ist("2025-08-05T10:00"), null);

    assertThat(v).isEqualTo(new Verdict.Allowed(ist("2025-08-05T10:00"), ist("2025-08-05T19:00")));
  }

  @Test
  void withoutAPolicyEveryContactIsAllowedUnchanged() {
    Verdict v =
        Guardrails.none().check("L1", Channel.CALL, IST, ist("2025-08-17T03:00"), null, false);

    assertThat(v).isEqualTo(new Verdict.Allowed(ist("2025-08-17T03:00"), null));
  }

  @Test
  void anEarlyCallIsMovedToTheStartOfCallingHours() {
    Verdict v = check(GuardrailPolicy.defaults(), ist("2025-08-05T06:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-05T08:00"),
                ist("2025-08-05T19:00"),
                Guardrail.CALLING_HOURS,
                "call at 06:00 Asia/Kolkata is outside calling hours 08:00–19:00; moved to 08:00"));
  }

  @Test
  void aLateCallIsMovedToTheNextMorning() {
    Verdict v = check(GuardrailPolicy.defaults(), ist("2025-08-05T19:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-06T08:00"),
                ist("2025-08-06T19:00"),
                Guardrail.CALLING_HOURS,
                "call at Tue 2025-08-05 19:00 Asia/Kolkata is outside calling hours 08:00–19:00;"
                    + " moved to Wed 2025-08-06 08:00"));
  }

  @Test
  void aSundayCallIsMovedToMondayWhenSundayIsNotAWorkingDay() {
    GuardrailPolicy policy = GuardrailPolicy.defaults().toBuilder().workingDays(MON_SAT).build();

    Verdict v = check(policy, ist("2025-08-17T10:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-18T08:00"),
                ist("2025-08-18T19:00"),
                Guardrail.WORKING_DAYS,
                "call at Sun 2025-08-17 10:00 Asia/Kolkata is on a Sunday, not a working day;"
                    + " moved to Mon 2025-08-18 08:00"));
  }

  @Test
  void aCallOnAHolidayIsMovedToTheNextDay() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 8, 15)).build();

    Verdict v = check(policy, ist("2025-08-15T11:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-16T08:00"),
                ist("2025-08-16T19:00"),
                Guardrail.HOLIDAY,
                "call at Fri 2025-08-15 11:00 Asia/Kolkata is on a holiday; moved to Sat 2025-08-16 08:00"));
  }

  @Test
  void aSaturdayNightCallSkipsSundayAndAHolidayMondayToTuesdayMorning() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder()
            .workingDays(MON_SAT)
            .holiday(LocalDate.of(2025, 8, 18))
            .build();

    Verdict v = check(policy, ist("2025-08-16T22:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-19T08:00"),
                ist("2025-08-19T19:00"),
                Guardrail.CALLING_HOURS,
                "call at Sat 2025-08-16 22:00 Asia/Kolkata is outside calling hours 08:00–19:00;"
                    + " Sunday is not a working day; Mon 2025-08-18 is a holiday; moved to Tue 2025-08-19 08:00"));
  }

  @Test
  void aMovedWindowKeepsItsHoursOnTheNextDay() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 8, 15)).build();

    Verdict v = check(policy, ist("2025-08-15T10:00"), ist("2025-08-15T13:00"));

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Moved.class,
            m -> {
              assertThat(m.notBefore()).isEqualTo(ist("2025-08-16T10:00"));
              assertThat(m.notAfter()).isEqualTo(ist("2025-08-16T13:00"));
              assertThat(m.why()).endsWith("; moved to Sat 2025-08-16 10:00");
            });
  }

  @Test
  void aWindowRunningPastCallingHoursEndsWithThem() {
    Verdict v = check(GuardrailPolicy.defaults(), ist("2025-08-05T17:00"), ist("2025-08-05T21:00"));

    assertThat(v).isEqualTo(new Verdict.Allowed(ist("2025-08-05T17:00"), ist("2025-08-05T19:00")));
  }

  @Test
  void aWindowStartingBeforeCallingHoursStartsWithThemEvenWhenThePolicyDrops() {
    GuardrailPolicy drop =
        GuardrailPolicy.defaults().toBuilder().onViolation(OnViolation.DROP).build();

    for (GuardrailPolicy policy : List.of(GuardrailPolicy.defaults(), drop)) {
      Verdict v = check(policy, ist("2025-08-05T06:00"), ist("2025-08-05T10:00"));

      assertThat(v)
          .isEqualTo(
              new Verdict.Moved(
                  ist("2025-08-05T08:00"),
                  ist("2025-08-05T10:00"),
                  Guardrail.CALLING_HOURS,
                  "call at 06:00 Asia/Kolkata is outside calling hours 08:00–19:00; moved to 08:00"));
    }
  }

  @Test
  void aWindowThatNeverOverlapsCallingHoursIsBlocked() {
    Verdict v = check(GuardrailPolicy.defaults(), ist("2025-08-05T20:00"), ist("2025-08-05T21:00"));

    assertThat(v)
        .isEqualTo(
            new Verdict.Blocked(
                Guardrail.CALLING_HOURS,
                "call window 20:00–21:00 Asia/Kolkata never overlaps calling hours 08:00–19:00; dropped"));
  }

  @Test
  void aDropPolicyBlocksInsteadOfMoving() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().onViolation(OnViolation.DROP).build();

    Verdict v = check(policy, ist("2025-08-05T06:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Blocked(
                Guardrail.CALLING_HOURS,
                "call at 06:00 Asia/Kolkata is outside"
                    + " calling hours 08:00–19:00; dropped: the policy drops contacts that break a guardrail (onViolation DROP)"));
  }

  @Test
  void aFixedDateMayMoveWithinTheDayButNotToAnother() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 8, 15)).build();
    Guardrails guardrails = new Guardrails(policy, ContactHistory.empty());

    Verdict early = guardrails.check("L1", Channel.CALL, IST, ist("2025-08-14T06:00"), null, true);
    Verdict late = guardrails.check("L1", Channel.CALL, IST, ist("2025-08-14T20:00"), null, true);
    Verdict holiday =
        guardrails.check("L1", Channel.CALL, IST, ist("2025-08-15T10:00"), null, true);

    assertThat(early)
        .isInstanceOfSatisfying(
            Verdict.Moved.class, m -> assertThat(m.notBefore()).isEqualTo(ist("2025-08-14T08:00")));
    assertThat(late)
        .isEqualTo(
            new Verdict.Blocked(
                Guardrail.CALLING_HOURS,
                "call at Thu 2025-08-14 20:00"
                    + " Asia/Kolkata is outside calling hours 08:00–19:00; dropped: the rule fixed the date 2025-08-14 and no"
                    + " allowed time is left on it"));
    assertThat(holiday)
        .isEqualTo(
            new Verdict.Blocked(
                Guardrail.HOLIDAY,
                "call at Fri 2025-08-15 10:00"
                    + " Asia/Kolkata is on a holiday; dropped: the rule fixed the date 2025-08-15 and no allowed time is left on it"));
  }

  @Test
  void noAllowedDayWithinTheHorizonBlocks() {
    GuardrailPolicy policy =
        GuardrailPolicy.builder().workingDays(DayOfWeek.MONDAY).horizonDays(3).build();

    Verdict v = check(policy, ist("2025-08-05T10:00"), null);

    assertThat(v)
        .isEqualTo(
            new Verdict.Blocked(
                Guardrail.WORKING_DAYS,
                "call at Tue 2025-08-05 10:00 Asia/Kolkata"
                    + " is on a Tuesday, not a working day; Wednesday is not a working day; Thursday is not a working day;"
                    + " Friday is not a working day; dropped: no allowed time within 3 days (the policy's horizon)"));
  }

  @Test
  void withoutHoursAContactMayNotRunIntoADayOff() {
    GuardrailPolicy policy = GuardrailPolicy.builder().workingDays(MON_SAT).build();
    Guardrails guardrails = new Guardrails(policy, ContactHistory.empty());

    Verdict v = guardrails.check("L1", Channel.SMS, IST, ist("2025-08-16T10:00"), null, false);

    assertThat(v).isEqualTo(new Verdict.Allowed(ist("2025-08-16T10:00"), ist("2025-08-17T00:00")));
  }

  @Test
  void theDoNotContactListBlocksEveryChannelWhateverTheTime() {
    GuardrailPolicy policy = GuardrailPolicy.none().toBuilder().doNotContact(List.of("L1")).build();
    Guardrails guardrails = new Guardrails(policy, ContactHistory.empty());

    for (Channel channel : Channel.values()) {
      Verdict v = guardrails.check("L1", channel, IST, ist("2025-08-05T10:00"), null, false);

      assertThat(v)
          .isInstanceOfSatisfying(
              Verdict.Blocked.class,
              b -> {
                assertThat(b.guardrail()).isEqualTo(Guardrail.DO_NOT_CONTACT);
                assertThat(b.why()).startsWith("the loan is on the do-not-contact list");
              });
    }
    assertThat(guardrails.check("L2", Channel.CALL, IST, ist("2025-08-05T10:00"), null, false))
        .isInstanceOf(Verdict.Allowed.class);
  }

  @Test
  void hoursAreTheCustomersOwnLocalHours() {
    Guardrails guardrails = new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty());
    ZonedDateTime nineInIndia = ist("2025-08-05T09:00"); // 23:30 the day before in New York

    Verdict india = guardrails.check("L1", Channel.CALL, IST, nineInIndia, null, false);
    Verdict newYork = guardrails.check("L2", Channel.CALL, NEW_YORK, nineInIndia, null, false);

    assertThat(india).isInstanceOf(Verdict.Allowed.class);
    assertThat(newYork)
        .isInstanceOfSatisfying(
            Verdict.Moved.class,
            m -> {
              assertThat(m.notBefore())
                  .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2025-08-05T08:00"), NEW_YORK));
              assertThat(m.notBefore().getZone()).isEqualTo(NEW_YORK);
              assertThat(m.why())
                  .isEqualTo(
                      "call at Mon 2025-08-04 23:30 America/New_York is outside calling hours"
                          + " 08:00–19:00; moved to Tue 2025-08-05 08:00");
            });
  }

  @Test
  void movingAcrossTheSpringForwardKeepsLocalHours() {
    Guardrails guardrails = new Guardrails(GuardrailPolicy.usRegF(), ContactHistory.empty());
    ZonedDateTime saturdayNight =
        ZonedDateTime.of(LocalDateTime.parse("2025-03-08T22:00"), NEW_YORK); // EST

    Verdict v = guardrails.check("L1", Channel.CALL, NEW_YORK, saturdayNight, null, false);

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Moved.class,
            m -> {
              assertThat(m.notBefore().toOffsetDateTime())
                  .hasToString("2025-03-09T08:00-04:00"); // EDT
              assertThat(m.notAfter().toOffsetDateTime()).hasToString("2025-03-09T21:00-04:00");
            });
  }

  @Test
  void hoursStartingInTheSpringForwardGapStartTheMomentTheClocksJumpPastTheirStart() {
    GuardrailPolicy policy =
        GuardrailPolicy.builder().hours(Channel.SMS, ContactHours.of("02:30", "06:00")).build();
    ZonedDateTime oneAm = ZonedDateTime.of(LocalDateTime.parse("2025-03-09T01:00"), NEW_YORK);

    Verdict v =
        new Guardrails(policy, ContactHistory.empty())
            .check("L1", Channel.SMS, NEW_YORK, oneAm, null, false);

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Moved.class,
            m ->
                assertThat(m.notBefore().toOffsetDateTime())
                    .hasToString("2025-03-09T03:00-04:00")); // not 03:30
  }

  @Test
  void aWindowMustEndLaterTheSameDay() {
    Guardrails guardrails = Guardrails.none();

    assertThatThrownBy(
            () ->
                guardrails.check(
                    "L1",
                    Channel.CALL,
                    IST,
                    ist("2025-08-05T10:00"),
                    ist("2025-08-05T09:00"),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notAfter");
    assertThatThrownBy(
            () ->
                guardrails.check(
                    "L1",
                    Channel.CALL,
                    IST,
                    ist("2025-08-05T10:00"),
                    ist("2025-08-06T11:00"),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same local day");
  }
}
