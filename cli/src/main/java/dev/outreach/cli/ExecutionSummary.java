package dev.outreach.cli;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.http.execute.ExecutionReport;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import dev.outreach.http.execute.StepOutcome;
import dev.outreach.http.execute.StepResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints an {@link ExecutionReport} for a person: totals, then every step that needs attention and
 * what to do.
 */
final class ExecutionSummary {
  private static final int MAX_IDS = 20;

  private ExecutionSummary() {}

  /**
   * @param rerun the command line to run again; {@code followUp} the follow-up command line
   */
  static void print(
      PrintWriter o, Plan plan, ExecutionReport report, String rerun, String followUp) {
    Map<String, Integer> byOutcome = new LinkedHashMap<>();
    int fromJournal = 0;
    for (StepResult r : report.steps()) {
      byOutcome.merge(r.outcome().outcome(), 1, Integer::sum);
      if (r.outcome() instanceof StepOutcome.Sent s && s.fromJournal()) {
        fromJournal++;
      }
    }
    o.println(
        "Steps: "
            + report.steps().size()
            + " ("
            + String.join(
                ", ",
                byOutcome.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())
            + ")"
            + (fromJournal > 0
                ? "; " + fromJournal + " settled by an earlier run, read from the journal"
                : ""));
    o.printf(
        Locale.ROOT,
        "  %-9s %9s %9s %9s %9s %13s%n",
        "channel",
        "planned",
        "initiated",
        "failed",
        "unknown",
        "not-attempted");
    boolean allInitiated = true;
    for (Channel c : Channel.values()) {
      ChannelTotals t = report.byChannel().get(c);
      o.printf(
          Locale.ROOT,
          "  %-9s %,9d %,9d %,9d %,9d %,13d%n",
          c,
          report.planned(c),
          t.initiated(),
          t.failed(),
          t.unknown(),
          t.notAttempted());
      allInitiated &= t.failed() + t.unknown() + t.notAttempted() == 0;
    }
    if (!allInitiated) {
      o.println("  failed: the API said it did not initiate them; unknown: sent, outcome unknown;");
      o.println(
          "  not-attempted: never carried out (expired, stopped, refused, throttled out, not reached)");
    }
    report.warnings().forEach(w -> o.println("Warning: " + w));
    report.notes().forEach(n -> o.println("Note: " + n));
    report.stopReason().ifPresent(r -> o.println("Stopped: " + r));
    List<StepResult> attention = report.steps().stream().filter(r -> !r.done()).toList();
    if (attention.isEmpty()) {
      o.println("Every step is done.");
      return;
    }
    o.println();
    o.println("Needs attention (" + attention.size() + " steps):");
    for (StepResult r : attention) {
      o.println(
          "  "
              + r.stepId()
              + " "
              + r.kind()
              + " ("
              + r.customers()
              + " customers): "
              + describe(r.outcome()));
      if (!r.failedCustomerIds().isEmpty()) {
        List<String> ids = r.failedCustomerIds();
        o.println(
            "      failed: "
                + String.join(", ", ids.subList(0, Math.min(MAX_IDS, ids.size())))
                + (ids.size() > MAX_IDS
                    ? " … (" + ids.size() + " in all; the journal has every one)"
                    : ""));
      }
      o.println("      -> " + advice(r.outcome(), rerun, followUp));
    }
  }

  private static String describe(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.Sent s) {
      return s.outcome()
          + (s.status().isPresent() ? " (HTTP " + s.status().getAsInt() + ")" : "")
          + " after "
          + s.attempts()
          + (s.attempts() == 1 ? " attempt" : " attempts")
          + (s.fromJournal() ? ", in an earlier run" : "")
          + ": "
          + s.message();
    }
    if (outcome instanceof StepOutcome.Expired e) {
      return "expired: not sent, its window ended at " + e.notAfter();
    }
    return "not run: " + ((StepOutcome.NotRun) outcome).reason();
  }

  private static String advice(StepOutcome outcome, String rerun, String followUp) {
    String name = outcome.outcome();
    switch (name) {
      case "partial":
        return "contact exactly the failed customers with a follow-up plan: " + followUp;
      case "short":
        return "the API carried out fewer than planned and did not say which: it is not sent again, and a follow-up"
            + " cannot name the missing ones by id. Check in the provider's dashboard (call and message logs) which"
            + " of the step's customers were reached, then plan again for the others";
      case "unknown":
      case "failed":
        return "do NOT send this step again blindly: its customers may have been contacted. Check with the API"
            + " (or the provider's call and message logs) who was reached, then plan again for the others";
      case "rejected":
        return "the API refused the request (nothing was sent to customers): fix the plan or the campaign, and plan again";
      case "expired":
        return "plan again for a new window";
      default: // unauthorized, throttled, failed_nothing, not_sent, not_run
        return "nothing was contacted for this step; fix the cause and run the same command again (steps already"
            + " settled are not sent again): "
            + rerun;
    }
  }
}
