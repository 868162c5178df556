package dev.outreach.core.report;

import static dev.outreach.core.report.Book.call;
import static dev.outreach.core.report.Book.sms;
import static dev.outreach.core.report.Book.suppress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Decision;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.plan.Plan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextReportTest {
  static final String LONG_RULE = "Customers who bounced twice in a quarter and speak Marathi get the regional recovery "
      + "agent in the late afternoon";

  @Test
  void everyLineFitsAHundredColumnTerminalWhateverTheRuleNames() {
    List<Customer> book = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String id = "LOAN-2025-" + String.format(Locale.ROOT, "%05d", i);
      book.add(Customer.builder(id).build());
      if (i % 4 == 0) {
        decisions.add(suppress(id, "the customer disputes the amount and asked for a written statement first", LONG_RULE));
      } else if (i % 4 == 1) {
        decisions.add(call(id, "agent_regional_recovery_marathi_001", Timing.NOW, 0, LONG_RULE));
        decisions.add(call(id, "agent_b", Timing.NOW, 0, "another " + LONG_RULE));
      } else if (i % 4 == 2) {
        decisions.add(sms(id, "t", new Timing(LocalDate.of(2025, 8, 1), null, null), LONG_RULE));
      }
    }
    Plan plan = Book.plan(book, decisions, false);

    String text = TextReport.render(plan);

    assertThat(plan.warnings()).isNotEmpty();
    assertThat(text).contains("Warnings:").contains("Suppressed, by reason").contains("rule: " + LONG_RULE.substring(0, 40));
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Wrap.WIDTH));
  }
}
