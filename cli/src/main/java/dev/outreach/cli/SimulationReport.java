package dev.outreach.cli;

import dev.outreach.core.Channel;
import dev.outreach.core.guardrail.GuardrailPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The simulator's page: strategies side by side (customers paid, EMI collected, promises kept and
 * broken, contacts and cost per channel, guardrail hits), then each day's contacts per channel
 * against the capacity. Self-contained, no script, the same bytes for the same simulation.
 */
final class SimulationReport {
  private SimulationReport() {}

  /** Totals of one strategy's days. */
  record Totals(
      int paid,
      BigDecimal collected,
      int promises,
      int kept,
      int broken,
      Map<Channel, Integer> contacts,
      Map<Channel, BigDecimal> cost,
      BigDecimal totalCost,
      Map<String, Integer> warnings) {

    static Totals of(List<Simulation.Day> days, ResponseModel model) {
      int paid = 0;
      int promises = 0;
      int kept = 0;
      int broken = 0;
      BigDecimal collected = BigDecimal.ZERO;
      Map<Channel, Integer> contacts = new java.util.EnumMap<>(Channel.class);
      Map<String, Integer> warnings = new TreeMap<>();
      for (Simulation.Day d : days) {
        paid += d.paid();
        promises += d.promises();
        kept += d.kept();
        broken += d.broken();
        collected = collected.add(d.collected());
        d.contacts().forEach((c, n) -> contacts.merge(c, n, Integer::sum));
        d.warnings().forEach((c, n) -> warnings.merge(c, n, Integer::sum));
      }
      Map<Channel, BigDecimal> cost = new java.util.EnumMap<>(Channel.class);
      BigDecimal total = BigDecimal.ZERO;
      for (Channel c : Channel.values()) {
        ResponseModel.Figures f = model.channels().get(c);
        BigDecimal each = f == null ? BigDecimal.ZERO : BigDecimal.valueOf(f.cost());
        BigDecimal x = each.multiply(BigDecimal.valueOf(contacts.getOrDefault(c, 0)));
        cost.put(c, x);
        total = total.add(x);
      }
      return new Totals(paid, collected, promises, kept, broken, contacts, cost, total, warnings);
    }
  }

  static String html(
      String title,
      Map<String, List<Simulation.Day>> strategies,
      ResponseModel model,
      GuardrailPolicy policy) {
    Map<String, Totals> totals = new LinkedHashMap<>();
    strategies.forEach((name, days) -> totals.put(name, Totals.of(days, model)));
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>body{font-family:system-ui,sans-serif;margin:2em;color:#1a1a1a}")
        .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;")
        .append("padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append(
            "caption{text-align:left;font-weight:600;margin-bottom:.3em}</style></head><body data-ready=\"true\">\n")
        .append("<main><h1>")
        .append(esc(title))
        .append("</h1>\n<p>Model seed ")
        .append(model.seed())
        .append("; per channel: ");
    model
        .channels()
        .forEach(
            (c, f) ->
                h.append(
                    String.format(
                        Locale.ROOT,
                        "%s answer %.2f, promise %.2f, keep %.2f, pay %.2f within %d days, cost %.2f; ",
                        c,
                        f.answer(),
                        f.promise(),
                        f.keep(),
                        f.pay(),
                        f.payWithinDays(),
                        f.cost())));
    h.append(
        "</p>\n<table><caption>Strategies side by side</caption><thead><tr><th scope=\"col\">measure</th>");
    totals.keySet().forEach(n -> h.append("<th scope=\"col\">").append(esc(n)).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    row(h, "customers paid", totals, t -> String.format(Locale.ROOT, "%,d", t.paid()));
    row(h, "EMI collected", totals, t -> money(t.collected()));
    row(h, "promises to pay", totals, t -> String.format(Locale.ROOT, "%,d", t.promises()));
    row(h, "promises kept", totals, t -> String.format(Locale.ROOT, "%,d", t.kept()));
    row(h, "promises broken", totals, t -> String.format(Locale.ROOT, "%,d", t.broken()));
    for (Channel c : Channel.values()) {
      row(
          h,
          c + " contacts",
          totals,
          t -> String.format(Locale.ROOT, "%,d", t.contacts().getOrDefault(c, 0)));
      row(h, c + " cost", totals, t -> money(t.cost().get(c)));
    }
    row(h, "total cost", totals, t -> money(t.totalCost()));
    row(
        h,
        "cost per customer paid",
        totals,
        t ->
            t.paid() == 0
                ? "-"
                : money(
                    t.totalCost().divide(BigDecimal.valueOf(t.paid()), 2, RoundingMode.HALF_UP)));
    java.util.Set<String> codes = new java.util.TreeSet<>();
    totals.values().forEach(t -> codes.addAll(t.warnings().keySet()));
    for (String code : codes) {
      row(
          h,
          "warnings " + code,
          totals,
          t -> String.format(Locale.ROOT, "%,d", t.warnings().getOrDefault(code, 0)));
    }
    h.append("</tbody></table>\n");
    strategies.forEach((name, days) -> days(h, name, days, policy));
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static void days(
      StringBuilder h, String name, List<Simulation.Day> days, GuardrailPolicy policy) {
    h.append("<table><caption>")
        .append(esc(name))
        .append(": each day</caption><thead><tr><th scope=\"col\">day</th>");
    for (Channel c : Channel.values()) {
      OptionalInt cap = policy.capacityOf(c);
      h.append("<th scope=\"col\">")
          .append(c)
          .append(cap.isPresent() ? String.format(Locale.ROOT, " (of %,d)", cap.getAsInt()) : "")
          .append("</th>");
    }
    h.append(
            "<th scope=\"col\">paid</th><th scope=\"col\">collected</th><th scope=\"col\">promises</th>")
        .append(
            "<th scope=\"col\">kept</th><th scope=\"col\">broken</th><th scope=\"col\">warnings</th></tr></thead><tbody>\n");
    for (Simulation.Day d : days) {
      h.append("<tr><td>").append(d.date()).append("</td>");
      for (Channel c : Channel.values()) {
        h.append("<td>")
            .append(String.format(Locale.ROOT, "%,d", d.contacts().getOrDefault(c, 0)))
            .append("</td>");
      }
      h.append(
          String.format(
              Locale.ROOT,
              "<td>%,d</td><td>%s</td><td>%,d</td><td>%,d</td><td>%,d</td><td>",
              d.paid(),
              money(d.collected()),
              d.promises(),
              d.kept(),
              d.broken()));
      StringBuilder w = new StringBuilder();
      d.warnings()
          .forEach(
              (code, n) ->
                  w.append(w.length() == 0 ? "" : ", ").append(code).append(' ').append(n));
      h.append(esc(w.toString())).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void row(
      StringBuilder h,
      String label,
      Map<String, Totals> totals,
      java.util.function.Function<Totals, String> value) {
    h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th>");
    totals.values().forEach(t -> h.append("<td>").append(esc(value.apply(t))).append("</td>"));
    h.append("</tr>\n");
  }

  /** An amount with two decimals and plain grouping, whatever the machine's locale. */
  static String money(BigDecimal d) {
    return String.format(Locale.ROOT, "%,.2f", d.setScale(2, RoundingMode.HALF_UP));
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
