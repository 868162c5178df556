package dev.outreach.rules;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.decision.Timing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a rule inserts: an immutable decision about one customer, built fluently in a consequence.
 *
 * <pre>
 * insert( Decision.call($c).agent("agent_abc123").disposition("disp_xyz789").window("10:00", "13:00") );
 * insert( Decision.whatsapp($c).template("hfu7VL6sBhI6NPm").conversation("PPTnLQAvGlLtVgRbpcFn", "XaYnpMfmTumXNSgOSIZB") );
 * insert( Decision.suppress($c, "already paid") );
 * </pre>
 *
 * <p>Each fluent method returns a new decision. The engine records which rule made it ({@link
 * #rule()}); authors never pass it. Decisions are ordinary facts, so rules can match them: {@code
 * not Decision( customerId == $c.loanId, suppression == true )}.
 *
 * @param customerId the loan id of the customer
 * @param channel the channel, or {@code null} for a suppression
 * @param reason why the customer is suppressed, or {@code null} for a contact
 * @param rule the name of the rule whose consequence made this decision (set by the engine)
 * @param salience that rule's salience (set by the engine)
 * @param batch the batch-call campaign of a call, or {@code null} (see {@link
 *     #batch(BatchCampaign)})
 * @param score what reaching the customer is worth, or {@code null} (see {@link #score(Number)})
 */
public record Decision(
    String customerId,
    Channel channel,
    String agentId,
    String dispositionId,
    String templateId,
    Conversation conversation,
    Timing timing,
    int priority,
    String reason,
    String rule,
    int salience,
    BatchCampaign batch,
    BigDecimal score) {

  public Decision {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(rule, "rule == null");
    timing = timing == null ? Timing.NOW : timing;
    if ((channel == null) == (reason == null)) {
      throw new IllegalArgumentException(
          "a decision is either a contact (channel) or a suppression (reason)");
    }
    if (batch != null && channel != Channel.CALL) {
      throw new dev.outreach.core.decision.InvalidDecisionException(
          "batch(...) is for calls: only calls can be made through a batch-call campaign");
    }
  }

  /** An AI voice call; set {@link #agent} and {@link #disposition}. */
  public static Decision call(Customer customer) {
    return contact(customer, Channel.CALL);
  }

  /** An SMS; set {@link #template}. */
  public static Decision sms(Customer customer) {
    return contact(customer, Channel.SMS);
  }

  /** A WhatsApp message; set {@link #template}, optionally {@link #conversation}. */
  public static Decision whatsapp(Customer customer) {
    return contact(customer, Channel.WHATSAPP);
  }

  /** Contact on no channel: beats every contact decision for this customer. */
  public static Decision suppress(Customer customer, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new dev.outreach.core.decision.InvalidDecisionException(
          "Decision.suppress(customer, reason) needs a reason, e.g. \"already paid\"");
    }
    RuleStamp.Stamp by = RuleStamp.current();
    return new Decision(
        id(customer),
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        reason,
        by.rule(),
        by.salience(),
        null,
        null);
  }

  private static Decision contact(Customer customer, Channel channel) {
    RuleStamp.Stamp by = RuleStamp.current();
    return new Decision(
        id(customer),
        channel,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        by.rule(),
        by.salience(),
        null,
        null);
  }

  private static String id(Customer customer) {
    return Objects.requireNonNull(customer, "customer == null").loanId();
  }

  /** The AI agent that makes the call. */
  public Decision agent(String agentId) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        reason,
        rule,
        salience,
        batch,
        score);
  }

  /** The disposition the call is categorised under. */
  public Decision disposition(String dispositionId) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        reason,
        rule,
        salience,
        batch,
        score);
  }

  /** The SMS or WhatsApp template. */
  public Decision template(String templateId) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        reason,
        rule,
        salience,
        batch,
        score);
  }

  /** The conversational agent a WhatsApp message hands over to. */
  public Decision conversation(String agentId, String dispositionId) {
    return new Decision(
        customerId,
        channel,
        this.agentId,
        this.dispositionId,
        templateId,
        new Conversation(agentId, dispositionId),
        timing,
        priority,
        reason,
        rule,
        salience,
        batch,
        score);
  }

  /** On this date (in the customer's zone); combine with {@link #at} or {@link #window}. */
  public Decision on(LocalDate date) {
    return withTiming(timing.on(Objects.requireNonNull(date, "date == null")));
  }

  /**
   * On this date, "YYYY-MM-DD": the same as {@link #on(LocalDate)}, without importing java.time in
   * DRL.
   */
  public Decision on(String date) {
    try {
      return on(LocalDate.parse(Objects.requireNonNull(date, "date == null")));
    } catch (java.time.format.DateTimeParseException e) {
      throw new dev.outreach.core.decision.InvalidDecisionException(
          "on(\"" + date + "\") is not a date as YYYY-MM-DD");
    }
  }

  /** At this local time, "HH:mm"; if it has passed today (and no date is set), tomorrow. */
  public Decision at(String time) {
    return withTiming(timing.at(time));
  }

  /**
   * Within this daily window, "HH:mm" to "HH:mm"; if it has closed today (and no date is set),
   * tomorrow's.
   */
  public Decision window(String from, String to) {
    return withTiming(timing.window(from, to));
  }

  /**
   * Makes this call through a batch-call campaign (see {@link BatchCampaign}): the agent must be a
   * UUID, a {@link #window} becomes the campaign's daily window, and customers whose campaigns are
   * equal share one campaign.
   */
  public Decision batch(BatchCampaign campaign) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        reason,
        rule,
        salience,
        Objects.requireNonNull(campaign, "campaign == null"),
        score);
  }

  /**
   * A batch-call campaign named {@code name} over the contacts of folder {@code contactFolderId},
   * API defaults otherwise.
   */
  public Decision batch(String name, String contactFolderId) {
    return batch(BatchCampaign.of(name, contactFolderId));
  }

  /** Wins over lower priorities on the same channel for the same customer. Default 0. */
  public Decision priority(int priority) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        reason,
        rule,
        salience,
        batch,
        score);
  }

  /**
   * How much reaching this customer is worth, e.g. a collection score or the amount overdue: where
   * a channel's daily capacity (the policy's {@code capacity}) runs short, contacts of the same
   * priority are kept highest score first, then by loan id. Any number ({@code 0.87}, {@code
   * $c.emiAmount()}); no score ranks after every score.
   */
  public Decision score(Number score) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        reason,
        rule,
        salience,
        batch,
        decimal(score));
  }

  private static BigDecimal decimal(Number n) {
    if (n == null) {
      return null;
    }
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new dev.outreach.core.decision.InvalidDecisionException(
            "score(" + n + "): a score is a finite number");
      }
      return new BigDecimal(n.toString());
    }
    return new BigDecimal(n.toString());
  }

  /** Whether this is a suppression rather than a contact. */
  public boolean suppression() {
    return channel == null;
  }

  private Decision withTiming(Timing t) {
    return new Decision(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        t,
        priority,
        reason,
        rule,
        salience,
        batch,
        score);
  }

  /** The planner's form of this decision. */
  dev.outreach.core.decision.Ruling toCore() {
    if (channel == null) {
      return new Suppression(customerId, reason, rule);
    }
    return Contact.of(
            customerId,
            channel,
            agentId,
            dispositionId,
            templateId,
            conversation,
            timing,
            priority,
            salience,
            rule,
            batch)
        .withScore(score);
  }
}
