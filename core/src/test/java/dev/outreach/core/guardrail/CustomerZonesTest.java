package dev.outreach.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.CustomerZones;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CustomerZonesTest {
  static final ZoneId PLAN = ZoneId.of("Asia/Kolkata");

  @Test
  void aCustomersTimezoneAttributeIsItsZone() {
    Customer c = Customer.builder("LOAN-1").custom("timezone", "America/New_York").build();

    assertThat(CustomerZones.zoneOf(c, PLAN)).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void withoutTheAttributeThePlansZoneIsUsed() {
    assertThat(CustomerZones.zoneOf(Customer.builder("LOAN-1").build(), PLAN)).isEqualTo(PLAN);
  }

  @Test
  void aZoneThatDoesNotExistNamesTheLoanAndTheValue() {
    Customer typo = Customer.builder("LOAN-1").custom("timezone", "Asia/Kolkatta").build();
    Customer lowerCase = Customer.builder("LOAN-2").custom("timezone", "asia/kolkata").build();

    assertThatThrownBy(() -> CustomerZones.zoneOf(typo, PLAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "LOAN-1: timezone \"Asia/Kolkatta\" is not a time zone (IANA id like Asia/Kolkata)");
    assertThatThrownBy(() -> CustomerZones.zoneOf(lowerCase, PLAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "LOAN-2: timezone \"asia/kolkata\" is not a time zone (IANA id like Asia/Kolkata;"
                + " did you mean Asia/Kolkata?)");
  }
}
