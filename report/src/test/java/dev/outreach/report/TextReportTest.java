package dev.outreach.report;

import static dev.outreach.report.Book.call;
import static dev.outreach.report.Book.sms;
import static dev.outreach.report.Book.suppress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.internal.Wrap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextReportTest {
  static final String LONG_RULE =
      "Customers who bounced twice in a quarter and speak Marathi get the regional recovery "
          + "agent in the late afternoon";

  @Test
  void everyLineFitsAHundredColumnTerminalWhateverTheRuleNames() {
    List<Customer> book = new ArrayList<>();
    List<Ruling> decisions = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String id = "LOAN-2025-" + String.format(Locale.ROOT, "%05d", i);
      book.add(Customer.builder(id).build());
      if (i % 4 == 0) {
        decisions.add(
            suppress(
                id,
                "the customer disputes the amount and asked for a written statement first",
                LONG_RULE));
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
    assertThat(text)
        .contains("Warnings:")
        .contains("Suppressed, by reason")
        .contains("rule: " + LONG_RULE.substring(0, 40));
    assertThat(text.lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Wrap.WIDTH));
  }

  @Test
  void warningsAreGroupedWithCountsAndTheFirstLoanIds() {
    String text = TextReport.render(Book.weekend(300));

    String warnings = text.substring(text.indexOf("Warnings: 600"));
    assertThat(warnings)
        .isEqualTo(
            """
        Warnings: 600
          by code, channel, outcome (moves in the customer's local time) and rule, with the first loan ids:
                294  WORKING_DAYS  SMS  moved to Mon 2025-08-11 08:00
                     rule "Overdue: SMS"; e.g. LOAN-000001, LOAN-000002, LOAN-000003, …
                196  WORKING_DAYS  CALL  moved to Mon 2025-08-11 08:00
                     rule "Overdue: call"; e.g. LOAN-000001, LOAN-000002, LOAN-000004, …
                 98  WORKING_DAYS  CALL  moved to Mon 2025-08-11 08:00
                     rule "High risk: call"; e.g. LOAN-000003, LOAN-000006, LOAN-000009, …
                  6  DO_NOT_CONTACT  SMS  dropped
                     rule "Overdue: SMS"; e.g. LOAN-000050, LOAN-000100, LOAN-000150, …
                  4  DO_NOT_CONTACT  CALL  dropped
                     rule "Overdue: call"; e.g. LOAN-000050, LOAN-000100, LOAN-000200, …
                  2  DO_NOT_CONTACT  CALL  dropped
                     rule "High risk: call"; e.g. LOAN-000150, LOAN-000300
          Every warning is in the JSON plan and `explain`.
        """);
  }

  @Test
  void atMostTwentyGroupsAreShownThenHowManyMoreAndTheirWarnings() {
    List<Plan.Warning> list = new ArrayList<>();
    for (int rule = 1; rule <= 25; rule++) {
      for (int i = 0; i < 30 - rule; i++) {
        list.add(
            new Plan.Warning(
                "COOL_OFF",
                String.format(Locale.ROOT, "LOAN-%02d-%03d", rule, i),
                String.format(Locale.ROOT, "Rule %02d", rule),
                "SMS not planned: too soon after a conversation"));
      }
    }
    list.add(
        new Plan.Warning(
            "HOLIDAY",
            null,
            "Batch rule",
            "batch \"b\" (step s0001) would call on holidays "
                + "2025-08-15: the Batch Calls API cannot skip a date, so pause the campaign on those days"));
    Plan plan = WarningGroupsTest.withWarnings(list);

    String text = TextReport.render(plan);

    assertThat(text)
        .contains("  HOLIDAY  batch \"b\" (step s0001) would call on holidays 2025-08-15")
        .contains(String.format(Locale.ROOT, "  %,d about customers, by code", list.size() - 1))
        .contains(
            "         29  COOL_OFF  SMS  dropped\n             rule \"Rule 01\"; e.g. LOAN-01-000, LOAN-01-001,")
        .contains("rule \"Rule 20\"")
        .doesNotContain("rule \"Rule 21\"")
        // rules 21 to 25 hold 9 + 8 + 7 + 6 + 5 warnings
        .endsWith(
            "  … 5 more groups (35 warnings); every warning is in the JSON plan and `explain`\n");
    assertThat(text.indexOf("Rule 01")).isLessThan(text.indexOf("Rule 02"));
    assertThat(text.lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Wrap.WIDTH));
  }

  @Test
  void fiftyThousandCustomersMovedFromAWeekendMakeAShortReportThatIsTheSameEachTime() {
    Plan plan = Book.weekend(50_000);

    String text = TextReport.render(plan);

    assertThat(plan.warnings()).hasSize(100_000);
    assertThat(text)
        .contains("Warnings: 100,000")
        .contains("  49,000  WORKING_DAYS  SMS  moved to Mon 2025-08-11 08:00");
    assertThat(text.lines().count()).isLessThan(40);
    assertThat(text.lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Wrap.WIDTH));
    assertThat(TextReport.render(plan)).isEqualTo(text);
  }
}
