package dev.outreach.report.html;

import dev.outreach.core.plan.Plan;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.WarningGroups;
import dev.outreach.report.money.Tally;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan report's detail lists: suppressed, overridden, dropped, undecided and warnings, each
 * capped.
 */
final class PlanLists {
  private final Out o;
  private final Plan plan;
  private final PlanIndex index;
  private final int maxRows;
  private final MoneySummary money;

  PlanLists(Out o, Plan plan, PlanIndex index, int maxRows, MoneySummary money) {
    this.o = o;
    this.plan = plan;
    this.index = index;
    this.maxRows = maxRows;
    this.money = money;
  }

  void write() {
    suppressed();
    overrides();
    dropped();
    undecided();
    warnings();
  }

  private void suppressed() {
    Page.section(
        o, "suppressed", String.format(Locale.ROOT, "Suppressed: %,d", plan.suppressed().size()));
    if (plan.suppressed().isEmpty()) {
      o.raw("<p class=\"empty\">No rule suppressed anyone.</p>\n");
    } else {
      if (money != null) {
        moneyTable(
            "suppressed-money", null, List.of("Reason", "Rule"), money.suppressedBy(), k -> k);
      } else {
        counts(plan.suppressed(), s -> List.of(s.reason(), s.rule()), "Reason", "Rule");
      }
      o.raw(
          "<details><summary>Customers</summary><table class=\"rows\"><thead><tr><th>Loan id</th><th>Reason</th>"
              + "<th>Rule</th></tr></thead><tbody>\n");
      for (Plan.Suppressed s : first(plan.suppressed())) {
        o.raw("<tr><td class=\"id\">")
            .text(s.customerId())
            .raw("</td><td>")
            .text(s.reason())
            .raw("</td><td>")
            .text(s.rule())
            .raw("</td></tr>\n");
      }
      o.raw("</tbody></table>");
      Page.more(
          o,
          plan.suppressed().size(),
          first(plan.suppressed()).size(),
          "are in the plan JSON; search finds any");
      o.raw("</details>\n");
    }
    Page.endSection(o);
  }

  private void overrides() {
    Page.section(
        o,
        "overrides",
        String.format(Locale.ROOT, "Overridden decisions: %,d", plan.overrides().size()));
    o.raw(
        "<p class=\"hint\">Decisions that lost to a suppression or to a stronger decision on the same channel.</p>\n");
    if (plan.overrides().isEmpty()) {
      o.raw("<p class=\"empty\">None.</p>\n");
    } else {
      counts(
          plan.overrides(),
          v -> List.of(v.channel().name(), v.rule(), v.winner(), v.why()),
          "Channel",
          "Rule that lost",
          "Rule that won",
          "Why");
    }
    Page.endSection(o);
  }

  private void dropped() {
    Set<String> ids = new LinkedHashSet<>();
    for (Plan.Warning w : plan.warnings()) {
      if (w.customerId() != null
          && index.contains(w.customerId())
          && index.status(w.customerId()) == PlanIndex.Status.DROPPED) {
        ids.add(w.customerId());
      }
    }
    Page.section(o, "dropped", String.format(Locale.ROOT, "Dropped: %,d", ids.size()));
    o.raw(
        "<p class=\"hint\">Rules chose to contact them, but no contact could be scheduled.</p>\n");
    if (ids.isEmpty()) {
      o.raw("<p class=\"empty\">None.</p>\n");
    } else {
      if (money != null) {
        moneyTable(
            "dropped-by-guardrail",
            "By guardrail (a customer dropped by two counts under both)",
            List.of("Guardrail"),
            money.droppedBy(),
            List::of);
      }
      o.raw("<table class=\"rows\"><thead><tr><th>Loan id</th><th>Why</th></tr></thead><tbody>\n");
      List<String> shown = new ArrayList<>(ids).subList(0, Math.min(ids.size(), maxRows));
      for (String id : shown) {
        o.raw("<tr><td class=\"id\">").text(id).raw("</td><td>");
        for (Plan.Warning w : index.warnings(id)) {
          o.raw("<div>").el("span", "code", w.code()).raw(" ").text(w.message()).raw("</div>");
        }
        o.raw("</td></tr>\n");
      }
      o.raw("</tbody></table>\n");
      Page.more(o, ids.size(), shown.size(), "are in the plan JSON's warnings");
    }
    Page.endSection(o);
  }

  private void undecided() {
    Page.section(
        o, "undecided", String.format(Locale.ROOT, "Undecided: %,d", plan.undecided().size()));
    o.raw(
        "<p class=\"hint\">No rule decided anything for them, so they will not be contacted.</p>\n");
    if (plan.undecided().isEmpty()) {
      o.raw("<p class=\"empty\">None.</p>\n");
    } else {
      if (money != null) {
        o.raw(
            "<p class=\"hint\">Who is left out: the segments no rule covers, with the EMI they carry.</p>\n"
                + "<div class=\"grid narrow\">\n");
        for (Map.Entry<String, List<Map.Entry<String, Tally>>> by :
            money.undecidedBy().entrySet()) {
          o.raw("<div>");
          moneyTable(
              "undecided-by-" + by.getKey().replaceAll("[^A-Za-z0-9_-]", "_"),
              "By " + by.getKey().replace('_', ' '),
              List.of(by.getKey().equals(MoneySummary.BY_BUCKET) ? "Bucket" : "Value"),
              top(by.getValue()),
              List::of);
          o.raw("</div>\n");
        }
        o.raw("</div>\n");
      }
      o.raw("<details><summary>Loan ids</summary><p class=\"ids\">");
      List<String> shown = first(plan.undecided());
      for (int i = 0; i < shown.size(); i++) {
        o.raw(i == 0 ? "" : " ").el("span", "id", shown.get(i));
      }
      o.raw("</p>\n");
      Page.more(o, plan.undecided().size(), shown.size(), "are in the plan JSON; search finds any");
      o.raw("</details>\n");
    }
    Page.endSection(o);
  }

  private void warnings() {
    Page.section(
        o, "warnings", String.format(Locale.ROOT, "Warnings: %,d", plan.warnings().size()));
    if (plan.warnings().isEmpty()) {
      o.raw("<p class=\"empty\">None: every decision was planned as the rules asked.</p>\n");
    } else {
      WarningGroups w = WarningGroups.of(plan);
      planWide(w.planWide());
      if (!w.groups().isEmpty()) {
        groups(w.groups());
      }
    }
    Page.endSection(o);
  }

  /** The warnings about a batch rather than a customer: few, and each asks for an action. */
  private void planWide(List<Plan.Warning> list) {
    if (list.isEmpty()) {
      return;
    }
    o.raw(
        "<h3>About batches</h3><table class=\"rows\"><thead><tr><th scope=\"col\">Code</th>"
            + "<th scope=\"col\">Rule</th><th scope=\"col\">What to do</th></tr></thead><tbody>\n");
    for (Plan.Warning w : first(list)) {
      o.raw("<tr><td>")
          .el("span", "code", w.code())
          .raw("</td><td>")
          .text(w.rule() == null ? "" : w.rule())
          .raw("</td><td>")
          .text(w.message())
          .raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
    Page.more(o, list.size(), first(list).size(), "are in the plan JSON");
  }

  /**
   * The warnings about customers, by code, rule, channel and outcome, with example loan ids to
   * search.
   */
  private void groups(List<WarningGroups.Group> groups) {
    o.raw(
        "<h3>About customers</h3><p class=\"hint\">Grouped by code, rule, channel and outcome (moves in the "
            + "customer's local time). Search a loan id for that customer's warnings; the plan JSON and "
            + "<code>explain</code> have every one.</p>\n");
    o.raw(
        "<table class=\"counts\"><thead><tr><th scope=\"col\" class=\"num\">Warnings</th>"
            + "<th scope=\"col\">Code</th><th scope=\"col\">Rule</th><th scope=\"col\">Channel</th>"
            + "<th scope=\"col\">Outcome</th><th scope=\"col\">For example</th></tr></thead><tbody>\n");
    List<WarningGroups.Group> shown = first(groups);
    for (WarningGroups.Group g : shown) {
      o.raw("<tr><td class=\"num\">")
          .num(g.warnings())
          .raw("</td><td>")
          .el("span", "code", g.code())
          .raw("</td><td>")
          .text(g.rule())
          .raw("</td><td>")
          .text(g.channel())
          .raw("</td><td>")
          .text(g.outcome())
          .raw("</td><td>");
      for (int i = 0; i < g.examples().size(); i++) {
        String id = g.examples().get(i);
        o.raw(i == 0 ? "" : " ")
            .raw("<a class=\"id\" href=\"#q=")
            .text(hash(id))
            .raw("\">")
            .text(id)
            .raw("</a>");
      }
      o.raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
    if (groups.size() > shown.size()) {
      long rest = 0;
      for (WarningGroups.Group g : groups.subList(shown.size(), groups.size())) {
        rest += g.warnings();
      }
      o.raw("<p class=\"more\">")
          .text(
              String.format(
                  Locale.ROOT,
                  "%,d more groups (%,d warnings); every warning "
                      + "is in the plan JSON and explain, and search finds any customer's.",
                  groups.size() - shown.size(),
                  rest))
          .raw("</p>\n");
    }
  }

  /** The 12 largest, then one row for the rest. */
  private static List<Map.Entry<String, Tally>> top(List<Map.Entry<String, Tally>> all) {
    int top = 12;
    if (all.size() <= top + 1) {
      return all;
    }
    Tally rest = new Tally();
    all.subList(top, all.size()).forEach(e -> rest.add(e.getValue()));
    List<Map.Entry<String, Tally>> out = new ArrayList<>(all.subList(0, top));
    out.add(Map.entry(String.format(Locale.ROOT, "%,d others", all.size() - top), rest));
    return out;
  }

  /** A table of customers and EMI (and overdue, when given) per key, capped at maxRows. */
  private <K> void moneyTable(
      String id,
      String title,
      List<String> headers,
      List<Map.Entry<K, Tally>> rows,
      Function<K, List<String>> columns) {
    if (title != null) {
      o.raw("<h3>").text(title).raw("</h3>");
    }
    o.raw("<table class=\"counts\" id=\"" + id + "\"><thead><tr>");
    for (String h : headers) {
      o.raw("<th scope=\"col\">").text(h).raw("</th>");
    }
    o.raw("<th scope=\"col\" class=\"num\">Customers</th><th scope=\"col\" class=\"num\">EMI</th>");
    if (money.overdueGiven()) {
      o.raw("<th scope=\"col\" class=\"num\">Overdue</th>");
    }
    o.raw("</tr></thead><tbody>\n");
    for (Map.Entry<K, Tally> e : rows.subList(0, Math.min(rows.size(), maxRows))) {
      o.raw("<tr>");
      for (String v : columns.apply(e.getKey())) {
        o.raw("<td>").text(v).raw("</td>");
      }
      Tally t = e.getValue();
      o.raw("<td class=\"num\">")
          .num(t.customers())
          .raw("</td><td class=\"num\">")
          .text(money.money(t.emi()))
          .raw("</td>");
      if (money.overdueGiven()) {
        o.raw("<td class=\"num\">").text(money.money(t.overdue())).raw("</td>");
      }
      o.raw("</tr>\n");
    }
    o.raw("</tbody></table>\n");
    Page.more(o, rows.size(), Math.min(rows.size(), maxRows), "are in the plan JSON");
  }

  /** {@code #q=…} as the page's script reads it back ({@code decodeURIComponent}). */
  private static String hash(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A table of how often each combination of {@code key}'s columns occurs, most frequent first. */
  private <T> void counts(List<T> items, Function<T, List<String>> key, String... headers) {
    Map<List<String>, Integer> n = new LinkedHashMap<>();
    items.forEach(i -> n.merge(key.apply(i), 1, Integer::sum));
    List<Map.Entry<List<String>, Integer>> rows = new ArrayList<>(n.entrySet());
    rows.sort(
        Map.Entry.<List<String>, Integer>comparingByValue()
            .reversed()
            .thenComparing(e -> String.join("\u0000", e.getKey()), Comparator.naturalOrder()));
    o.raw("<table class=\"counts\"><thead><tr><th class=\"num\">Customers</th>");
    for (String h : headers) {
      o.raw("<th>").text(h).raw("</th>");
    }
    o.raw("</tr></thead><tbody>\n");
    for (Map.Entry<List<String>, Integer> e : rows.subList(0, Math.min(rows.size(), maxRows))) {
      o.raw("<tr><td class=\"num\">").num(e.getValue()).raw("</td>");
      for (String v : e.getKey()) {
        o.raw("<td>").text(v).raw("</td>");
      }
      o.raw("</tr>\n");
    }
    o.raw("</tbody></table>\n");
    Page.more(o, rows.size(), Math.min(rows.size(), maxRows), "kinds are in the plan JSON");
  }

  private <T> List<T> first(List<T> all) {
    return all.subList(0, Math.min(all.size(), maxRows));
  }
}
