package dev.outreach.benchmarks;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.report.TextReport;
import dev.outreach.report.html.HtmlReport;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text and HTML reports of a plan with many warnings: customers planned on a Saturday under a
 * policy that works Monday to Friday, each with a call and an SMS, so almost every contact is moved
 * to Monday (and 2 % are on the do-not-contact list, so dropped). Prints the size and time of each
 * report against the plan JSON of the same plan in the same run, which keeps every warning.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.WarningsBenchmark [customers] [rounds]
 * </pre>
 */
public final class WarningsBenchmark {
  private static final OffsetDateTime SATURDAY = OffsetDateTime.parse("2025-08-09T10:00:00+05:30");

  private WarningsBenchmark() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Plan plan = plan(size);
    System.out.printf(
        Locale.ROOT,
        "Warnings benchmark: %,d customers, %,d warnings, %d rounds after 1 warm-up%n",
        size,
        plan.warnings().size(),
        rounds);
    for (int r = -1; r < rounds; r++) {
      long t0 = System.nanoTime();
      String json = PlanJson.write(plan);
      double jsonSeconds = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      String text = TextReport.render(plan);
      double textSeconds = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      StringWriter html = new StringWriter();
      try {
        HtmlReport.builder(plan).build().write(html);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      double htmlSeconds = (System.nanoTime() - t0) / 1e9;
      if (r >= 0) {
        long jsonBytes = json.getBytes(StandardCharsets.UTF_8).length;
        long htmlBytes = html.toString().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(
            Locale.ROOT,
            "  round %d: plan JSON %,d bytes in %.3f s | text %,d lines, %,d bytes in %.3f s | HTML %,d bytes in "
                + "%.3f s (%.3fx the JSON's size, %.2fx its time)%n",
            r + 1,
            jsonBytes,
            jsonSeconds,
            text.lines().count(),
            text.getBytes(StandardCharsets.UTF_8).length,
            textSeconds,
            htmlBytes,
            htmlSeconds,
            (double) htmlBytes / jsonBytes,
            htmlSeconds / jsonSeconds);
      }
    }
  }

  /** {@code size} customers, each with a call and an SMS decided on a Saturday. */
  static Plan plan(int size) {
    List<Customer> customers = new ArrayList<>(size);
    List<Ruling> decisions = new ArrayList<>(2 * size);
    List<String> dnc = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      String id = String.format(Locale.ROOT, "LOAN-%07d", i);
      customers.add(Customer.builder(id).build());
      decisions.add(
          Contact.of(
              id,
              Channel.CALL,
              "agent_a",
              "disp",
              null,
              null,
              Timing.NOW,
              0,
              i % 3 == 0 ? "High risk: call" : "Overdue: call"));
      decisions.add(
          Contact.of(
              id, Channel.SMS, null, null, "tpl_reminder", null, Timing.NOW, 0, "Overdue: SMS"));
      if (i % 50 == 0) {
        dnc.add(id);
      }
    }
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder()
            .workingDays(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)
            .doNotContact(dnc)
            .build();
    DecisionSource source = (cs, day, sink) -> decisions.forEach(sink);
    return Planner.builder("CAMP")
        .zone(ZoneId.of("Asia/Kolkata"))
        .guardrails(new Guardrails(policy, ContactHistory.empty()))
        .build()
        .plan(customers, source, SATURDAY);
  }
}
