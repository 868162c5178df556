package dev.outreach.rules.testkit;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.rules.CustomerTrace;
import dev.outreach.rules.RuleEvaluationException;
import dev.outreach.rules.RuleSet;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells what the planner will finally do for one customer under a rule set: the rules are evaluated
 * and the customer is planned, so suppression, priority, salience and timing are applied exactly as
 * in a real plan. Immutable: each setting returns a new check.
 *
 * <pre>{@code
 * RuleCheck check = RuleCheck.of(rules).asOf(OffsetDateTime.parse("2025-08-05T09:00:00+05:30"));
 * Customer c = Customer.builder("L1").paymentStatus("bounced").language("hindi").build();
 * assertThat(check.decide(c).contact(Channel.CALL))
 *     .hasValueSatisfying(call -> assertThat(call.agentId()).isEqualTo("agent_abc123"));
 * }</pre>
 */
public final class RuleCheck {
  private static final String CAMPAIGN = "rule-check";

  private final RuleSet rules;
  private final OffsetDateTime asOf;
  private final ZoneId zone;
  private final List<Experiment> experiments;
  private final Guardrails guardrails;

  private RuleCheck(
      RuleSet rules,
      OffsetDateTime asOf,
      ZoneId zone,
      List<Experiment> experiments,
      Guardrails guardrails) {
    this.rules = rules;
    this.asOf = asOf;
    this.zone = zone;
    this.experiments = List.copyOf(experiments);
    this.guardrails = guardrails;
  }

  /** A check of {@code rules} with the defaults below. */
  public static RuleCheck of(RuleSet rules) {
    return new RuleCheck(
        Objects.requireNonNull(rules, "rules == null"),
        null,
        null,
        List.of(),
        new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty()));
  }

  /**
   * What "now" (and so {@code Today}) means. Default: the moment {@link #decide} is called; set it,
   * so that checks give the same answer every day.
   */
  public RuleCheck asOf(OffsetDateTime asOf) {
    return new RuleCheck(
        rules, Objects.requireNonNull(asOf, "asOf == null"), zone, experiments, guardrails);
  }

  /**
   * The plan's zone: what "today" and a decision's times mean. Default: the offset of {@link
   * #asOf}, else UTC.
   */
  public RuleCheck zone(ZoneId zone) {
    return new RuleCheck(
        rules, asOf, Objects.requireNonNull(zone, "zone == null"), experiments, guardrails);
  }

  /** Experiments whose arms rules may match (as {@code Arm} facts). Default: none. */
  public RuleCheck experiments(List<Experiment> experiments) {
    return new RuleCheck(rules, asOf, zone, experiments, guardrails);
  }

  /**
   * The guardrails the planner applies after the rules, as in a real plan. Default: the planner's
   * default, {@link GuardrailPolicy#defaults()} (the RBI calling hours) with no contact history.
   */
  public RuleCheck guardrails(Guardrails guardrails) {
    return new RuleCheck(
        rules, asOf, zone, experiments, Objects.requireNonNull(guardrails, "guardrails == null"));
  }

  /**
   * Evaluates the rules for {@code customer} alone and plans it.
   *
   * @throws RuleEvaluationException when a rule fails while it runs, naming the rule
   */
  public Outcome decide(Customer customer) {
    Objects.requireNonNull(customer, "customer == null");
    ZoneId z = zone != null ? zone : asOf != null ? asOf.getOffset() : ZoneOffset.UTC;
    OffsetDateTime at = asOf != null ? asOf : OffsetDateTime.now(z);
    CustomerTrace[] trace =
        new CustomerTrace[1]; // the rules run once, on the day the planner fixes
    Plan plan =
        Planner.builder(CAMPAIGN)
            .zone(z)
            .experiments(experiments)
            .guardrails(guardrails)
            .build()
            .plan(
                List.of(customer),
                (customers, day, sink) -> {
                  trace[0] = rules.trace(customers, day, experiments).get(0);
                  trace[0].decisions().forEach(sink);
                },
                at);
    Map<Channel, PlannedContact> contacts = new EnumMap<>(Channel.class);
    for (Step s : plan.steps()) {
      if (s.kind() == StepKind.CREATE_BATCH_CALL) {
        contacts.put(Channel.CALL, batchContact(s, z));
        continue;
      }
      if (!s.kind().contacts() || s.kind().batch()) {
        continue; // an upload, or a batch's schedule step (its create step stands for the call)
      }
      PlannedContact c = contact(s, z);
      contacts.put(c.channel(), c);
    }
    Optional<Plan.Suppressed> suppression = plan.suppressed().stream().findFirst();
    return new Outcome(
        customer.loanId(),
        trace[0].firedRules(),
        suppression,
        contacts,
        plan.overrides(),
        plan.warnings());
  }

  private static PlannedContact contact(Step s, ZoneId zone) {
    JsonObject body = s.body();
    JsonObject conversation = body.getJsonObject("conversationSettings");
    return new PlannedContact(
        s.kind().channel(),
        body.getString("agentId", null),
        body.getString("dispositionId", null),
        body.getString("templateId", null),
        conversation == null ? null : conversation.getString("agentId"),
        conversation == null ? null : conversation.getString("dispositionId"),
        inZone(s.notBefore(), zone),
        s.notAfter() == null ? null : inZone(s.notAfter(), zone),
        s.rules().get(0));
  }

  /**
   * A batched call: its campaign's agent, first calling moment and the end of that first day's
   * window.
   */
  private static PlannedContact batchContact(Step s, ZoneId zone) {
    JsonObject body = s.body();
    return new PlannedContact(
        Channel.CALL,
        body.getString("agent_id"),
        null,
        null,
        null,
        null,
        inZone(OffsetDateTime.parse(body.getString("scheduled_at")), zone),
        inZone(s.notAfter(), zone),
        s.rules().get(0));
  }

  private static OffsetDateTime inZone(OffsetDateTime t, ZoneId zone) {
    return t.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
