package dev.outreach.report;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Small portfolios, decisions and plans for the report tests. */
public final class Book {
  public static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  private Book() {}

  public static Contact call(String id, String agent, Timing t, int priority, String rule) {
    return Contact.of(id, Channel.CALL, agent, "disp", null, null, t, priority, rule);
  }

  public static Contact sms(String id, String template, Timing t, String rule) {
    return Contact.of(id, Channel.SMS, null, null, template, null, t, 0, rule);
  }

  public static Suppression suppress(String id, String reason, String rule) {
    return new Suppression(id, reason, rule);
  }

  public static DecisionSource source(List<? extends Ruling> decisions) {
    return (customers, day, sink) -> decisions.forEach(sink);
  }

  /** A Saturday, 10:00 in Kolkata: under {@link #weekdays()} every contact now moves to Monday. */
  public static final OffsetDateTime SATURDAY = OffsetDateTime.parse("2025-08-09T10:00:00+05:30");

  /**
   * RBI hours, Monday to Friday, and every 50th customer of {@link #weekend} on the do-not-contact
   * list.
   */
  public static GuardrailPolicy weekdays(List<String> doNotContact) {
    return GuardrailPolicy.defaults().toBuilder()
        .workingDays(
            java.time.DayOfWeek.MONDAY,
            java.time.DayOfWeek.TUESDAY,
            java.time.DayOfWeek.WEDNESDAY,
            java.time.DayOfWeek.THURSDAY,
            java.time.DayOfWeek.FRIDAY)
        .doNotContact(doNotContact)
        .build();
  }

  /**
   * {@code n} customers {@code LOAN-000001}… planned on {@link #SATURDAY}, each with a call (rule
   * "High risk: call" for every third, else "Overdue: call") and an SMS ("Overdue: SMS"): all moved
   * to Monday 08:00, except every 50th customer, who is on the do-not-contact list (both dropped).
   */
  public static Plan weekend(int n) {
    List<Customer> customers = new java.util.ArrayList<>(n);
    List<Ruling> decisions = new java.util.ArrayList<>(2 * n);
    List<String> dnc = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String id = String.format(java.util.Locale.ROOT, "LOAN-%06d", i);
      customers.add(Customer.builder(id).build());
      decisions.add(
          call(id, "agent_a", Timing.NOW, 0, i % 3 == 0 ? "High risk: call" : "Overdue: call"));
      decisions.add(sms(id, "tpl", Timing.NOW, "Overdue: SMS"));
      if (i % 50 == 0) {
        dnc.add(id);
      }
    }
    return Planner.builder("CAMP")
        .zone(ZONE)
        .guardrails(new Guardrails(weekdays(dnc), ContactHistory.empty()))
        .build()
        .plan(customers, source(decisions), SATURDAY);
  }

  /** Plans {@code customers} with {@code decisions}, RBI hours, as of 09:00 in Kolkata. */
  public static Plan plan(
      List<Customer> customers, List<? extends Ruling> decisions, boolean upload) {
    return Planner.builder("CAMP")
        .zone(ZONE)
        .uploadCustomers(upload)
        .guardrails(new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty()))
        .build()
        .plan(customers, source(decisions), AS_OF);
  }
}
