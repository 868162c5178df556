package dev.outreach.report;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import dev.outreach.report.internal.Wrap;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dry-run report for a terminal, at most {@link Wrap#WIDTH} columns wide (longer words
 * excepted): what will be sent, to how many, when and why. It names customers only by loan id and
 * never prints phone numbers. Long lists are cut at {@link #DEFAULT_ROWS} rows; the JSON plan has
 * everything.
 */
public final class TextReport {
  /** Rows shown per list before "… and N more". */
  public static final int DEFAULT_ROWS = 20;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY_HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

  private TextReport() {}

  /** The report for {@code plan}, without money (no portfolio given). */
  public static String render(Plan plan) {
    return render(plan, null);
  }

  /**
   * The report for {@code plan} with the money at stake and days past due of {@code money} (may be
   * {@code null}: counts only).
   */
  public static String render(Plan plan, MoneySummary money) {
    StringBuilder out = new StringBuilder();
    Summary s = plan.summary();
    out.append("Outreach plan for campaign ")
        .append(plan.campaignId())
        .append(", as of ")
        .append(WHEN.format(plan.asOf()))
        .append(" (")
        .append(plan.zone().getId())
        .append(")\n\n");
    if (money != null) {
      Wrap.append(out, "", "", money.headline(), Wrap.WIDTH);
      out.append('\n');
    }
    row(out, "Customers", s.customers(), "");
    StringBuilder channels = new StringBuilder();
    for (Channel c : Channel.values()) {
      channels
          .append("   ")
          .append(c)
          .append(' ')
          .append(String.format(Locale.ROOT, "%,d", s.byChannel().get(c)));
    }
    row(out, "Contacted", s.contacted(), channels.toString());
    row(out, "Suppressed", s.suppressed(), "");
    row(out, "Undecided", s.undecided(), s.undecided() > 0 ? "   (no rule decided anything)" : "");
    row(
        out,
        "Dropped",
        s.dropped(),
        s.dropped() > 0 ? "   (could not be scheduled; see warnings)" : "");
    row(out, "Requests", s.steps(), "");
    if (money != null) {
      MoneyText.summary(out, money);
      MoneyText.buckets(out, money, plan);
      MoneyText.rules(out, money, DEFAULT_ROWS);
    }

    out.append("\nRequests, in the order they will be sent\n");
    out.append(
        String.format(
            Locale.ROOT,
            "  %-6s %-8s %-16s %-5s %9s  %s%n",
            "step",
            "channel",
            "not before",
            "until",
            "customers",
            "agent / template"));
    List<Step> steps = plan.steps();
    for (int i = 0; i < Math.min(steps.size(), DEFAULT_ROWS * 5); i++) {
      Step st = steps.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "  %-6s %-8s %-16s %-5s %,9d  %s%n",
              st.id(),
              label(st.kind()),
              WHEN.format(st.notBefore()),
              until(st.notBefore(), st.notAfter()),
              st.customerIds().size(),
              target(st.body(), plan.zone().getId())));
      if (!st.rules().isEmpty()) {
        Wrap.append(
            out, "         rule: ", "               ", String.join("; ", st.rules()), Wrap.WIDTH);
      }
    }
    more(out, steps.size(), DEFAULT_ROWS * 5);

    for (dev.outreach.core.plan.ExperimentResult x : plan.experiments()) {
      out.append("\nExperiment ").append(x.experiment()).append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "  %-12s %6s %9s %9s %10s %9s %7s %8s %8s %8s%n",
              "arm",
              "weight",
              "customers",
              "contacted",
              "suppressed",
              "undecided",
              "dropped",
              "CALL",
              "SMS",
              "WHATSAPP"));
      for (dev.outreach.core.plan.ExperimentResult.ArmResult a : x.arms()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-12s %6d %,9d %,9d %,10d %,9d %,7d %,8d %,8d %,8d%n",
                a.arm(),
                a.weight(),
                a.customers(),
                a.contacted(),
                a.suppressed(),
                a.undecided(),
                a.dropped(),
                a.byChannel().get(Channel.CALL),
                a.byChannel().get(Channel.SMS),
                a.byChannel().get(Channel.WHATSAPP)));
      }
      if (money != null && money.arms().containsKey(x.experiment())) {
        MoneyText.arms(out, money, money.arms().get(x.experiment()));
      }
    }
    if (money != null) {
      MoneyText.suppressed(out, money, DEFAULT_ROWS);
    } else if (!plan.suppressed().isEmpty()) {
      out.append("\nSuppressed, by reason\n");
      Map<String, Integer> byReason = new LinkedHashMap<>();
      plan.suppressed()
          .forEach(x -> byReason.merge(x.reason() + "\u0000" + x.rule(), 1, Integer::sum));
      byReason.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(
              e -> {
                String[] parts = e.getKey().split("\u0000", 2);
                Wrap.append(
                    out,
                    String.format(Locale.ROOT, "  %,9d  ", e.getValue()),
                    " ".repeat(13),
                    String.format(Locale.ROOT, "%-30s (rule \"%s\")", parts[0], parts[1]),
                    Wrap.WIDTH);
              });
    }
    if (!plan.overrides().isEmpty()) {
      out.append('\n');
      Wrap.append(
          out,
          "",
          "  ",
          String.format(
              Locale.ROOT,
              "Overridden decisions: %,d (a suppression or a stronger decision on "
                  + "the same channel won; each is in the JSON plan)",
              plan.overrides().size()),
          Wrap.WIDTH);
    }
    if (!plan.undecided().isEmpty()) {
      out.append('\n');
      Wrap.append(out, "Undecided customers: ", "  ", sample(plan.undecided()), Wrap.WIDTH);
      if (money != null) {
        MoneyText.undecided(out, money, 10);
      }
    }
    if (money != null && !money.droppedBy().isEmpty()) {
      MoneyText.dropped(out, money);
    }
    CapacityText.append(out, plan.capacity());
    if (!plan.warnings().isEmpty()) {
      warnings(out, WarningGroups.of(plan));
    }
    return out.toString();
  }

  /**
   * The warnings: the plan-wide ones (about a batch) one by one, then the per-customer ones grouped
   * by code, rule, channel and outcome, at most {@link #DEFAULT_ROWS} of each.
   */
  static void warnings(StringBuilder out, WarningGroups w) {
    List<WarningGroups.Group> groups = w.groups();
    out.append(String.format(Locale.ROOT, "%nWarnings: %,d%n", w.total()));
    List<Plan.Warning> planWide = w.planWide();
    for (int i = 0; i < Math.min(DEFAULT_ROWS, planWide.size()); i++) {
      Plan.Warning x = planWide.get(i);
      Wrap.append(
          out,
          "  " + x.code() + "  ",
          "      ",
          x.message() + (x.rule() == null ? "" : " (rule \"" + x.rule() + "\")"),
          Wrap.WIDTH);
    }
    more(out, planWide.size(), DEFAULT_ROWS);
    if (groups.isEmpty()) {
      return;
    }
    Wrap.append(
        out,
        "  ",
        "  ",
        (planWide.isEmpty()
                ? ""
                : String.format(Locale.ROOT, "%,d about customers, ", w.total() - planWide.size()))
            + "by code, channel, outcome (moves in the customer's local time) and rule, "
            + "with the first loan ids:",
        Wrap.WIDTH);
    for (WarningGroups.Group g : groups.subList(0, Math.min(DEFAULT_ROWS, groups.size()))) {
      Wrap.append(
          out,
          String.format(Locale.ROOT, "  %,9d  ", g.warnings()),
          " ".repeat(13),
          g.code() + "  " + g.channel() + "  " + g.outcome(),
          Wrap.WIDTH);
      Wrap.append(
          out,
          " ".repeat(13),
          " ".repeat(15),
          (g.rule().equals("-") ? "no rule" : "rule \"" + g.rule() + "\"")
              + "; e.g. "
              + String.join(", ", g.examples())
              + (g.warnings() > g.examples().size() ? ", …" : ""),
          Wrap.WIDTH);
    }
    if (groups.size() > DEFAULT_ROWS) {
      long rest = 0;
      for (WarningGroups.Group g : groups.subList(DEFAULT_ROWS, groups.size())) {
        rest += g.warnings();
      }
      Wrap.append(
          out,
          "  ",
          "    ",
          String.format(
              Locale.ROOT,
              "… %,d more groups (%,d warnings); every warning "
                  + "is in the JSON plan and `explain`",
              groups.size() - DEFAULT_ROWS,
              rest),
          Wrap.WIDTH);
    } else {
      out.append("  Every warning is in the JSON plan and `explain`.\n");
    }
  }

  private static void row(StringBuilder out, String label, int n, String tail) {
    out.append(String.format(Locale.ROOT, "  %-11s %,9d%s%n", label, n, tail));
  }

  /**
   * The time a step expires, with its date when that is not the day it starts (a customer far
   * away).
   */
  private static String until(OffsetDateTime from, OffsetDateTime t) {
    return t == null
        ? "-"
        : t.toLocalDate().equals(from.toLocalDate()) ? HOUR.format(t) : DAY_HOUR.format(t);
  }

  private static String label(StepKind kind) {
    switch (kind) {
      case BULK_ADD_CUSTOMERS:
        return "UPLOAD";
      case CREATE_BATCH_CALL:
      case SCHEDULE_BATCH_CALL:
        return "BATCH";
      default:
        return kind.channel().name();
    }
  }

  /** What a request does; a batch's zone is named only when it is not the plan's. */
  private static String target(JsonObject body, String planZone) {
    if (body.containsKey("records")) {
      return "customers to campaign " + body.getString("campaignId");
    }
    if (body.containsKey("contact_folder_id")) {
      String name = body.getString("name");
      String at = body.getString("scheduled_at");
      String window =
          body.containsKey("start_time")
              ? ", " + body.getString("start_time") + "-" + body.getString("end_time")
              : "";
      return "\""
          + (name.length() > 20 ? name.substring(0, 19) + "…" : name)
          + "\" from "
          + at.substring(5, 16).replace('T', ' ')
          + window
          + (body.getString("timezone", "UTC").equals(planZone)
              ? ""
              : " " + body.getString("timezone", "UTC"));
    }
    if (body.isEmpty()) {
      return "schedule the campaign created above";
    }
    String t;
    if (body.containsKey("agentId")) {
      t = body.getString("agentId") + " / " + body.getString("dispositionId");
    } else {
      t = body.getString("templateId", "");
      if (body.containsKey("conversationSettings")) {
        t += " -> " + body.getJsonObject("conversationSettings").getString("agentId");
      }
    }
    return t.length() > 58 ? t.substring(0, 57) + "…" : t;
  }

  private static String sample(List<String> ids) {
    List<String> shown = new ArrayList<>(ids.subList(0, Math.min(10, ids.size())));
    return String.join(", ", shown)
        + (ids.size() > shown.size()
            ? String.format(Locale.ROOT, ", … (%,d in all)", ids.size())
            : "");
  }

  private static void more(StringBuilder out, int total, int shown) {
    if (total > shown) {
      out.append(String.format(Locale.ROOT, "  … and %,d more%n", total - shown));
    }
  }
}
