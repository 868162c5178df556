package dev.outreach.report;

import dev.outreach.core.plan.Plan;
import dev.outreach.report.money.MoneyFormat;
import dev.outreach.report.money.Tally;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text report's money and days-past-due sections; fits {@code Wrap.WIDTH} columns. */
final class MoneyText {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

  private MoneyText() {}

  /** Customers and money per outcome. */
  static void summary(StringBuilder out, MoneySummary m) {
    MoneyFormat f = m.format();
    out.append(
        String.format(
            Locale.ROOT,
            "%nMoney at stake: sum of emi_amount%s, %s, rounded half-up to whole units%n",
            m.overdueGiven() ? " and of the overdue amount" : "",
            f.code().isEmpty() ? "no currency" : f.code()));
    header(out, "  outcome", m);
    for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
      String name = MoneySummary.OUTCOMES.get(i);
      String label =
          i > MoneySummary.CONTACTED && i < MoneySummary.SUPPRESSED
              ? "  " + name
              : Character.toUpperCase(name.charAt(0)) + name.substring(1);
      row(out, "  " + label, m, m.outcome(i), true);
    }
    if (m.missing() > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "  (%,d customers of the plan are not in the portfolio and not counted here)%n",
              m.missing()));
    }
  }

  /** Customers and money per bucket and outcome. */
  static void buckets(StringBuilder out, MoneySummary m, Plan plan) {
    out.append(
        String.format(
            Locale.ROOT,
            "%nDays past due (dpd attribute, else from emi_due_date to %s in each customer's zone)%n",
            DAY.format(plan.asOf().atZoneSameInstant(plan.zone()))));
    header(out, "  bucket    outcome", m);
    List<String> labels = m.buckets().labels();
    for (int b = 0; b < labels.size(); b++) {
      boolean first = true;
      for (int i : order()) {
        Tally t = m.bucket(b, i);
        if (i != MoneySummary.ALL && t.customers() == 0) {
          continue;
        }
        String label =
            String.format(
                Locale.ROOT, "  %-9s %s", first ? labels.get(b) : "", MoneySummary.OUTCOMES.get(i));
        row(out, label, m, t, false);
        first = false;
      }
    }
  }

  /** The money of the contacts each rule makes. */
  static void rules(StringBuilder out, MoneySummary m, int rows) {
    List<Map.Entry<String, Tally>> byRule = m.byRule();
    if (byRule.isEmpty()) {
      return;
    }
    out.append("\nContacts by rule (a customer on a channel), with their EMI\n");
    for (Map.Entry<String, Tally> e : byRule.subList(0, Math.min(rows, byRule.size()))) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %,9d  %18s  %s%n",
              e.getValue().customers(),
              m.money(e.getValue().emi()),
              clip(e.getKey(), 66)));
    }
    if (byRule.size() > rows) {
      out.append(String.format(Locale.ROOT, "  … and %,d more rules%n", byRule.size() - rows));
    }
  }

  /** Each arm's money per outcome. */
  static void arms(StringBuilder out, MoneySummary m, Map<String, Tally[]> arms) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-12s %18s %18s %18s %18s%n",
            "EMI by arm",
            "contacted",
            "suppressed",
            "undecided",
            "dropped"));
    arms.forEach(
        (arm, t) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "  %-12s %18s %18s %18s %18s%n",
                    clip(arm, 12),
                    m.money(t[MoneySummary.CONTACTED].emi()),
                    m.money(t[MoneySummary.SUPPRESSED].emi()),
                    m.money(t[MoneySummary.UNDECIDED].emi()),
                    m.money(t[MoneySummary.DROPPED].emi()))));
  }

  /** Suppressed customers' money per reason and rule. */
  static void suppressed(StringBuilder out, MoneySummary m, int rows) {
    List<Map.Entry<List<String>, Tally>> list = m.suppressedBy();
    if (list.isEmpty()) {
      return;
    }
    out.append("\nSuppressed, by reason, with their EMI\n");
    for (Map.Entry<List<String>, Tally> e : list.subList(0, Math.min(rows, list.size()))) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %,9d  %18s  %s%n",
              e.getValue().customers(),
              m.money(e.getValue().emi()),
              clip(e.getKey().get(0) + " (rule \"" + e.getKey().get(1) + "\")", 66)));
    }
    if (list.size() > rows) {
      out.append(String.format(Locale.ROOT, "  … and %,d more%n", list.size() - rows));
    }
  }

  /** Who no rule covers: the undecided by bucket, status, language and chosen attributes. */
  static void undecided(StringBuilder out, MoneySummary m, int rows) {
    out.append("  Left out: undecided customers and their EMI, by segment\n");
    for (Map.Entry<String, List<Map.Entry<String, Tally>>> by : m.undecidedBy().entrySet()) {
      out.append("    by ").append(by.getKey().replace('_', ' ')).append('\n');
      List<Map.Entry<String, Tally>> l = by.getValue();
      for (Map.Entry<String, Tally> e : l.subList(0, Math.min(rows, l.size()))) {
        out.append(
            String.format(
                Locale.ROOT,
                "      %-24s %,9d %18s%n",
                clip(e.getKey(), 24),
                e.getValue().customers(),
                m.money(e.getValue().emi())));
      }
      if (l.size() > rows) {
        Tally rest = new Tally();
        l.subList(rows, l.size()).forEach(e -> rest.add(e.getValue()));
        out.append(
            String.format(
                Locale.ROOT,
                "      %-24s %,9d %18s%n",
                String.format(Locale.ROOT, "%,d others", l.size() - rows),
                rest.customers(),
                m.money(rest.emi())));
      }
    }
  }

  /** Dropped customers per guardrail. */
  static void dropped(StringBuilder out, MoneySummary m) {
    out.append("\nDropped, by the guardrail that dropped them (needs action)\n");
    for (Map.Entry<String, Tally> e : m.droppedBy()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %,9d  %18s  %s%n",
              e.getValue().customers(),
              m.money(e.getValue().emi()),
              e.getKey()));
    }
  }

  private static int[] order() {
    int[] o = new int[MoneySummary.OUTCOMES.size()];
    o[0] = MoneySummary.ALL;
    for (int i = 0; i < MoneySummary.ALL; i++) {
      o[i + 1] = i;
    }
    return o;
  }

  private static void header(StringBuilder out, String first, MoneySummary m) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %10s %18s%s%n",
            first,
            "customers",
            "EMI",
            m.overdueGiven() ? String.format(Locale.ROOT, " %18s", "overdue") : ""));
  }

  private static void row(StringBuilder out, String label, MoneySummary m, Tally t, boolean words) {
    String line =
        String.format(
            Locale.ROOT,
            "%-22s %,10d %18s%s",
            label,
            t.customers(),
            m.money(t.emi()),
            m.overdueGiven() ? String.format(Locale.ROOT, " %18s", m.money(t.overdue())) : "");
    String glance = m.format().words(t.emi());
    if (words && !glance.equals(m.money(t.emi()))) {
      line += "  (" + glance + ")";
    }
    out.append(line).append('\n');
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
