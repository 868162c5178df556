package dev.outreach.report.html;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.ExperimentResult;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.Summary;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.money.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The plan report's page: header, summary, search, charts, requests, then the detail lists. */
final class PlanPage {
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final int MAX_STEPS = 500;

  private final Out o;
  private final Plan plan;
  private final PlanIndex index;
  private final Tallies tallies;
  private final int maxRows;
  private final Function<String, List<String>> fired;
  private final MoneySummary money;
  private final CustomerFacts facts;

  PlanPage(
      Out o,
      Plan plan,
      PlanIndex index,
      Tallies tallies,
      int maxRows,
      Function<String, List<String>> fired,
      MoneySummary money,
      CustomerFacts facts) {
    this.o = o;
    this.plan = plan;
    this.index = index;
    this.tallies = tallies;
    this.maxRows = maxRows;
    this.fired = fired;
    this.money = money;
    this.facts = facts;
  }

  void write() {
    Page.open(o, "Outreach plan: " + plan.campaignId());
    o.raw("<header><h1>Outreach plan <span class=\"campaign\">")
        .text(plan.campaignId())
        .raw("</span></h1>\n")
        .raw("<p class=\"sub\">")
        .text(
            "As of "
                + WHEN.format(plan.asOf())
                + " ("
                + plan.zone().getId()
                + "). A dry run: nothing has been sent.")
        .raw("</p>\n");
    if (money != null) {
      o.raw("<p class=\"headline\" id=\"headline\">").text(money.headline()).raw("</p>\n");
    }
    o.raw("</header>\n");
    summary();
    search();
    if (money != null) {
      new MoneySection(o, plan, money, maxRows).write();
    }
    charts();
    steps();
    capacity();
    experiments();
    new PlanLists(o, plan, index, maxRows, money).write();
    o.raw("<script type=\"application/json\" id=\"search-data\">");
    try {
      SearchData.write(o.writer(), index, fired == null ? id -> null : fired, facts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    o.raw("</script>\n");
    Page.close(o);
  }

  private void summary() {
    Summary s = plan.summary();
    o.raw("<section id=\"summary\" class=\"cards\">\n");
    card("customers", "Customers", s.customers(), null, MoneySummary.ALL);
    card(
        "contacted",
        "Contacted",
        s.contacted(),
        pct(s.contacted(), s.customers()),
        MoneySummary.CONTACTED);
    card(
        "suppressed",
        "Suppressed",
        s.suppressed(),
        pct(s.suppressed(), s.customers()),
        MoneySummary.SUPPRESSED);
    card(
        "undecided",
        "Undecided",
        s.undecided(),
        s.undecided() == 0
            ? "no rule decided"
            : pct(s.undecided(), s.customers()) + "; no rule decided",
        MoneySummary.UNDECIDED);
    card(
        "dropped" + (s.dropped() > 0 ? "\" data-alarm=\"true" : ""),
        "Dropped",
        s.dropped(),
        s.dropped() > 0 ? "could not be scheduled: needs action" : "could not be scheduled",
        MoneySummary.DROPPED);
    card("steps", "Requests", s.steps(), "to send", -1);
    for (Channel c : Channel.values()) {
      card("ch-" + c.name(), c.name(), s.byChannel().get(c), "customers reached", 1 + c.ordinal());
    }
    o.raw("</section>\n");
  }

  private void card(String id, String label, long n, String note, int outcome) {
    o.raw("<div class=\"card\" id=\"card-" + id + "\"><div class=\"n\">")
        .num(n)
        .raw("</div><div class=\"l\">")
        .text(label)
        .raw("</div>");
    if (money != null && outcome >= 0) {
      java.math.BigDecimal emi = money.outcome(outcome).emi();
      o.raw("<div class=\"amt\" title=\"")
          .text("EMI at stake: " + money.money(emi))
          .raw("\">")
          .text(money.money(emi))
          .raw("</div><div class=\"note\">")
          .text(
              (money.format().words(emi).equals(money.money(emi))
                      ? ""
                      : money.format().words(emi) + " ")
                  + "of EMIs")
          .raw("</div>");
    }
    if (note != null) {
      o.raw("<div class=\"note\">").text(note).raw("</div>");
    }
    o.raw("</div>\n");
  }

  private static String pct(long n, long of) {
    return of == 0 ? null : String.format(Locale.ROOT, "%.1f%% of customers", 100.0 * n / of);
  }

  private void search() {
    Page.section(o, "find", "Find a customer");
    o.raw(
            "<form id=\"search\" autocomplete=\"off\"><input id=\"q\" type=\"search\" placeholder=\"Loan id, e.g. ")
        .text(example())
        .raw("\" aria-label=\"Loan id\"><button type=\"submit\">Explain</button></form>\n")
        .raw("<div id=\"result\" aria-live=\"polite\"></div>\n");
    if (facts.omitted()) {
      o.raw("<p class=\"hint\" id=\"facts-omitted\">")
          .text(
              String.format(
                  Locale.ROOT,
                  "With more than %,d customers this page leaves out each customer's facts (EMI,"
                      + " days past due, attributes) to stay small; the search still tells what"
                      + " they get, and outreach explain prints their facts.",
                  facts.limit()))
          .raw("</p>\n");
    }
    Page.endSection(o);
  }

  private String example() {
    for (Step s : plan.steps()) {
      if (!s.customerIds().isEmpty()) {
        return s.customerIds().get(0);
      }
    }
    return plan.undecided().isEmpty() ? "LOAN-1" : plan.undecided().get(0);
  }

  private void charts() {
    Page.section(o, "charts", "Contacts");
    o.raw(
            "<p class=\"hint\">A contact is one customer on one channel. Hover over a bar for its numbers.</p>\n")
        .raw("<div class=\"grid\">\n");
    List<Bar> channels = tallies.byChannel;
    List<Bar> rules = tallies.byRule;
    if (money != null) {
      channels = new java.util.ArrayList<>();
      for (Bar b : tallies.byChannel) {
        channels.add(
            b.withNote(
                money.money(money.outcome(1 + Channel.valueOf(b.label()).ordinal()).emi())
                    + " EMI"));
      }
      rules = ruleNotes(tallies.byRule);
    }
    Charts.bars(o, "chart-channel", "By channel", null, Tallies.SERIES, channels);
    Charts.columns(
        o,
        "chart-hour",
        "By hour of not-before",
        (tallies.localTimes ? "in each customer's local time" : "in " + plan.zone().getId())
            + "; the hours with contacts",
        Tallies.SERIES,
        tallies.byHour);
    Charts.bars(
        o,
        "chart-rule",
        "By rule",
        "the rule whose decision the request carries"
            + (money == null ? "" : ", with the EMI of the customers it reaches"),
        Tallies.SERIES,
        rules,
        Charts.WIDE);
    for (Map.Entry<String, List<Bar>> e : tallies.byAttribute.entrySet()) {
      Charts.bars(
          o,
          "chart-attr-" + slug(e.getKey()),
          "By " + e.getKey().replace('_', ' '),
          null,
          Tallies.SERIES,
          e.getValue());
    }
    o.raw("</div>\n");
    Page.endSection(o);
  }

  /** Each rule's bar with the EMI of its contacts; the bar of the rest gets the rest. */
  private List<Bar> ruleNotes(List<Bar> bars) {
    Map<String, Tally> byRule = new java.util.HashMap<>();
    Tally all = new Tally();
    for (Map.Entry<String, Tally> e : money.byRule()) {
      byRule.put(e.getKey(), e.getValue());
      all.add(e.getValue());
    }
    java.math.BigDecimal shown = java.math.BigDecimal.ZERO;
    List<Bar> out = new java.util.ArrayList<>();
    for (Bar b : bars) {
      Tally t = byRule.get(b.label());
      if (t != null) {
        shown = shown.add(t.emi());
        out.add(b.withNote(money.money(t.emi()) + " EMI"));
      } else {
        out.add(b);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).note() == null) {
        out.set(i, out.get(i).withNote(money.money(all.emi().subtract(shown)) + " EMI"));
      }
    }
    return out;
  }

  private static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private void steps() {
    Page.section(o, "steps", "Requests, in the order they will be sent");
    o.raw(
            "<p class=\"hint\">Each body is exactly what will be sent, except that phone numbers are masked and a "
                + "long list shows its first ")
        .num(maxRows)
        .raw(" entries.</p>\n");
    List<Step> steps = plan.steps();
    if (steps.isEmpty()) {
      o.raw("<p class=\"empty\">No requests: nobody will be contacted.</p>\n");
    }
    for (int i = 0; i < Math.min(steps.size(), MAX_STEPS); i++) {
      step(steps.get(i));
    }
    Page.more(o, steps.size(), Math.min(steps.size(), MAX_STEPS), "are in the plan JSON");
    Page.endSection(o);
  }

  private void step(Step s) {
    String channel = s.kind().channel() == null ? "NONE" : s.kind().channel().name();
    o.raw("<details class=\"step\" id=\"step-")
        .text(s.id())
        .raw("\"><summary>")
        .raw("<span class=\"sid\">")
        .text(s.id())
        .raw("</span> ")
        .raw("<span class=\"kind ch-" + channel + "\">")
        .text(s.kind().name())
        .raw("</span> ")
        .raw("<span class=\"when\">")
        .text(when(s.notBefore(), s.notAfter()))
        .raw("</span> ")
        .raw("<span class=\"count\">")
        .text(String.format(Locale.ROOT, "%,d customers", s.customerIds().size()))
        .raw("</span> ")
        .raw("<span class=\"rules\">")
        .text(String.join("; ", s.rules()))
        .raw("</span></summary>\n")
        .raw("<p class=\"req\"><code>")
        .text(s.method() + " " + s.path())
        .raw("</code> <span class=\"note\">")
        .text(
            String.format(
                Locale.ROOT,
                "body %,d bytes%s%s",
                s.bodyBytes().length,
                s.kind().contacts() ? "" : "; contacts nobody by itself",
                s.referencedStepId()
                    .map(r -> "; {" + r + "} is the id that step " + r + " returns")
                    .orElse("")))
        .raw("</span></p>\n<pre class=\"body\">")
        .text(BodyJson.pretty(s.body(), maxRows))
        .raw("</pre></details>\n");
  }

  static String when(OffsetDateTime notBefore, OffsetDateTime notAfter) {
    return "not before "
        + WHEN.format(notBefore)
        + (notAfter == null
            ? ""
            : ", until "
                + (notAfter.toLocalDate().equals(notBefore.toLocalDate())
                    ? HOUR.format(notAfter)
                    : WHEN.format(notAfter)));
  }

  /** Each channel's use of its daily capacity, day by day, when the policy sets one. */
  private void capacity() {
    if (plan.capacity().isEmpty()) {
      return;
    }
    Page.section(o, "capacity", "Capacity, per channel and day");
    o.raw(
        "<p>The policy's capacity: each day of the plan's zone is filled by priority, then score,"
            + " then loan id; the rest move to the next day with room, or are dropped at the horizon"
            + " (CAPACITY warnings).</p>\n<table><thead><tr><th>Channel</th><th>Day</th>"
            + "<th class=\"num\">Used</th><th class=\"num\">Capacity</th>"
            + "<th class=\"num\">Moved in</th><th class=\"num\">Moved out</th>"
            + "<th class=\"num\">Dropped</th></tr></thead><tbody>\n");
    for (dev.outreach.core.plan.CapacityDay d : plan.capacity()) {
      o.raw("<tr><td>").text(d.channel().name()).raw("</td><td>").text(d.date().toString());
      o.raw("</td>");
      for (long n : new long[] {d.used(), d.capacity(), d.movedIn(), d.movedOut(), d.dropped()}) {
        o.raw("<td class=\"num\">").num(n).raw("</td>");
      }
      o.raw("</tr>\n");
    }
    o.raw("</tbody></table>\n");
    Page.endSection(o);
  }

  private void experiments() {
    if (plan.experiments().isEmpty()) {
      return;
    }
    Page.section(o, "experiments", "Experiments");
    for (ExperimentResult x : plan.experiments()) {
      o.raw("<h3>")
          .text(x.experiment())
          .raw(
              "</h3>\n<table><thead><tr><th>Arm</th><th class=\"num\">Weight</th>"
                  + "<th class=\"num\">Customers</th><th class=\"num\">Contacted</th><th class=\"num\">Suppressed</th>"
                  + "<th class=\"num\">Undecided</th><th class=\"num\">Dropped</th>");
      for (Channel c : Channel.values()) {
        o.raw("<th class=\"num\">").text(c.name()).raw("</th>");
      }
      Map<String, Tally[]> arms = money == null ? null : money.arms().get(x.experiment());
      if (arms != null) {
        o.raw(
            "<th class=\"num\">EMI contacted</th><th class=\"num\">EMI suppressed</th>"
                + "<th class=\"num\">EMI undecided</th><th class=\"num\">EMI dropped</th>");
      }
      o.raw("</tr></thead><tbody>\n");
      for (ExperimentResult.ArmResult a : x.arms()) {
        o.raw("<tr><td>").text(a.arm()).raw("</td>");
        for (long n :
            new long[] {
              a.weight(), a.customers(), a.contacted(), a.suppressed(), a.undecided(), a.dropped()
            }) {
          o.raw("<td class=\"num\">").num(n).raw("</td>");
        }
        for (Channel c : Channel.values()) {
          o.raw("<td class=\"num\">").num(a.byChannel().get(c)).raw("</td>");
        }
        if (arms != null && arms.containsKey(a.arm())) {
          Tally[] t = arms.get(a.arm());
          for (int i :
              new int[] {
                MoneySummary.CONTACTED,
                MoneySummary.SUPPRESSED,
                MoneySummary.UNDECIDED,
                MoneySummary.DROPPED
              }) {
            o.raw("<td class=\"num\">").text(money.money(t[i].emi())).raw("</td>");
          }
        }
        o.raw("</tr>\n");
      }
      o.raw("</tbody></table>\n");
    }
    Page.endSection(o);
  }
}
