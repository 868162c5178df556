package dev.outreach.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailPolicyTest {
  @Test
  void theDefaultsAreTheRbiCallingHoursForEveryChannelOnEveryDay() {
    GuardrailPolicy p = GuardrailPolicy.defaults();

    for (Channel c : Channel.values()) {
      assertThat(p.hoursOf(c)).contains(new ContactHours(LocalTime.of(8, 0), LocalTime.of(19, 0)));
    }
    assertThat(p.workingDays()).isEqualTo(EnumSet.allOf(DayOfWeek.class));
    assertThat(p.holidays()).isEmpty();
    assertThat(p.doNotContact()).isEmpty();
    assertThat(p.caps()).isEmpty();
    assertThat(p.coolOffs()).isEmpty();
    assertThat(p.onViolation()).isEqualTo(OnViolation.MOVE);
    assertThat(p.horizonDays()).isEqualTo(14);
  }

  @Test
  void regulationFAllowsEightToNineCapsCallsAndCoolsOffAfterAConversation() {
    GuardrailPolicy p = GuardrailPolicy.usRegF();

    for (Channel c : Channel.values()) {
      assertThat(p.hoursOf(c)).contains(ContactHours.of("08:00", "21:00"));
    }
    assertThat(p.caps()).containsExactly(FrequencyCap.days(Channel.CALL, 7, 7));
    assertThat(p.coolOffs()).containsExactly(CoolOff.days(Channel.CALL, 7, "conversation"));
    assertThat(p.workingDays()).hasSize(7);
    assertThat(p.onViolation()).isEqualTo(OnViolation.MOVE);
  }

  @Test
  void noneRestrictsNothing() {
    GuardrailPolicy p = GuardrailPolicy.none();

    assertThat(p.hours()).isEmpty();
    assertThat(p.workingDays()).hasSize(7);
    assertThat(p.caps()).isEmpty();
    assertThat(p.coolOffs()).isEmpty();
    assertThat(p.doNotContact()).isEmpty();
  }

  @Test
  void mistakesFailWhereTheyAreMade() {
    assertThatThrownBy(() -> ContactHours.of("19:00", "08:00"))
        .hasMessage("from 19:00 is not before to 08:00 (hours may not cross midnight)");
    assertThatThrownBy(() -> ContactHours.of("8am", "19:00"))
        .hasMessage("\"8am\" is not a time as HH:mm");
    assertThatThrownBy(() -> GuardrailPolicy.builder().workingDays(List.of()))
        .hasMessageContaining("workingDays is empty");
    assertThatThrownBy(() -> FrequencyCap.days(Channel.CALL, 0, 7))
        .hasMessageContaining("do-not-contact list");
    assertThatThrownBy(() -> GuardrailPolicy.builder().horizonDays(400))
        .hasMessageContaining("0 to 366");
    assertThatThrownBy(() -> CoolOff.days(Channel.CALL, 7))
        .hasMessageContaining("afterOutcomes is empty");
  }

  @Test
  void aLongDoNotContactListIsCountedNotPrinted() {
    GuardrailPolicy p = GuardrailPolicy.builder().doNotContact(List.of("L1", "L2")).build();

    assertThat(p.toString()).contains("doNotContact=2 loans").doesNotContain("L1");
  }
}
