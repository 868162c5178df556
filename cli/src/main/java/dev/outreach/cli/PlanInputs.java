package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.rules.RuleSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What a plan is made from, and the one way the commands make it. */
record PlanInputs(
    RuleSet rules,
    List<Customer> customers,
    String campaignId,
    OffsetDateTime asOf,
    ZoneId zone,
    List<Experiment> experiments,
    Guardrails guardrails,
    FilterCompiler.Mode filters,
    boolean upload) {
  /** These inputs for {@code portfolio} (the policy and history already read). */
  PlanInputs withCustomers(List<Customer> portfolio) {
    return new PlanInputs(
        rules, portfolio, campaignId, asOf, zone, experiments, guardrails, filters, upload);
  }

  Plan plan() {
    return plan(rules.decisions(experiments));
  }

  /**
   * The plan, with decisions from {@code source} (the rules, perhaps traced or watched for
   * progress).
   */
  Plan plan(DecisionSource source) {
    return planner().plan(customers, source, asOf);
  }

  /** The planner these inputs configure. */
  Planner planner() {
    return Planner.builder(campaignId)
        .zone(zone)
        .experiments(experiments)
        .guardrails(guardrails)
        .filters(filters)
        .uploadCustomers(upload)
        .build();
  }
}
