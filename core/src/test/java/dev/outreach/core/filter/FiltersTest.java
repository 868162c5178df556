package dev.outreach.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.JsonText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FiltersTest {
  static final List<Customer> BOOK =
      List.of(
          Customer.builder("L1")
              .paymentStatus("bounced")
              .language("hindi")
              .emiAmount(new BigDecimal("5000"))
              .emiDueDate(LocalDate.of(2025, 8, 1))
              .custom("branch", "mumbai")
              .custom("dpd", new BigDecimal("31"))
              .build(),
          Customer.builder("L2")
              .paymentStatus("pending")
              .language("english")
              .emiAmount(new BigDecimal("20000.00"))
              .emiDueDate(LocalDate.of(2025, 8, 31))
              .custom("branch", "pune")
              .build(),
          Customer.builder("L3").paymentStatus("paid").build());

  static List<String> select(String filtersJson) {
    Predicate<Customer> m = FilterJson.fromJson(JsonText.parseObject(filtersJson)).matcher();
    return BOOK.stream().filter(m).map(Customer::loanId).collect(Collectors.toList());
  }

  @Test
  void keysAreAndedAndAbsentKeysDoNotRestrict() {
    assertThat(select("{}")).containsExactly("L1", "L2", "L3");
    assertThat(select("{\"payment_status\":\"bounced\"}")).containsExactly("L1");
    assertThat(select("{\"payment_status\":[\"bounced\",\"pending\"],\"language\":\"english\"}"))
        .containsExactly("L2");
    assertThat(select("{\"ids\":[\"L1\",\"L3\",\"L9\"],\"exclude_ids\":[\"L3\"]}"))
        .containsExactly("L1");
  }

  @Test
  void rangesAreInclusiveAndMissingValuesNeverMatchThem() {
    assertThat(select("{\"emi_due_date\":{\"from\":\"2025-08-01\",\"to\":\"2025-08-31\"}}"))
        .containsExactly("L1", "L2");
    assertThat(select("{\"emi_due_date\":{\"from\":\"2025-08-02\"}}")).containsExactly("L2");
    assertThat(select("{\"emi_amount\":{\"min\":5000,\"max\":20000}}")).containsExactly("L1", "L2");
    assertThat(select("{\"emi_amount\":{\"max\":4999.99}}")).isEmpty();
  }

  @Test
  void customValuesMatchByValueWithNumbersComparedNumerically() {
    assertThat(select("{\"custom\":{\"branch\":\"mumbai\"}}")).containsExactly("L1");
    assertThat(select("{\"custom\":{\"branch\":[\"pune\",\"delhi\"]}}")).containsExactly("L2");
    assertThat(select("{\"custom\":{\"dpd\":31.0}}")).containsExactly("L1");
    assertThat(select("{\"custom\":{\"dpd\":\"31\"}}")).containsExactly("L1");
    assertThat(select("{\"custom\":{\"branch\":\"mumbai\",\"dpd\":30}}")).isEmpty();
  }

  @Test
  void jsonRoundTripKeepsMeaningAndDocumentedKeyOrder() {
    String text =
        "{\"ids\":[\"a\"],\"exclude_ids\":[\"b\"],\"payment_status\":\"p\",\"language\":[\"x\",\"y\"],"
            + "\"emi_due_date\":{\"from\":\"2025-08-01\",\"to\":\"2025-08-02\"},\"emi_amount\":{\"min\":1,\"max\":2.5},"
            + "\"custom\":{\"k\":[\"v\",3,true],\"one\":\"only\"}}";

    Filters f = FilterJson.fromJson(JsonText.parseObject(text));

    assertThat(JsonText.compact(FilterJson.toJson(f))).isEqualTo(text);
  }

  @Test
  void malformedFiltersAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> select("{\"idz\":[\"a\"]}"))
        .hasMessageContaining("filters.idz is not a known filter");
    assertThatThrownBy(() -> select("{\"ids\":\"a\"}"))
        .hasMessageContaining("filters.ids must be an array");
    assertThatThrownBy(() -> select("{\"emi_amount\":{\"min\":\"5\"}}"))
        .hasMessageContaining("filters.emi_amount.min must be a number");
    assertThatThrownBy(() -> select("{\"emi_due_date\":{\"from\":\"tomorrow\"}}"))
        .hasMessageContaining("filters.emi_due_date.from");
    assertThatThrownBy(() -> select("{\"ids\":[]}")).hasMessageContaining("filters.ids is empty");
    assertThatThrownBy(() -> select("{\"ids\":[\"\"]}"))
        .hasMessageContaining("filters.ids holds an empty string");
    assertThatThrownBy(() -> select("{\"emi_amount\":{\"minimum\":1}}"))
        .hasMessageContaining("filters.emi_amount.minimum is not known");
    assertThatThrownBy(() -> select("{\"emi_due_date\":{\"start\":\"2025-08-01\"}}"))
        .hasMessageContaining("filters.emi_due_date.start is not known");
  }
}
