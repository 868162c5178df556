package dev.outreach.report.html;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Summary;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.diff.Change;
import dev.outreach.report.diff.DiffMoney;
import dev.outreach.report.diff.PlanDiff;
import dev.outreach.report.money.Tally;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link PlanDiff} as one self-contained HTML page: the two plans' counts side by side, a chart
 * of the changes by kind, the moves between statuses, and the changed customers of each kind
 * (capped at {@code maxRows} per kind; the JSON diff lists every one).
 */
public final class HtmlDiff {
  private HtmlDiff() {}

  /** Writes the page for {@code d} to {@code to} (not closed). */
  public static void write(PlanDiff d, int maxRows, Writer to) throws IOException {
    write(d, maxRows, to, null);
  }

  /**
   * Writes the page for {@code d} with the money at stake and days past due of {@code money}
   * ({@code null}: counts only) to {@code to} (not closed).
   */
  public static void write(PlanDiff d, int maxRows, Writer to, DiffMoney money) throws IOException {
    try {
      page(new Out(to), d, maxRows, money);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The page as text. */
  public static String render(PlanDiff d, int maxRows) {
    StringWriter w = new StringWriter();
    try {
      write(d, maxRows, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void page(Out o, PlanDiff d, int maxRows, DiffMoney money) {
    Page.open(o, "Outreach plan diff: " + d.changed().campaignId());
    o.raw("<header><h1>Plan diff <span class=\"campaign\">")
        .text(d.changed().campaignId())
        .raw("</span></h1>\n")
        .raw("<p class=\"sub\">")
        .text(
            "As of "
                + PlanPage.WHEN.format(d.changed().asOf())
                + " ("
                + d.changed().zone().getId()
                + "). Base: "
                + d.baseLabel()
                + ". Changed: "
                + d.changedLabel()
                + ".")
        .raw("</p></header>\n");
    Page.section(o, "summary", "Counts");
    o.raw(
        "<table class=\"counts\"><thead><tr><th scope=\"col\"><span class=\"vh\">Count</span></th>"
            + "<th scope=\"col\" class=\"num\">Base</th><th scope=\"col\" class=\"num\">Changed</th>"
            + "<th scope=\"col\" class=\"num\">Change</th></tr></thead><tbody>\n");
    Summary a = d.base().summary();
    Summary b = d.changed().summary();
    row(o, "Customers", a.customers(), b.customers());
    row(o, "Contacted", a.contacted(), b.contacted());
    row(o, "Suppressed", a.suppressed(), b.suppressed());
    row(o, "Undecided", a.undecided(), b.undecided());
    row(o, "Dropped", a.dropped(), b.dropped());
    row(o, "Requests", a.steps(), b.steps());
    for (Channel c : Channel.values()) {
      row(o, c.name(), a.byChannel().get(c), b.byChannel().get(c));
    }
    o.raw("</tbody></table>\n");
    Page.endSection(o);
    if (money != null) {
      money(o, money);
    }

    Page.section(
        o,
        "changes",
        String.format(Locale.ROOT, "Customers whose outcome changes: %,d", d.changes().size()));
    List<Bar> bars = new ArrayList<>();
    for (Map.Entry<Change.Kind, Integer> e : d.counts().entrySet()) {
      bars.add(new Bar(e.getKey().words(), new long[] {e.getValue()}));
    }
    o.raw("<div class=\"grid\">\n");
    Charts.bars(o, "chart-kinds", "By kind of change", null, List.of("customers"), bars);
    o.raw("</div>\n");
    if (!d.transitions().isEmpty()) {
      o.raw(
          "<h3>From one status to another</h3><table class=\"counts\"><thead><tr><th class=\"num\">Customers</th>"
              + "<th>From</th><th>To</th></tr></thead><tbody>\n");
      for (Map.Entry<String, Integer> m : d.transitions()) {
        String[] fromTo = m.getKey().split(" -> ");
        o.raw("<tr><td class=\"num\">")
            .num(m.getValue())
            .raw("</td><td>")
            .text(fromTo[0].toLowerCase(Locale.ROOT))
            .raw("</td><td>")
            .text(fromTo[1].toLowerCase(Locale.ROOT))
            .raw("</td></tr>\n");
      }
      o.raw("</tbody></table>\n");
    }
    Page.endSection(o);

    for (Change.Kind k : Change.Kind.values()) {
      List<Change> list = d.changes(k);
      if (list.isEmpty()) {
        continue;
      }
      Page.section(
          o,
          "kind-" + k.name(),
          String.format(Locale.ROOT, "%s: %,d", capital(k.words()), list.size())
              + (money == null
                  ? ""
                  : ", " + money.changed().money(money.byKind().get(k).emi()) + " of EMIs"));
      o.raw(
          "<table class=\"rows\"><thead><tr><th>Loan id</th><th>Base</th><th>Changed</th></tr></thead><tbody>\n");
      for (Change c : list.subList(0, Math.min(maxRows, list.size()))) {
        o.raw("<tr><td class=\"id\">")
            .text(c.customerId())
            .raw("</td><td class=\"removed\">")
            .text(c.before().describe())
            .raw("</td><td class=\"added\">")
            .text(c.after().describe())
            .raw("</td></tr>\n");
      }
      o.raw("</tbody></table>\n");
      Page.more(
          o, list.size(), Math.min(maxRows, list.size()), "are in the JSON diff (--format json)");
      Page.endSection(o);
    }
    if (d.changes().isEmpty()) {
      o.raw("<p class=\"empty\">No customer's outcome changes.</p>\n");
    }
    Page.close(o);
  }

  private static void money(Out o, DiffMoney m) {
    MoneySummary a = m.base();
    MoneySummary b = m.changed();
    Page.section(o, "money", "Money at stake");
    o.raw("<p class=\"hint\">")
        .text(
            "Sum of emi_amount per outcome, in "
                + (b.format().code().isEmpty() ? "no currency" : b.format().code())
                + ", rounded half-up to whole units.")
        .raw("</p>\n");
    o.raw(
        "<table class=\"counts\" id=\"money-outcomes\"><thead><tr><th scope=\"col\">Outcome</th>"
            + "<th scope=\"col\" class=\"num\">EMI base</th><th scope=\"col\" class=\"num\">EMI changed</th>"
            + "<th scope=\"col\" class=\"num\">Change</th></tr></thead><tbody>\n");
    for (int i = 0; i < MoneySummary.OUTCOMES.size(); i++) {
      BigDecimal x = a.outcome(i).emi();
      BigDecimal y = b.outcome(i).emi();
      o.raw("<tr><th scope=\"row\">")
          .text(MoneySummary.OUTCOMES.get(i))
          .raw("</th><td class=\"num\">")
          .text(a.money(x))
          .raw("</td><td class=\"num\">")
          .text(b.money(y))
          .raw("</td><td class=\"num\">")
          .text(m.change(x, y))
          .raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n<h3>Contacted by days past due</h3>\n")
        .raw(
            "<table class=\"counts\" id=\"bucket-table\"><thead><tr><th scope=\"col\">Days past due</th>"
                + "<th scope=\"col\" class=\"num\">Base</th><th scope=\"col\" class=\"num\">Changed</th>"
                + "<th scope=\"col\" class=\"num\">EMI base</th><th scope=\"col\" class=\"num\">EMI changed</th>"
                + "</tr></thead><tbody>\n");
    List<String> labels = b.buckets().labels();
    for (int k = 0; k < labels.size(); k++) {
      Tally x = a.bucket(k, MoneySummary.CONTACTED);
      Tally y = b.bucket(k, MoneySummary.CONTACTED);
      o.raw("<tr><th scope=\"row\">")
          .text(labels.get(k))
          .raw("</th><td class=\"num\">")
          .num(x.customers())
          .raw("</td><td class=\"num\">")
          .num(y.customers())
          .raw("</td><td class=\"num\">")
          .text(a.money(x.emi()))
          .raw("</td><td class=\"num\">")
          .text(b.money(y.emi()))
          .raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
    Page.endSection(o);
  }

  private static void row(Out o, String label, long a, long b) {
    o.raw("<tr><th scope=\"row\">")
        .text(label)
        .raw("</th><td class=\"num\">")
        .num(a)
        .raw("</td><td class=\"num\">")
        .num(b)
        .raw("</td><td class=\"num\">")
        .text(a == b ? "" : String.format(Locale.ROOT, "%+,d", b - a))
        .raw("</td></tr>\n");
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
