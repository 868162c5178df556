package dev.outreach.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared-keys map a CSV portfolio's customers hold their custom attributes in behaves as a Map.
 */
class ColumnMapTest {
  private final ColumnMap.Columns columns =
      new ColumnMap.Columns(List.of("branch", "dpd", "dnc", "segment"));

  @Test
  void isEqualToAnyMapWithTheSameEntriesAndSkipsAbsentOnes() {
    ColumnMap m = columns.map(new Object[] {"north", new BigDecimal("12"), null, "seg_1"});
    Map<String, Object> plain =
        new HashMap<>(Map.of("branch", "north", "dpd", new BigDecimal("12"), "segment", "seg_1"));

    assertThat(m)
        .isEqualTo(plain)
        .hasSize(3)
        .doesNotContainKey("dnc")
        .containsEntry("dpd", new BigDecimal("12"));
    assertThat(plain).isEqualTo(m);
    assertThat(m.hashCode()).isEqualTo(plain.hashCode());
    assertThat(m.get("dnc")).isNull();
    assertThat(m.get("nope")).isNull();
    assertThat(new ArrayList<>(m.keySet()))
        .containsExactly("branch", "dpd", "segment"); // column order
    assertThatThrownBy(() -> m.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().next().setValue("z"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEmptyRowIsAnEmptyMap() {
    ColumnMap m = columns.map(new Object[4]);
    assertThat(m).isEqualTo(Map.of());
    assertThat(m.isEmpty()).isTrue();
    assertThat(m.entrySet().iterator().hasNext()).isFalse();
  }

  @Test
  void aCustomerHoldingOneEqualsTheSameCustomerBuiltAttributeByAttribute() {
    Customer shared =
        Customer.builder("L1")
            .paymentStatus("bounced")
            .customAll(columns.map(new Object[] {"north", null, Boolean.TRUE, null}))
            .build();
    Customer built =
        Customer.builder("L1")
            .paymentStatus("bounced")
            .custom("dnc", true)
            .custom("branch", "north")
            .build();

    assertThat(shared).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(shared.custom()).isInstanceOf(ColumnMap.class);
    // Adding to it later copies it: the shared map is never changed.
    Customer more = Customer.builder("L1").customAll(shared.custom()).custom("extra", "x").build();
    assertThat(more.custom()).containsEntry("extra", "x").containsEntry("branch", "north");
    assertThat(shared.custom()).doesNotContainKey("extra");
  }

  @Test
  void columnsMustBeDistinctAndValuesMatchThem() {
    assertThatThrownBy(() -> new ColumnMap.Columns(List.of("a", "a")))
        .hasMessageContaining("a appears twice");
    assertThatThrownBy(() -> columns.map(new Object[2]))
        .hasMessageContaining("2 values for 4 columns");
  }
}
