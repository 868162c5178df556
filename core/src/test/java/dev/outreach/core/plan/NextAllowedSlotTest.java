package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.ContactHistory.Attempt;
import dev.outreach.core.guardrail.CoolOff;
import dev.outreach.core.guardrail.FrequencyCap;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A contact a guardrail moves to a later day starts at its next allowed slot: the earliest instant
 * that the decision's timing and every guardrail allow, in the customer's zone, never at the time
 * of day the plan was made. Mon 2025-10-06 is in British Summer Time (+01:00).
 */
class NextAllowedSlotTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Mon 2025-10-06 12:30 in London: half an hour before a 10:00–13:00 window closes. */
  static final OffsetDateTime MON_1230 = OffsetDateTime.parse("2025-10-06T12:30:00+01:00");

  static final Timing MORNING = Timing.NOW.window("10:00", "13:00");
  static final String FOLDER = "9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9";
  static final String AGENT = "3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d";

  static Contact contact(Channel channel, String id, Timing t) {
    if (channel == Channel.CALL) {
      return Contact.of(id, channel, "agent", "disp", null, null, t, 0, "rule");
    }
    Conversation conversation = channel == Channel.WHATSAPP ? new Conversation("ca", "cd") : null;
    return Contact.of(id, channel, null, null, "tpl", conversation, t, 0, "rule");
  }

  static Customer londoner(String id) {
    return Customer.builder(id).custom("timezone", "Europe/London").build();
  }

  static Attempt attempt(Channel channel, String londonTime, String outcome) {
    return new Attempt(
        "L1", channel, LocalDateTime.parse(londonTime).atZone(LONDON).toInstant(), outcome);
  }

  /**
   * Three attempts on {@code channel}, Thu to Sat at {@code time}: a cap of 3 in 7 days frees next
   * Thu then.
   */
  static List<Attempt> threeAttempts(Channel channel, String time) {
    List<Attempt> out = new ArrayList<>();
    for (String day : List.of("2025-10-02", "2025-10-03", "2025-10-04")) {
      out.add(attempt(channel, day + "T" + time, "no_answer"));
    }
    return out;
  }

  static GuardrailPolicy capped(Channel channel) {
    return GuardrailPolicy.defaults().toBuilder().cap(FrequencyCap.days(channel, 3, 7)).build();
  }

  static Plan plan(
      ZoneId planZone,
      GuardrailPolicy policy,
      List<Attempt> history,
      List<Customer> book,
      OffsetDateTime asOf,
      Contact... contacts) {
    Planner planner =
        Planner.builder("CAMP")
            .zone(planZone)
            .guardrails(new Guardrails(policy, ContactHistory.of(history)))
            .build();
    return planner.plan(book, PlannerTest.source(contacts), asOf);
  }

  static Plan london(
      GuardrailPolicy policy, List<Attempt> history, OffsetDateTime asOf, Contact c) {
    return plan(LONDON, policy, history, List.of(londoner("L1")), asOf, c);
  }

  /** The only step's {@code notBefore .. notAfter}, as the plan writes them. */
  static String slot(Plan plan) {
    assertThat(plan.steps()).hasSize(1);
    return PlannerGuardrailsTest.slot(plan.steps().get(0));
  }

  @Test
  void theLondonExampleACapFreeingThursdayMorningStartsTheWindowAtTenNotAtTheTimeItWasPlanned() {
    Plan plan =
        london(
            capped(Channel.CALL),
            threeAttempts(Channel.CALL, "09:00"),
            MON_1230,
            contact(Channel.CALL, "L1", MORNING));

    assertThat(slot(plan)).isEqualTo("2025-10-09T10:00:00+01:00 .. 2025-10-09T13:00:00+01:00");
    assertThat(plan.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("FREQUENCY_CAP");
              assertThat(w.message()).endsWith("; moved to Thu 2025-10-09 10:00");
            });
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aFrequencyCapMovesAnOpenWindowToTheStartOfTheWindowOnTheDayItFrees(Channel channel) {
    Plan plan =
        london(
            capped(channel),
            threeAttempts(channel, "09:00"),
            MON_1230,
            contact(channel, "L1", MORNING));

    assertThat(slot(plan)).isEqualTo("2025-10-09T10:00:00+01:00 .. 2025-10-09T13:00:00+01:00");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aCoolOffMovesAnOpenWindowToTheStartOfTheWindowOnTheDayItEnds(Channel channel) {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder()
            .coolOff(CoolOff.days(channel, 7, "conversation"))
            .build();
    List<Attempt> history = List.of(attempt(channel, "2025-10-01T09:00", "conversation"));

    Plan plan = london(policy, history, MON_1230, contact(channel, "L1", MORNING));

    assertThat(slot(plan)).isEqualTo("2025-10-08T10:00:00+01:00 .. 2025-10-08T13:00:00+01:00");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aHolidayMovesAnOpenWindowToTheStartOfTheWindowOnTheNextDay(Channel channel) {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 10, 6)).build();

    Plan plan = london(policy, List.of(), MON_1230, contact(channel, "L1", MORNING));

    assertThat(slot(plan)).isEqualTo("2025-10-07T10:00:00+01:00 .. 2025-10-07T13:00:00+01:00");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aDayOffMovesAnOpenWindowToTheStartOfTheWindowOnTheNextWorkingDay(Channel channel) {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder()
            .workingDays(
                List.of(
                    DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY))
            .build();
    OffsetDateTime saturday = OffsetDateTime.parse("2025-10-04T12:30:00+01:00");

    Plan plan = london(policy, List.of(), saturday, contact(channel, "L1", MORNING));

    assertThat(slot(plan)).isEqualTo("2025-10-06T10:00:00+01:00 .. 2025-10-06T13:00:00+01:00");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aWindowStillOpenAfterTheHoursEndMovesToItsStartTomorrowInsteadOfBeingDropped(
      Channel channel) {
    OffsetDateTime halfSeven = OffsetDateTime.parse("2025-10-06T19:30:00+01:00");

    Plan plan =
        london(
            GuardrailPolicy.defaults(),
            List.of(),
            halfSeven,
            contact(channel, "L1", Timing.NOW.window("17:00", "21:00")));

    assertThat(slot(plan)).isEqualTo("2025-10-07T17:00:00+01:00 .. 2025-10-07T19:00:00+01:00");
    assertThat(plan.warnings()).extracting(Plan.Warning::code).containsExactly("CALLING_HOURS");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void asSoonAsPossibleMovedToALaterDayStartsWhenThatDaysHoursStart(Channel channel) {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 10, 6)).build();

    Plan plan = london(policy, List.of(), MON_1230, contact(channel, "L1", Timing.NOW));

    assertThat(slot(plan)).isEqualTo("2025-10-07T08:00:00+01:00 .. 2025-10-07T19:00:00+01:00");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void asSoonAsPossibleWaitsForACapOnlyUntilItFrees(Channel channel) {
    Plan freesInHours =
        london(
            capped(channel),
            threeAttempts(channel, "09:00"),
            MON_1230,
            contact(channel, "L1", Timing.NOW));
    Plan freesAtDawn =
        london(
            capped(channel),
            threeAttempts(channel, "06:00"),
            MON_1230,
            contact(channel, "L1", Timing.NOW));

    assertThat(slot(freesInHours))
        .isEqualTo("2025-10-09T09:00:00+01:00 .. 2025-10-09T19:00:00+01:00");
    assertThat(slot(freesAtDawn))
        .isEqualTo("2025-10-09T08:00:00+01:00 .. 2025-10-09T19:00:00+01:00");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void anAtTimeMovedToALaterDayKeepsItsTime(Channel channel) {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 10, 6)).build();
    OffsetDateTime ten = OffsetDateTime.parse("2025-10-06T10:00:00+01:00");

    Plan plan = london(policy, List.of(), ten, contact(channel, "L1", Timing.NOW.at("11:00")));

    assertThat(slot(plan)).isEqualTo("2025-10-07T11:00:00+01:00 .. 2025-10-07T19:00:00+01:00");
  }

  @Test
  void anAtTimeTheHoursNeverAllowStillMovesToTheNextMorning() {
    OffsetDateTime ten = OffsetDateTime.parse("2025-10-06T10:00:00+01:00");

    Plan plan =
        london(
            GuardrailPolicy.defaults(),
            List.of(),
            ten,
            contact(Channel.CALL, "L1", Timing.NOW.at("22:00")));

    assertThat(slot(plan)).isEqualTo("2025-10-07T08:00:00+01:00 .. 2025-10-07T19:00:00+01:00");
  }

  @Test
  void aCapFreeingInsideTheWindowStartsWhenItFreesAndOneFreeingAfterItWaitsForTheNextDaysWindow() {
    Contact call = contact(Channel.CALL, "L1", MORNING);

    Plan inside =
        london(capped(Channel.CALL), threeAttempts(Channel.CALL, "11:15"), MON_1230, call);
    Plan after = london(capped(Channel.CALL), threeAttempts(Channel.CALL, "13:30"), MON_1230, call);

    assertThat(slot(inside)).isEqualTo("2025-10-09T11:15:00+01:00 .. 2025-10-09T13:00:00+01:00");
    assertThat(slot(after)).isEqualTo("2025-10-10T10:00:00+01:00 .. 2025-10-10T13:00:00+01:00");
  }

  @Test
  void theWindowIsTheCustomersOwnWhenThePlanIsInAnotherZone() {
    Plan plan =
        plan(
            KOLKATA,
            capped(Channel.CALL),
            threeAttempts(Channel.CALL, "09:00"),
            List.of(londoner("L1")),
            MON_1230,
            contact(Channel.CALL, "L1", MORNING));

    // Thu 10:00–13:00 in London is 14:30–17:30 in Kolkata.
    assertThat(slot(plan)).isEqualTo("2025-10-09T14:30:00+05:30 .. 2025-10-09T17:30:00+05:30");
  }

  @Test
  void aWindowStartTheClocksSkipStartsWhenTheyJumpPastIt() {
    // New York springs forward on Sun 2025-03-09 from 02:00 EST to 03:00 EDT: 02:30 is never shown.
    GuardrailPolicy policy =
        GuardrailPolicy.none().toBuilder().holiday(LocalDate.of(2025, 3, 8)).build();
    OffsetDateTime saturday = OffsetDateTime.parse("2025-03-08T03:45:00-05:00");

    Plan plan =
        plan(
            NEW_YORK,
            policy,
            List.of(),
            List.of(Customer.builder("L1").build()),
            saturday,
            contact(Channel.SMS, "L1", Timing.NOW.window("02:30", "04:00")));

    assertThat(slot(plan)).isEqualTo("2025-03-09T03:00:00-04:00 .. 2025-03-09T04:00:00-04:00");
  }

  @Test
  void aWindowEndTheClocksSkipEndsWhenTheyJumpPastIt() {
    GuardrailPolicy policy =
        GuardrailPolicy.none().toBuilder().holiday(LocalDate.of(2025, 3, 8)).build();
    OffsetDateTime saturday = OffsetDateTime.parse("2025-03-08T01:45:00-05:00");

    Plan plan =
        plan(
            NEW_YORK,
            policy,
            List.of(),
            List.of(Customer.builder("L1").build()),
            saturday,
            contact(Channel.SMS, "L1", Timing.NOW.window("01:00", "02:30")));

    assertThat(slot(plan)).isEqualTo("2025-03-09T01:00:00-05:00 .. 2025-03-09T03:00:00-04:00");
  }

  @Test
  void aWindowTheClocksSkipWhollyTodayIsTomorrowsOrPassedWhenTheRuleFixedTheDate() {
    OffsetDateTime oneAm = OffsetDateTime.parse("2025-03-09T01:00:00-05:00");
    List<Customer> book = List.of(Customer.builder("L1").build());
    Timing skipped = Timing.NOW.window("02:10", "02:50");

    Plan plan =
        plan(
            NEW_YORK,
            GuardrailPolicy.none(),
            List.of(),
            book,
            oneAm,
            contact(Channel.SMS, "L1", skipped));
    Plan fixed =
        plan(
            NEW_YORK,
            GuardrailPolicy.none(),
            List.of(),
            book,
            oneAm,
            contact(Channel.SMS, "L1", skipped.on(LocalDate.of(2025, 3, 9))));

    assertThat(slot(plan)).isEqualTo("2025-03-10T02:10:00-04:00 .. 2025-03-10T02:50:00-04:00");
    assertThat(fixed.steps()).isEmpty();
    assertThat(fixed.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("TIMING_PASSED");
              assertThat(w.message())
                  .contains("the window 02:10-02:50 does not occur on 2025-03-09");
            });
  }

  @Test
  void aBatchCampaignIsScheduledForTheStartOfTheWindowOnTheDayItsLastCustomerMayBeCalled() {
    BatchCampaign campaign = BatchCampaign.of("Week", FOLDER);
    Contact capped =
        Contact.of("L1", Channel.CALL, AGENT, null, null, null, MORNING, 0, 0, "batch", campaign);
    Contact free =
        Contact.of("L2", Channel.CALL, AGENT, null, null, null, MORNING, 0, 0, "batch", campaign);

    Plan plan =
        plan(
            KOLKATA,
            capped(Channel.CALL),
            threeAttempts(Channel.CALL, "09:00"),
            List.of(londoner("L1"), londoner("L2")),
            MON_1230,
            capped,
            free);

    Step create = plan.steps().get(0);
    assertThat(create.kind()).isEqualTo(StepKind.CREATE_BATCH_CALL);
    assertThat(create.body().getString("scheduled_at")).isEqualTo("2025-10-09T10:00:00+01:00");
    assertThat(create.body().getString("start_time")).isEqualTo("10:00");
    assertThat(PlanJson.TIME.format(create.notAfter())).isEqualTo("2025-10-09T17:30:00+05:30");
  }

  @Test
  void aBatchCampaignOpenedOnADayItDoesNotCallOnIsScheduledForItsFirstCallingDayAtTheWindowStart() {
    BatchCampaign weekdays = BatchCampaign.of("Week", FOLDER).days(1, 2, 3, 4, 5);
    OffsetDateTime saturday = OffsetDateTime.parse("2025-10-04T12:30:00+01:00");
    Contact call =
        Contact.of("L1", Channel.CALL, AGENT, null, null, null, MORNING, 0, 0, "batch", weekdays);
    Contact sameDay =
        Contact.of(
            "L1",
            Channel.CALL,
            AGENT,
            null,
            null,
            null,
            MORNING,
            0,
            0,
            "batch",
            BatchCampaign.of("Week", FOLDER).days(1, 2, 3, 4, 5, 6));

    Plan plan =
        plan(
            LONDON, GuardrailPolicy.defaults(), List.of(), List.of(londoner("L1")), saturday, call);
    Plan open =
        plan(
            LONDON,
            GuardrailPolicy.defaults(),
            List.of(),
            List.of(londoner("L1")),
            saturday,
            sameDay);

    Step create = plan.steps().get(0);
    assertThat(create.body().getString("scheduled_at")).isEqualTo("2025-10-06T10:00:00+01:00");
    assertThat(PlanJson.TIME.format(create.notAfter())).isEqualTo("2025-10-06T13:00:00+01:00");
    assertThat(open.steps().get(0).body().getString("scheduled_at"))
        .isEqualTo("2025-10-04T12:30:00+01:00");
  }

  @Test
  void aBatchCampaignWhoseFirstDayIsAHolidayIsScheduledForTheNextCallingDay() {
    // The customer may be called on Monday, but the campaign calls Tue-Fri only, and Tuesday is a
    // holiday.
    BatchCampaign tuesdays = BatchCampaign.of("Week", FOLDER).days(2, 3, 4, 5);
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().holiday(LocalDate.of(2025, 10, 7)).build();
    Contact call =
        Contact.of("L1", Channel.CALL, AGENT, null, null, null, MORNING, 0, 0, "batch", tuesdays);

    Plan plan = plan(LONDON, policy, List.of(), List.of(londoner("L1")), MON_1230, call);

    assertThat(plan.steps().get(0).body().getString("scheduled_at"))
        .isEqualTo("2025-10-08T10:00:00+01:00");
  }
}
