package dev.outreach.report.diff;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Summary;
import dev.outreach.report.internal.Wrap;
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
    out.append(
        String.format(Locale.ROOT, "%nCustomers whose outcome changes: %,d%n", d.changes().size()));
    for (Map.Entry<Change.Kind, Integer> e : d.counts().entrySet()) {
      out.append(String.format(Locale.ROOT, "  %-26s %,9d%n", e.getKey().words(), e.getValue()));
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
