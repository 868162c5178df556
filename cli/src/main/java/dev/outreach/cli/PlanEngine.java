package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.rules.RuleSet;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code outreach plan} reads the portfolio and evaluates the rules. The program does both in
 * its own process; {@code outreach-spark} does both on Apache Spark, and everything else (options,
 * guardrails, planning, output) stays the program's, so the plan is the same.
 */
public interface PlanEngine {

  /**
   * Reads the customers at {@code customers} and evaluates {@code rules} for each, as of {@code
   * day}.
   *
   * @param rules already compiled here, so that errors in them are reported before any work is sent
   *     anywhere; {@link RuleSet#sources()} compiles them elsewhere
   * @throws dev.outreach.core.portfolio.PortfolioException if the portfolio has bad rows; nothing
   *     is planned then
   */
  Evaluated evaluate(Path customers, RuleSet rules, List<Experiment> experiments, PlanningDay day)
      throws Exception;

  /**
   * {@link #evaluate(Path, RuleSet, List, PlanningDay)}, also telling which rules fired for each
   * customer when {@code firedRules} (the HTML report shows them). By default they are not told.
   */
  default Evaluated evaluate(
      Path customers,
      RuleSet rules,
      List<Experiment> experiments,
      PlanningDay day,
      boolean firedRules)
      throws Exception {
    return evaluate(customers, rules, experiments, day);
  }

  /**
   * Makes the whole plan where the engine keeps the customers: each is read, decided by {@code
   * rules} and planned by {@code planner} (conflicts, timing, consent, every guardrail) there, and
   * the plan is put together from the customer plans in loan-id order, with only the attributes
   * filters read kept here. The plan is the one {@code planner} makes of the same customers.
   *
   * @return the plan, or {@code null} when this engine does not plan (the default): {@link
   *     #evaluate} is used then
   * @throws dev.outreach.core.portfolio.PortfolioException if the portfolio has bad rows; nothing
   *     is planned then
   */
  default dev.outreach.core.plan.Plan plan(
      Path customers,
      RuleSet rules,
      List<Experiment> experiments,
      dev.outreach.core.plan.Planner planner,
      java.time.OffsetDateTime asOf)
      throws Exception {
    return null;
  }

  /**
   * {@link #plan(Path, RuleSet, List, Planner, java.time.OffsetDateTime)}, also giving back the
   * customers, in the portfolio's order, for the text report's money and breakdowns: at least what
   * it reads ({@link dev.outreach.core.Customer#filterable}), which an engine may give instead of
   * the whole customer.
   *
   * @return the plan and its customers, or {@code null} when this engine does not plan (the
   *     default)
   */
  default Reported planForReport(
      Path customers,
      RuleSet rules,
      List<Experiment> experiments,
      dev.outreach.core.plan.Planner planner,
      java.time.OffsetDateTime asOf)
      throws Exception {
    return null;
  }

  /** A plan and the customers it was made of. */
  record Reported(dev.outreach.core.plan.Plan plan, List<Customer> portfolio) {}

  /**
   * The portfolio and what the rules decided for it.
   *
   * @param decisions gives the rules' decisions for any part of {@code portfolio}, as the rules
   *     would
   * @param firedRules per loan id, the rules that fired, in firing order; empty when not asked for
   */
  record Evaluated(
      List<Customer> portfolio,
      DecisionSource decisions,
      java.util.Map<String, List<String>> firedRules) {

    /** Without fired rules. */
    public Evaluated(List<Customer> portfolio, DecisionSource decisions) {
      this(portfolio, decisions, java.util.Map.of());
    }
  }
}
