package dev.outreach.report.html;

import dev.outreach.core.plan.Plan;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.money.Tally;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan report's money section: customers, EMI and overdue per outcome, and a chart and a table
 * of customers and amounts per days-past-due bucket by outcome.
 */
final class MoneySection {
  /** Contacted, suppressed, undecided, dropped: red only for what needs action. */
  static final String[] OUTCOME_COLORS = {"#2563eb", "#64748b", "#b45309", "#dc2626"};

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

  private final Out o;
  private final Plan plan;
  private final MoneySummary m;

  MoneySection(Out o, Plan plan, MoneySummary m, int maxRows) {
    this.o = o;
    this.plan = plan;
    this.m = m;
  }

  void write() {
    Page.section(o, "money", "Money at stake and days past due");
    o.raw("<p class=\"hint\">")
        .text(
            "EMI is the sum of emi_amount"
                + (m.overdueGiven() ? ", overdue the sum of the portfolio's overdue amount" : "")
                + ", in "
                + (m.format().code().isEmpty() ? "no currency" : m.format().code())
                + ", rounded half-up to whole units. A customer reached on two channels counts on"
                + " each channel and once in contacted. Days past due: the dpd column where given,"
                + " else the days from emi_due_date to "
                + DAY.format(plan.asOf().atZoneSameInstant(plan.zone()))
                + " in the customer's zone (0 when paid or not yet due; unknown without a due"
                + " date).")
        .raw("</p>\n");
    if (m.missing() > 0) {
      o.raw("<p class=\"hint\">")
          .text(
              String.format(
                  Locale.ROOT,
                  "%,d customers of the plan are not in the portfolio and are not counted here.",
                  m.missing()))
          .raw("</p>\n");
    }
    outcomes();
    chart();
    table();
    Page.endSection(o);
  }

  private void outcomes() {
    o.raw(
        "<table class=\"counts\" id=\"money-outcomes\"><thead><tr><th scope=\"col\">Outcome</th>"
            + "<th scope=\"col\" class=\"num\">Customers</th><th scope=\"col\" class=\"num\">EMI</th>");
    if (m.overdueGiven()) {
      o.raw("<th scope=\"col\" class=\"num\">Overdue</th>");
    }
    o.raw("<th scope=\"col\">At a glance</th></tr></thead><tbody>\n");
    for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
      Tally t = m.outcome(i);
      boolean channel = i > MoneySummary.CONTACTED && i < MoneySummary.SUPPRESSED;
      o.raw("<tr data-outcome=\"" + MoneySummary.OUTCOMES.get(i) + "\"><th scope=\"row\">")
          .text((channel ? "\u2003" : "") + MoneySummary.OUTCOMES.get(i))
          .raw("</th><td class=\"num\">")
          .num(t.customers())
          .raw("</td><td class=\"num\">")
          .text(m.money(t.emi()))
          .raw("</td>");
      if (m.overdueGiven()) {
        o.raw("<td class=\"num\">").text(m.money(t.overdue())).raw("</td>");
      }
      o.raw("<td>").text(m.format().words(t.emi())).raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
  }

  private static final int[] CHART_OUTCOMES = {
    MoneySummary.CONTACTED, MoneySummary.SUPPRESSED, MoneySummary.UNDECIDED, MoneySummary.DROPPED
  };

  private void chart() {
    List<Bar> bars = new ArrayList<>();
    List<String> labels = m.buckets().labels();
    for (int b = 0; b < labels.size(); b++) {
      long[] v = new long[CHART_OUTCOMES.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = m.bucket(b, CHART_OUTCOMES[i]).customers();
      }
      bars.add(new Bar(labels.get(b), v, m.money(m.bucket(b, MoneySummary.ALL).emi()) + " EMI"));
    }
    o.raw("<div class=\"grid\">\n");
    Charts.bars(
        o,
        "chart-bucket",
        "Customers by days past due",
        "by outcome, with the EMI of the bucket",
        List.of("contacted", "suppressed", "undecided", "dropped"),
        bars,
        Charts.WIDE,
        OUTCOME_COLORS);
    o.raw("</div>\n");
  }

  private void table() {
    int per = m.overdueGiven() ? 3 : 2;
    o.raw("<h3 id=\"bucket-table-title\">By days past due and outcome</h3>\n")
        .raw(
            "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"bucket-table-title\">")
        .raw(
            "<table class=\"counts\" id=\"bucket-table\"><thead><tr><th scope=\"col\" rowspan=\"2\">Days past due</th>");
    for (String outcome : MoneySummary.OUTCOMES) {
      o.raw("<th scope=\"colgroup\" colspan=\"" + per + "\" class=\"grp\">")
          .text(outcome)
          .raw("</th>");
    }
    o.raw("</tr><tr>");
    for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
      o.raw(
          "<th scope=\"col\" class=\"num\">Customers</th><th scope=\"col\" class=\"num\">EMI</th>");
      if (per == 3) {
        o.raw("<th scope=\"col\" class=\"num\">Overdue</th>");
      }
    }
    o.raw("</tr></thead><tbody>\n");
    List<String> labels = m.buckets().labels();
    for (int b = 0; b < labels.size(); b++) {
      o.raw("<tr data-bucket=\"")
          .text(labels.get(b))
          .raw("\"><th scope=\"row\">")
          .text(labels.get(b))
          .raw("</th>");
      for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
        cells(m.bucket(b, i), per);
      }
      o.raw("</tr>\n");
    }
    o.raw("</tbody><tfoot><tr data-bucket=\"all\"><th scope=\"row\">all</th>");
    for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
      cells(m.outcome(i), per);
    }
    o.raw("</tr></tfoot></table></div>\n");
  }

  private void cells(Tally t, int per) {
    o.raw("<td class=\"num\">")
        .num(t.customers())
        .raw("</td><td class=\"num\">")
        .text(m.money(t.emi()))
        .raw("</td>");
    if (per == 3) {
      o.raw("<td class=\"num\">").text(m.money(t.overdue())).raw("</td>");
    }
  }
}
