package dev.outreach.core.guardrail;

import static dev.outreach.core.guardrail.GuardrailsTest.IST;
import static dev.outreach.core.guardrail.GuardrailsTest.ist;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.guardrail.ContactHistory.Attempt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frequency caps and cool-offs over the contact history. */
class GuardrailsHistoryTest {
  static final GuardrailPolicy CAPPED =
      GuardrailPolicy.defaults().toBuilder().cap(FrequencyCap.days(Channel.CALL, 7, 7)).build();

  /** One call a day at {@code time}, from 2025-08-01 for {@code days} days. */
  static List<Attempt> dailyCalls(int days, String time, String outcome) {
    List<Attempt> out = new ArrayList<>();
    for (int d = 1; d <= days; d++) {
      out.add(
          new Attempt("L1", Channel.CALL, ist("2025-08-0" + d + "T" + time).toInstant(), outcome));
    }
    return out;
  }

  static Verdict call(GuardrailPolicy policy, List<Attempt> history, String at) {
    return new Guardrails(policy, ContactHistory.of(history))
        .check("L1", Channel.CALL, IST, ist(at), null, false);
  }

  @Test
  void anEighthCallInSevenDaysWaitsUntilTheOldestAgesOut() {
    Verdict v = call(CAPPED, dailyCalls(7, "10:00", "no_answer"), "2025-08-07T15:00");

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-08T10:00"),
                ist("2025-08-08T19:00"),
                Guardrail.FREQUENCY_CAP,
                "call at Thu 2025-08-07 15:00 Asia/Kolkata would exceed the cap of 7 calls in 7 days"
                    + " (7 already made; the next is allowed from Fri 2025-08-08 10:00); moved to Fri 2025-08-08 10:00"));
  }

  @Test
  void fewerAttemptsThanTheCapAreAllowed() {
    assertThat(call(CAPPED, dailyCalls(6, "10:00", "no_answer"), "2025-08-07T15:00"))
        .isInstanceOf(Verdict.Allowed.class);
  }

  @Test
  void anAttemptExactlyThePeriodAgoHasAgedOut() {
    assertThat(call(CAPPED, dailyCalls(7, "10:00", "no_answer"), "2025-08-08T10:00"))
        .isInstanceOf(Verdict.Allowed.class);
  }

  @Test
  void aCapOnCallsLeavesMessagesAlone() {
    Verdict sms =
        new Guardrails(CAPPED, ContactHistory.of(dailyCalls(7, "10:00", "no_answer")))
            .check("L1", Channel.SMS, IST, ist("2025-08-07T15:00"), null, false);

    assertThat(sms).isInstanceOf(Verdict.Allowed.class);
  }

  @Test
  void whenTheCapFreesOutsideCallingHoursTheCallWaitsForThem() {
    Verdict v = call(CAPPED, dailyCalls(7, "07:00", "no_answer"), "2025-08-07T15:00");

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Moved.class, m -> assertThat(m.notBefore()).isEqualTo(ist("2025-08-08T08:00")));
  }

  @Test
  void aDropPolicyBlocksACappedCall() {
    GuardrailPolicy drop = CAPPED.toBuilder().onViolation(OnViolation.DROP).build();

    Verdict v = call(drop, dailyCalls(7, "10:00", "no_answer"), "2025-08-07T15:00");

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Blocked.class,
            b -> {
              assertThat(b.guardrail()).isEqualTo(Guardrail.FREQUENCY_CAP);
              assertThat(b.why())
                  .contains("the next is allowed from Fri 2025-08-08 10:00")
                  .endsWith("(onViolation DROP)");
            });
  }

  @Test
  void noCallWithinSevenDaysAfterAConversation() {
    List<Attempt> history =
        List.of(
            new Attempt("L1", Channel.CALL, ist("2025-08-01T11:00").toInstant(), "Conversation"),
            new Attempt("L1", Channel.CALL, ist("2025-08-03T11:00").toInstant(), "no_answer"));

    Verdict v = call(GuardrailPolicy.usRegF(), history, "2025-08-05T10:00");

    assertThat(v)
        .isEqualTo(
            new Verdict.Moved(
                ist("2025-08-08T11:00"),
                ist("2025-08-08T21:00"),
                Guardrail.COOL_OFF,
                "call at Tue 2025-08-05 10:00 Asia/Kolkata is within 7 days after a conversation"
                    + " (call on Fri 2025-08-01 11:00, outcome conversation; allowed again from Fri 2025-08-08 11:00);"
                    + " moved to Fri 2025-08-08 11:00"));
  }

  @Test
  void otherOutcomesStartNoCoolOff() {
    List<Attempt> history =
        List.of(new Attempt("L1", Channel.CALL, ist("2025-08-01T11:00").toInstant(), "busy"));

    assertThat(call(GuardrailPolicy.usRegF(), history, "2025-08-05T10:00"))
        .isInstanceOf(Verdict.Allowed.class);
  }

  @Test
  void aCoolOffBeyondTheHorizonBlocks() {
    GuardrailPolicy policy = GuardrailPolicy.usRegF().toBuilder().horizonDays(2).build();
    List<Attempt> history =
        List.of(
            new Attempt("L1", Channel.CALL, ist("2025-08-01T11:00").toInstant(), "conversation"));

    Verdict v = call(policy, history, "2025-08-05T10:00");

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Blocked.class,
            b -> {
              assertThat(b.guardrail()).isEqualTo(Guardrail.COOL_OFF);
              assertThat(b.why())
                  .endsWith("dropped: no allowed time within 2 days (the policy's horizon)");
            });
  }

  @Test
  void otherLoansHistoriesDoNotCount() {
    Verdict v =
        new Guardrails(CAPPED, ContactHistory.of(dailyCalls(7, "10:00", "no_answer")))
            .check("L2", Channel.CALL, IST, ist("2025-08-07T15:00"), null, false);

    assertThat(v).isInstanceOf(Verdict.Allowed.class);
  }
}
