package dev.outreach.report;

import static dev.outreach.report.Book.call;
import static dev.outreach.report.Book.sms;
import static dev.outreach.report.Book.suppress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.ExperimentResult;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.MoneyFormat;
import dev.outreach.report.money.Tally;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneySummaryTest {
  static List<Customer> book(int n) {
    List<Customer> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          Customer.builder(String.format(Locale.ROOT, "LOAN-%05d", i))
              .emiAmount(new BigDecimal(i).add(new BigDecimal("0.25")))
              .emiDueDate(i % 10 == 0 ? null : LocalDate.of(2025, 8, 5).minusDays(i))
              .paymentStatus(i % 7 == 0 ? "PAID" : "bounced")
              .language(i % 2 == 0 ? "hindi" : "tamil")
              .custom("segment", i % 3 == 0 ? "sme" : "retail")
              .build());
    }
    return out;
  }

  static List<Ruling> decisions(int n) {
    List<Ruling> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String id = String.format(Locale.ROOT, "LOAN-%05d", i);
      if (i % 5 == 0) {
        out.add(suppress(id, "paid", "Paid"));
      } else if (i % 4 != 0) {
        out.add(call(id, "agent", Timing.NOW, 0, "Call"));
        if (i % 3 == 0) {
          out.add(sms(id, "tpl", Timing.NOW, "SMS"));
        }
      }
    }
    return out;
  }

  @Test
  void everyArmsMoneyCountsTheCustomersThePlanPutInThatArm() {
    Plan plan =
        Planner.builder("CAMP")
            .zone(Book.ZONE)
            .experiments(List.of(Experiment.parse("tone=a:70,b:30")))
            .guardrails(new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty()))
            .build()
            .plan(book(200), Book.source(decisions(200)), Book.AS_OF);

    MoneySummary m =
        MoneySummary.of(
            PlanIndex.of(plan), book(200), MoneyFormat.inr(), Buckets.DEFAULT, List.of("segment"));

    BigDecimal contacted = BigDecimal.ZERO;
    for (ExperimentResult.ArmResult a : plan.experiments().get(0).arms()) {
      Tally[] t = m.arms().get("tone").get(a.arm());
      assertThat(t[MoneySummary.ALL].customers()).as(a.arm()).isEqualTo(a.customers());
      assertThat(t[MoneySummary.CONTACTED].customers()).as(a.arm()).isEqualTo(a.contacted());
      assertThat(t[MoneySummary.SUPPRESSED].customers()).as(a.arm()).isEqualTo(a.suppressed());
      assertThat(t[MoneySummary.UNDECIDED].customers()).as(a.arm()).isEqualTo(a.undecided());
      contacted = contacted.add(t[MoneySummary.CONTACTED].emi());
    }
    assertThat(contacted).isEqualByComparingTo(m.outcome(MoneySummary.CONTACTED).emi());
  }

  @Test
  void sumsAreExactAndEveryCustomerIsInOneBucketWithTheUnknownKeptApart() {
    Plan plan = Book.plan(book(200), decisions(200), false);
    MoneySummary m =
        MoneySummary.of(
            PlanIndex.of(plan), book(200), MoneyFormat.inr(), Buckets.DEFAULT, List.of("segment"));

    // 1.25 + 2.25 + … + 200.25 = 20,100 + 50
    assertThat(m.outcome(MoneySummary.ALL).emi()).isEqualByComparingTo("20150.00");
    long customers = 0;
    BigDecimal emi = BigDecimal.ZERO;
    for (int b = 0; b < m.buckets().size(); b++) {
      customers += m.bucket(b, MoneySummary.ALL).customers();
      emi = emi.add(m.bucket(b, MoneySummary.ALL).emi());
    }
    assertThat(customers).isEqualTo(200);
    assertThat(emi).isEqualByComparingTo("20150.00");
    // no due date: every 10th, unless paid (every 7th; 70 and 140 are both)
    assertThat(m.bucket(m.buckets().unknown(), MoneySummary.ALL).customers()).isEqualTo(18);
    assertThat(m.undecidedBy())
        .containsKeys(MoneySummary.BY_BUCKET, "payment_status", "language", "segment");
    assertThat(m.undecidedBy().get(MoneySummary.BY_BUCKET)).hasSize(m.buckets().size());
    long undecided =
        m.undecidedBy().get("segment").stream().mapToLong(e -> e.getValue().customers()).sum();
    assertThat(undecided).isEqualTo(plan.undecided().size());
  }
}
