package dev.outreach.report.explain;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.report.internal.Wrap;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.CustomerMoney;
import dev.outreach.report.money.MoneyFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An {@link Explanation} for a terminal: fits 100 columns, phone numbers masked. */
public final class ExplainText {
  private static String campaign(jakarta.json.JsonObject b) {
    return "campaign \""
        + b.getString("name")
        + "\" calls from "
        + b.getString("scheduled_at")
        + (b.containsKey("start_time")
            ? ", daily " + b.getString("start_time") + "-" + b.getString("end_time")
            : "")
        + " "
        + b.getString("timezone", "UTC")
        + ", days "
        + b.getJsonArray("working_days")
        + ", retries "
        + b.getInt("max_retry_attempts", 0)
        + "; contacts: folder "
        + b.getString("contact_folder_id");
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final int W = Wrap.WIDTH;

  private ExplainText() {}

  /** The explanation as text, amounts in the plan zone's default currency. */
  public static String render(Explanation e) {
    return render(e, MoneyFormat.forZone(e.plan().zone()), Buckets.DEFAULT);
  }

  /**
   * The explanation as text, with the customer's EMI, overdue amount and days past due written with
   * {@code format} and bucketed by {@code buckets}.
   */
  public static String render(Explanation e, MoneyFormat format, Buckets buckets) {
    StringBuilder out = new StringBuilder();
    Plan plan = e.plan();
    out.append(e.customer().loanId()).append(": ").append(verdict(e)).append('\n');
    Wrap.append(
        out,
        "  ",
        "  ",
        "Plan for campaign "
            + plan.campaignId()
            + " as of "
            + WHEN.format(plan.asOf())
            + " ("
            + plan.zone().getId()
            + ")"
            + (e.zone().equals(plan.zone()) ? "" : "; the customer's zone is " + e.zone().getId()),
        W);

    out.append("\nCustomer\n");
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, String> f : Describe.fields(e.customer()).entrySet()) {
      fields.add(f.getKey() + "=" + f.getValue());
    }
    Wrap.append(
        out, "  ", "  ", fields.isEmpty() ? "(only a loan id)" : String.join("  ", fields), W);
    Wrap.append(out, "  ", "  ", money(e, format, buckets), W);

    out.append("\nRules that fired, in order\n");
    if (e.firedRules().isEmpty()) {
      out.append("  (none)\n");
    }
    for (int i = 0; i < e.firedRules().size(); i++) {
      Wrap.append(
          out, String.format(Locale.ROOT, "  %d. ", i + 1), "     ", e.firedRules().get(i), W);
    }

    out.append("\nDecisions, and what became of them\n");
    if (e.decisions().isEmpty()) {
      out.append(
          "  (none: no rule decided anything, so the customer is undecided and not contacted)\n");
    }
    for (DecisionFate f : e.decisions()) {
      Wrap.append(
          out,
          "  - ",
          "    ",
          Describe.decision(f.decision()) + " (rule \"" + f.decision().rule() + "\")",
          W);
      Wrap.append(out, "    -> ", "       ", fate(f), W);
    }

    out.append("\nRequests that reach this customer\n");
    if (e.steps().isEmpty()) {
      out.append("  (none)\n");
    }
    for (Step s : e.steps()) {
      Wrap.append(
          out, "  " + s.id() + "  ", "         ", s.kind() + "  " + s.method() + " " + s.path(), W);
      Wrap.append(
          out,
          "         ",
          "         ",
          when(s.notBefore(), s.notAfter())
              + "; "
              + String.format(Locale.ROOT, "%,d", s.customerIds().size())
              + " customers in this request"
              + (s.kind().contacts() ? "" : "; contacts nobody by itself")
              + s.referencedStepId()
                  .map(r -> "; {" + r + "} is the id step " + r + " returns")
                  .orElse(""),
          W);
      if (s.kind() == StepKind.CREATE_BATCH_CALL) {
        Wrap.append(out, "         ", "         ", campaign(s.body()), W);
      }
    }
    List<Plan.Warning> warnings = e.warnings();
    if (!warnings.isEmpty()) {
      out.append("\nWarnings\n");
      for (Plan.Warning w : warnings) {
        Wrap.append(
            out,
            "  " + w.code() + "  ",
            "    ",
            w.message() + (w.rule() == null ? "" : " (rule \"" + w.rule() + "\")"),
            W);
      }
    }
    return out.toString();
  }

  /** {@code EMI ₹8,867 (overdue ₹12,000); 49 days past due (31–60), from the dpd column}. */
  static String money(Explanation e, MoneyFormat format, Buckets buckets) {
    java.math.BigDecimal overdue = CustomerMoney.overdue(e.customer());
    Integer dpd = daysPastDue(e);
    return "EMI "
        + format.format(CustomerMoney.emi(e.customer()))
        + (overdue == null ? "" : " (overdue " + format.format(overdue) + ")")
        + "; "
        + (dpd == null
            ? "days past due unknown (no due date)"
            : dpd + " days past due (" + buckets.label(dpd) + ")")
        + (e.customer().attribute(CustomerMoney.DPD) != null ? ", dpd column" : "");
  }

  static Integer daysPastDue(Explanation e) {
    return CustomerMoney.daysPastDue(
        e.customer(), e.plan().asOf().atZoneSameInstant(e.zone()).toLocalDate());
  }

  static String verdict(Explanation e) {
    switch (e.status()) {
      case CONTACTED:
        {
          List<String> channels = new ArrayList<>();
          e.steps().stream()
              .filter(s -> s.kind().contacts())
              .forEach(s -> channels.add(s.kind().channel().name()));
          return "contacted on " + String.join(" and ", channels);
        }
      case SUPPRESSED:
        return "not contacted: suppressed ("
            + e.suppression().map(Plan.Suppressed::reason).orElse("")
            + ")";
      case UNDECIDED:
        return "not contacted: no rule decided anything";
      default:
        return "not contacted: every decision was dropped";
    }
  }

  /**
   * When and how a batch-call campaign calls, in its own zone: what its customers will experience.
   */
  private static String fate(DecisionFate f) {
    switch (f.fate()) {
      case PLANNED:
        return "planned: step "
            + f.step().id()
            + ", "
            + when(f.step().notBefore(), f.step().notAfter())
            + (f.why() == null ? "" : "; moved by a guardrail: " + f.why());
      case OVERRIDDEN:
        return "overridden by rule \"" + f.otherRule() + "\": " + f.why();
      case DROPPED:
        return "dropped: " + f.why();
      case SUPPRESSES:
        return "applies: the customer is contacted on no channel";
      case SUPERSEDED:
        return "also suppresses; the plan reports rule \"" + f.otherRule() + "\" (first by name)";
      default:
        return "not found in the plan (did the rules decide differently when it was made?)";
    }
  }

  static String when(OffsetDateTime notBefore, OffsetDateTime notAfter) {
    return "not before "
        + WHEN.format(notBefore)
        + " "
        + notBefore.getOffset()
        + (notAfter == null
            ? ""
            : ", until "
                + (notAfter.toLocalDate().equals(notBefore.toLocalDate())
                    ? notAfter.toLocalTime()
                    : WHEN.format(notAfter)));
  }
}
