package dev.outreach.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterCompiler.Compiled;
import dev.outreach.core.filter.FilterCompiler.Mode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterCompilerTest {
  static final String[] STATUS = {"pending", "bounced", "paid", "partial"};
  static final String[] LANGUAGE = {"hindi", "english", "tamil", "marathi"};

  static final List<Customer> BOOK =
      IntStream.range(0, 2_000)
          .mapToObj(
              i ->
                  Customer.builder(String.format(Locale.ROOT, "LOAN-%05d", i))
                      .paymentStatus(STATUS[i % 4])
                      .language(LANGUAGE[(i / 4) % 4])
                      .emiAmount(BigDecimal.valueOf(1_000 + (i % 50) * 100L))
                      .emiDueDate(LocalDate.of(2025, 8, 1).plusDays(i % 30))
                      .custom("branch", i % 3 == 0 ? "mumbai" : "pune")
                      .build())
          .collect(Collectors.toList());

  static List<Customer> where(Predicate<Customer> p) {
    return BOOK.stream().filter(p).collect(Collectors.toList());
  }

  static String json(Compiled c) {
    return FilterJson.toJson(c.filters()).toString();
  }

  static void assertSelectsExactly(List<Compiled> compiled, List<Customer> audience) {
    List<String> selected =
        compiled.stream()
            .flatMap(c -> BOOK.stream().filter(c.filters().matcher()))
            .map(Customer::loanId)
            .collect(Collectors.toList());
    assertThat(selected)
        .containsExactlyInAnyOrderElementsOf(audience.stream().map(Customer::loanId).toList());
  }

  @Test
  void anAttributeShapedAudienceGetsOneAttributeFilter() {
    List<Customer> bounced = where(c -> c.paymentStatus().equals("bounced"));

    List<Compiled> out = new FilterCompiler(BOOK, Mode.COMPACT, 10_000).compile(bounced);

    assertThat(out)
        .singleElement()
        .satisfies(c -> assertThat(json(c)).isEqualTo("{\"payment_status\":\"bounced\"}"));
    assertSelectsExactly(out, bounced);
  }

  @Test
  void afewExceptionsAreExcludedById() {
    List<Customer> audience =
        where(
            c ->
                c.paymentStatus().equals("bounced")
                    && c.language().equals("hindi")
                    && !c.loanId().equals("LOAN-00001")
                    && !c.loanId().equals("LOAN-00017"));

    List<Compiled> out = new FilterCompiler(BOOK, Mode.COMPACT, 10_000).compile(audience);

    assertThat(out)
        .singleElement()
        .satisfies(
            c ->
                assertThat(json(c))
                    .isEqualTo(
                        "{\"exclude_ids\":[\"LOAN-00001\",\"LOAN-00017\"],\"payment_status\":\"bounced\",\"language\":\"hindi\"}"));
    assertSelectsExactly(out, audience);
  }

  @Test
  void rangesAndCustomValuesAreUsedWhenTheyAreWhatTheRulesSaid() {
    List<Customer> audience =
        where(
            c ->
                c.emiAmount().compareTo(BigDecimal.valueOf(5_000)) >= 0
                    && "mumbai".equals(c.attribute("branch")));

    List<Compiled> out = new FilterCompiler(BOOK, Mode.COMPACT, 10_000).compile(audience);

    assertThat(json(out.get(0)))
        .contains("\"emi_amount\":{\"min\":5000")
        .contains("\"custom\":{\"branch\":\"mumbai\"}")
        .doesNotContain("\"ids\"");
    assertSelectsExactly(out, audience);
  }

  @Test
  void aUnionOfTwoAttributeShapedAudiencesIsOneRequestPerPartWithoutExclusions() {
    // late and large among the bounced, and the Hindi speakers among the pending: no one AND fits
    List<Customer> audience =
        where(
            c ->
                c.paymentStatus().equals("bounced")
                        && c.emiAmount().compareTo(BigDecimal.valueOf(4_000)) >= 0
                    || c.paymentStatus().equals("pending") && c.language().equals("hindi"));

    List<Compiled> out = new FilterCompiler(BOOK, Mode.COMPACT, 10_000).compile(audience);

    assertSelectsExactly(out, audience);
    assertThat(out).hasSize(2);
    assertThat(out).allSatisfy(c -> assertThat(c.filters().excludeIds()).isNull());
    assertThat(out.stream().map(FilterCompilerTest::json))
        .containsExactlyInAnyOrder(
            "{\"payment_status\":\"pending\",\"language\":\"hindi\"}",
            "{\"payment_status\":\"bounced\",\"emi_amount\":{\"min\":4100}}");
  }

  @Test
  void aScatteredAudienceFallsBackToIdsSplitByTheCap() {
    List<Customer> scattered = where(c -> c.loanId().hashCode() % 7 == 0).subList(0, 25);

    List<Compiled> out = new FilterCompiler(BOOK, Mode.COMPACT, 10).compile(scattered);

    assertThat(out)
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.filters().ids()).hasSizeLessThanOrEqualTo(10));
    assertSelectsExactly(out, scattered);
  }

  @Test
  void theWholeSnapshotIsStillSelectedByAFilterNeverByNone() {
    List<Compiled> out = new FilterCompiler(BOOK, Mode.COMPACT, 10_000).compile(BOOK);

    // A body without filters would reach the whole campaign on the server, which may hold more
    // customers.
    assertThat(out).singleElement().satisfies(c -> assertThat(c.filters().isAll()).isFalse());
    assertSelectsExactly(out, BOOK);
  }

  @Test
  void idsModeNeverUsesAttributes() {
    List<Customer> bounced = where(c -> c.paymentStatus().equals("bounced"));

    List<Compiled> out = new FilterCompiler(BOOK, Mode.IDS, 200).compile(bounced);

    assertThat(out).hasSize(3).allSatisfy(c -> assertThat(json(c)).startsWith("{\"ids\":["));
    assertSelectsExactly(out, bounced);
  }

  @Test
  void missingValuesInTheAudienceRuleOutThatAttribute() {
    List<Customer> book =
        List.of(
            Customer.builder("A").paymentStatus("pending").build(),
            Customer.builder("B").build(),
            Customer.builder("C").paymentStatus("paid").build());

    List<Compiled> out = new FilterCompiler(book, Mode.COMPACT, 10).compile(book.subList(0, 2));

    assertThat(book.stream().filter(out.get(0).filters().matcher()).map(Customer::loanId))
        .containsExactly("A", "B");
  }
}
