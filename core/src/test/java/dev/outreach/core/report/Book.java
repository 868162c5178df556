package dev.outreach.core.report;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Decision;
import dev.outreach.core.decision.DecisionSource;
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
    return new Contact(id, Channel.CALL, agent, "disp", null, null, t, priority, rule);
  }

  public static Contact sms(String id, String template, Timing t, String rule) {
    return new Contact(id, Channel.SMS, null, null, template, null, t, 0, rule);
  }

  public static Suppression suppress(String id, String reason, String rule) {
    return new Suppression(id, reason, rule);
  }

  public static DecisionSource source(List<? extends Decision> decisions) {
    return (customers, day, sink) -> decisions.forEach(sink);
  }

  /** Plans {@code customers} with {@code decisions}, RBI hours, as of 09:00 in Kolkata. */
  public static Plan plan(List<Customer> customers, List<? extends Decision> decisions, boolean upload) {
    return Planner.builder("CAMP").zone(ZONE).uploadCustomers(upload)
        .guardrails(new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty())).build()
        .plan(customers, source(decisions), AS_OF);
  }
}
