package dev.outreach.examples.sample;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.decision.Timing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sample rules ({@code outreach/sample/rules/*.drl}) written by hand in plain Java, rule names
 * and all: the baseline the rule engine is measured against, and a check that the DRL means what it
 * says.
 */
public final class SampleRulesByHand implements DecisionSource {
  private static final BigDecimal THIRTY = BigDecimal.valueOf(30);
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final Timing MORNING = Timing.NOW.window("10:00", "13:00");
  private static final Timing AFTERNOON = Timing.NOW.window("15:00", "18:00");
  private static final Timing HALF_NINE = Timing.NOW.at("09:30");
  private static final Conversation CONVERSATION =
      new Conversation("PPTnLQAvGlLtVgRbpcFn", "XaYnpMfmTumXNSgOSIZB");

  @Override
  public void decide(List<Customer> customers, PlanningDay day, Consumer<Ruling> sink) {
    LocalDate today = day.date();
    for (Customer c : customers) {
      decide(c, today, sink);
    }
  }

  private static void decide(Customer c, LocalDate today, Consumer<Ruling> sink) {
    String id = c.loanId();
    String status = c.paymentStatus();
    BigDecimal dpd =
        c.attribute("dpd") instanceof BigDecimal ? (BigDecimal) c.attribute("dpd") : null;
    if ("paid".equals(status)) {
      sink.accept(new Suppression(id, "already paid", "Paid customers are never contacted"));
    }
    if (Boolean.TRUE.equals(c.attribute("dnc"))) {
      sink.accept(
          new Suppression(
              id, "asked not to be contacted", "Customers who asked not to be contacted"));
    }
    boolean bounced = "bounced".equals(status);
    boolean partial = "partial".equals(status);
    if (bounced && "hindi".equals(c.language())) {
      sink.accept(
          call(
              id,
              "agent_abc123",
              "disp_xyz789",
              MORNING,
              0,
              "Bounced EMI gets a voice call in the morning (Hindi)"));
    }
    if (bounced && !"hindi".equals(c.language())) {
      sink.accept(
          call(
              id,
              "agent_en_001",
              "disp_xyz789",
              MORNING,
              0,
              "Bounced EMI gets a voice call in the morning"));
    }
    boolean highRisk =
        dpd != null
            && ((bounced && dpd.compareTo(THIRTY) > 0) || (partial && dpd.compareTo(SIXTY) > 0));
    if (highRisk) {
      sink.accept(
          call(
              id,
              "agent_recovery_01",
              "disp_recovery",
              AFTERNOON,
              10,
              "High risk accounts get the recovery agent in the afternoon"));
    }
    if ("pending".equals(status) && c.emiDueDate() != null) {
      long days = ChronoUnit.DAYS.between(today, c.emiDueDate());
      if (days >= 0 && days <= 3) {
        sink.accept(
            Contact.of(
                id,
                Channel.WHATSAPP,
                null,
                null,
                "hfu7VL6sBhI6NPm",
                CONVERSATION,
                Timing.NOW,
                0,
                "Pending and due within 3 days: WhatsApp with a conversation agent"));
      } else if (days >= 4 && days <= 7) {
        sink.accept(
            Contact.of(
                id,
                Channel.SMS,
                null,
                null,
                "tpl_reminder_7d",
                null,
                HALF_NINE,
                0,
                "Pending and due in 4 to 7 days: SMS reminder at half past nine"));
      }
    }
    if (partial) {
      sink.accept(
          Contact.of(
              id,
              Channel.SMS,
              null,
              null,
              "tpl_partial_balance",
              null,
              Timing.NOW,
              0,
              "Part-paid EMI: SMS with the balance link"));
    }
  }

  private static Contact call(
      String id, String agent, String disposition, Timing t, int priority, String rule) {
    return Contact.of(id, Channel.CALL, agent, disposition, null, null, t, priority, rule);
  }
}
