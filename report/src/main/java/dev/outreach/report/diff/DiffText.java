package dev.outreach.report.diff;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Summary;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.internal.Wrap;
import dev.outreach.report.money.Tally;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link PlanDiff} for a terminal: the counts side by side, then the changed customers by kind,
 * capped.
 */
public final class DiffText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final int W = Wrap.WIDTH;

  private DiffText() {}

  /** The diff, listing at most {@code rows} customers per kind of change. */
  public static String render(PlanDiff d, int rows) {
    return render(d, rows, null);
  }

  /**
   * The diff with the money at stake and days past due of {@code money} ({@code null}: counts
   * only), listing at most {@code rows} customers per kind of change.
   */
  public static String render(PlanDiff d, int rows, DiffMoney money) {
    StringBuilder out = new StringBuilder();
    out.append("Plan diff for campaign ")
        .append(d.changed().campaignId())
        .append(", as of ")
        .append(WHEN.format(d.changed().asOf()))
        .append(" (")
        .append(d.changed().zone().getId())
        .append(")\n");
    Wrap.append(out, "  base:    ", "           ", d.baseLabel(), W);
    Wrap.append(out, "  changed: ", "           ", d.changedLabel(), W);
    out.append('\n')
        .append(
            String.format(Locale.ROOT, "  %-11s %11s %11s %9s%n", "", "base", "changed", "change"));
    Summary a = d.base().summary();
    Summary b = d.changed().summary();
    row(out, "Customers", a.customers(), b.customers());
    row(out, "Contacted", a.contacted(), b.contacted());
    row(out, "Suppressed", a.suppressed(), b.suppressed());
    row(out, "Undecided", a.undecided(), b.undecided());
    row(out, "Dropped", a.dropped(), b.dropped());
    row(out, "Requests", a.steps(), b.steps());
    for (Channel c : Channel.values()) {
      row(out, c.name(), a.byChannel().get(c), b.byChannel().get(c));
    }
    if (money != null) {
      money(out, money);
    }
    out.append(
        String.format(Locale.ROOT, "%nCustomers whose outcome changes: %,d%n", d.changes().size()));
    for (Map.Entry<Change.Kind, Integer> e : d.counts().entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-26s %,9d%s%n",
              e.getKey().words(),
              e.getValue(),
              money == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      " %18s EMI",
                      money.changed().money(money.byKind().get(e.getKey()).emi()))));
    }
    List<Map.Entry<String, Integer>> moves = d.transitions();
    if (!moves.isEmpty()) {
      out.append("\nFrom one status to another\n");
      moves.forEach(
          m ->
              out.append(
                  String.format(
                      Locale.ROOT,
                      "  %-26s %,9d%n",
                      m.getKey().toLowerCase(Locale.ROOT),
                      m.getValue())));
    }
    for (Change.Kind k : Change.Kind.values()) {
      List<Change> list = d.changes(k);
      if (list.isEmpty()) {
        continue;
      }
      String title = k.words();
      out.append(
          String.format(
              Locale.ROOT,
              "%n%s%s (%,d)%n",
              Character.toUpperCase(title.charAt(0)),
              title.substring(1),
              list.size()));
      for (Change c : list.subList(0, Math.min(rows, list.size()))) {
        out.append("  ").append(c.customerId()).append('\n');
        Wrap.append(out, "      before: ", "              ", c.before().describe(), W);
        Wrap.append(out, "      after:  ", "              ", c.after().describe(), W);
      }
      if (list.size() > rows) {
        out.append(
            String.format(
                Locale.ROOT,
                "  … and %,d more (--format json lists every one)%n",
                list.size() - rows));
      }
    }
    return out.toString();
  }

  private static void money(StringBuilder out, DiffMoney m) {
    MoneySummary a = m.base();
    MoneySummary b = m.changed();
    out.append(
        String.format(
            Locale.ROOT,
            "%nMoney at stake (sum of emi_amount%s; %s)%n  %-11s %18s %18s %18s%n",
            a.overdueGiven() ? ", overdue amounts below" : "",
            b.format().code().isEmpty() ? "no currency" : b.format().code(),
            "EMI",
            "base",
            "changed",
            "change"));
    for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
      money(out, m, MoneySummary.OUTCOMES.get(i), a.outcome(i).emi(), b.outcome(i).emi());
    }
    if (a.overdueGiven() || b.overdueGiven()) {
      out.append(String.format(Locale.ROOT, "  %-11s%n", "overdue"));
      for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
        money(out, m, MoneySummary.OUTCOMES.get(i), a.outcome(i).overdue(), b.outcome(i).overdue());
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nContacted by days past due%n  %-9s %9s %9s %9s %18s %18s%n",
            "bucket",
            "base",
            "changed",
            "change",
            "EMI base",
            "EMI changed"));
    List<String> labels = b.buckets().labels();
    for (int k = 0; k < labels.size(); k++) {
      Tally x = a.bucket(k, MoneySummary.CONTACTED);
      Tally y = b.bucket(k, MoneySummary.CONTACTED);
      out.append(
          String.format(
              Locale.ROOT,
              "  %-9s %,9d %,9d %9s %18s %18s%n",
              labels.get(k),
              x.customers(),
              y.customers(),
              x.customers() == y.customers()
                  ? ""
                  : String.format(Locale.ROOT, "%+,d", y.customers() - x.customers()),
              a.money(x.emi()),
              b.money(y.emi())));
    }
  }

  private static void money(
      StringBuilder out, DiffMoney m, String label, BigDecimal a, BigDecimal b) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-11s %18s %18s %18s%n",
            label,
            m.base().money(a),
            m.changed().money(b),
            m.change(a, b)));
  }

  private static void row(StringBuilder out, String label, long a, long b) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-11s %,11d %,11d %9s%n",
            label,
            a,
            b,
            a == b ? "" : String.format(Locale.ROOT, "%+,d", b - a)));
  }
}
