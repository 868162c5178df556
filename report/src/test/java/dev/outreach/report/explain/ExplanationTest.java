package dev.outreach.report.explain;

import static dev.outreach.report.Book.call;
import static dev.outreach.report.Book.sms;
import static dev.outreach.report.Book.suppress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.Book;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.explain.DecisionFate.Fate;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  static final String LONG =
      "High risk accounts that bounced twice get the recovery agent in the afternoon, "
          + "unless they asked for mornings";
  static final List<Customer> BOOK =
      List.of(
          Customer.builder("L1").phoneNumber("+919876543210").build(),
          Customer.builder("L2").build(),
          Customer.builder("L3").build());
  static final List<Ruling> DECISIONS =
      List.of(
          call("L1", "junior", Timing.NOW, 0, "a low"),
          call("L1", "senior", Timing.NOW, 5, LONG),
          sms("L1", "tpl", new Timing(LocalDate.of(2025, 8, 4), null, null), "yesterday's SMS"),
          suppress("L2", "already paid", "paid"),
          call("L2", "agent", Timing.NOW, 0, "a low"));
  static final Plan PLAN = Book.plan(BOOK, DECISIONS, false);

  static Explanation explain(String id) {
    Customer c = BOOK.stream().filter(x -> x.loanId().equals(id)).findFirst().orElseThrow();
    List<Ruling> mine =
        DECISIONS.stream().filter(d -> d.customerId().equals(id)).collect(Collectors.toList());
    return Explanation.of(PlanIndex.of(PLAN), c, Book.ZONE, List.of("classify", LONG), mine);
  }

  @Test
  void eachDecisionSaysWhetherItWasPlannedOverriddenOrDropped() {
    Explanation e = explain("L1");

    assertThat(e.status()).isEqualTo(PlanIndex.Status.CONTACTED);
    assertThat(e.decisions())
        .extracting(f -> f.decision().rule(), DecisionFate::fate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a low", Fate.OVERRIDDEN),
            org.assertj.core.groups.Tuple.tuple(LONG, Fate.PLANNED),
            org.assertj.core.groups.Tuple.tuple("yesterday's SMS", Fate.DROPPED));
    assertThat(e.decisions().get(0).otherRule()).isEqualTo(LONG);
    assertThat(e.decisions().get(0).why()).isEqualTo("higher priority on the same channel");
    assertThat(e.decisions().get(1).step().customerIds()).contains("L1");
    assertThat(e.decisions().get(2).why()).startsWith("TIMING_PASSED: SMS not planned");

    String text = ExplainText.render(e);
    assertThat(text)
        .startsWith("L1: contacted on CALL\n")
        .contains("overridden by rule \"" + LONG.substring(0, 20))
        .contains("-> planned: step " + e.decisions().get(1).step().id())
        .contains("dropped: TIMING_PASSED")
        .contains("+91******3210")
        .doesNotContain("+919876543210");
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
  }

  @Test
  void aSuppressionAppliesAndTheContactItBeatIsOverridden() {
    Explanation e = explain("L2");

    assertThat(e.status()).isEqualTo(PlanIndex.Status.SUPPRESSED);
    assertThat(e.decisions())
        .extracting(DecisionFate::fate)
        .containsExactly(Fate.SUPPRESSES, Fate.OVERRIDDEN);
    assertThat(e.decisions().get(1).otherRule()).isEqualTo("paid");
    assertThat(e.steps()).isEmpty();
    JsonObject json = JsonText.parseObject(ExplainJson.write(e));
    assertThat(json.getString("status")).isEqualTo("SUPPRESSED");
    assertThat(json.getJsonObject("suppression").getString("reason")).isEqualTo("already paid");
    assertThat(json.getJsonArray("decisions").getJsonObject(1).getString("winner"))
        .isEqualTo("paid");
    assertThat(json.getJsonArray("steps")).isEmpty();
  }

  @Test
  void aGuardrailMoveIsShownOnThePlannedDecision() {
    List<Ruling> early =
        List.of(
            call("L1", "agent", new Timing(null, java.time.LocalTime.of(7, 0), null), 0, "early"));
    Plan plan = Book.plan(BOOK, early, false);

    Explanation e =
        Explanation.of(PlanIndex.of(plan), BOOK.get(0), Book.ZONE, List.of("early"), early);

    assertThat(e.decisions().get(0).fate()).isEqualTo(Fate.PLANNED);
    assertThat(e.decisions().get(0).why()).isNotBlank();
    assertThat(e.decisions().get(0).step().notBefore().getHour()).isEqualTo(8);
    assertThat(ExplainText.render(e)).contains("moved by a guardrail");
  }

  @Test
  void anUndecidedCustomerIsSaidToBeSo() {
    Explanation e =
        Explanation.of(PlanIndex.of(PLAN), BOOK.get(2), Book.ZONE, List.of(), List.of());

    assertThat(e.status()).isEqualTo(PlanIndex.Status.UNDECIDED);
    assertThat(ExplainText.render(e)).startsWith("L3: not contacted: no rule decided anything");
  }

  @Test
  void theCustomerLinesTellTheirEmiOverdueAndDaysPastDueWithTheBucket() {
    Customer c =
        Customer.builder("M1")
            .emiAmount(new java.math.BigDecimal("70933.33"))
            .emiDueDate(LocalDate.of(2025, 6, 1))
            .paymentStatus("Bounced")
            .custom("overdue_amount", new java.math.BigDecimal("141866.5"))
            .build();
    Plan plan = Book.plan(List.of(c), List.of(call("M1", "a", Timing.NOW, 0, "r")), false);
    Explanation e = Explanation.of(PlanIndex.of(plan), c, Book.ZONE, List.of("r"), List.of());

    String text =
        ExplainText.render(
            e,
            dev.outreach.report.money.MoneyFormat.inr(),
            dev.outreach.report.money.Buckets.DEFAULT);
    JsonObject json =
        ExplainJson.toJson(
            e,
            dev.outreach.report.money.MoneyFormat.inr(),
            dev.outreach.report.money.Buckets.parse("0,30,60"));

    // 1 June to 5 August: 65 days
    assertThat(text).contains("  EMI ₹70,933 (overdue ₹1,41,867); 65 days past due (61–90)\n");
    assertThat(json.getJsonObject("money").toString())
        .isEqualTo(
            "{\"currency\":\"INR\",\"emi\":70933.33,\"overdue\":141866.5,"
                + "\"daysPastDue\":65,\"bucket\":\"60+\"}");
  }
}
