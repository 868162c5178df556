package dev.outreach.report.explain;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.report.PlanIndex;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a plan does what it does for one customer: every rule that fired for them, every decision
 * those rules made and what became of it, and the requests that will reach them.
 *
 * <pre>{@code
 * CustomerTrace t = rules.trace(List.of(customer), day, experiments).get(0);
 * Explanation e = Explanation.of(PlanIndex.of(plan), customer, zone, t.firedRules(), t.decisions());
 * System.out.print(ExplainText.render(e));
 * }</pre>
 *
 * @param zone the customer's local zone (its {@code timezone} attribute, else the plan's)
 * @param firedRules every rule that fired with the customer in its match, in firing order
 * @param decisions each decision, in the order the rules made them, with its fate
 * @param steps every request that carries the customer, in plan order (uploads included)
 * @param warnings what the planner moved or dropped for the customer
 */
public record Explanation(
    Plan plan,
    Customer customer,
    PlanIndex.Status status,
    ZoneId zone,
    List<String> firedRules,
    List<DecisionFate> decisions,
    List<Step> steps,
    Optional<Plan.Suppressed> suppression,
    List<Plan.Warning> warnings) {

  public Explanation {
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(customer, "customer == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(zone, "zone == null");
    firedRules = List.copyOf(firedRules);
    decisions = List.copyOf(decisions);
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /**
   * Explains what {@code index}'s plan does for {@code customer}, given what the rules did for them
   * (from {@code RuleSet.trace} on the plan's day).
   *
   * @throws IllegalArgumentException when the plan does not know the customer
   */
  public static Explanation of(
      PlanIndex index,
      Customer customer,
      ZoneId zone,
      List<String> firedRules,
      List<Ruling> decisions) {
    String id = customer.loanId();
    PlanIndex.Status status = index.status(id);
    List<Step> steps = index.steps(id);
    Optional<Plan.Suppressed> suppression = index.suppression(id);
    List<Plan.Overridden> overrides = new ArrayList<>(index.overrides(id));
    List<Plan.Warning> warnings = index.warnings(id);
    List<Plan.Warning> unused = new ArrayList<>(warnings);
    List<DecisionFate> fates = new ArrayList<>();
    for (Ruling d : decisions) {
      if (d instanceof Suppression) {
        Suppression s = (Suppression) d;
        boolean reported =
            suppression.isPresent()
                && suppression.get().rule().equals(s.rule())
                && suppression.get().reason().equals(s.reason());
        fates.add(
            new DecisionFate(
                d,
                reported ? DecisionFate.Fate.SUPPRESSES : DecisionFate.Fate.SUPERSEDED,
                s.reason(),
                reported ? null : suppression.map(Plan.Suppressed::rule).orElse(null),
                null));
      } else {
        fates.add(fate((Contact) d, steps, overrides, unused));
      }
    }
    return new Explanation(
        index.plan(), customer, status, zone, firedRules, fates, steps, suppression, warnings);
  }

  private static DecisionFate fate(
      Contact c, List<Step> steps, List<Plan.Overridden> overrides, List<Plan.Warning> warnings) {
    for (Plan.Overridden o : overrides) {
      if (o.channel() == c.channel() && o.rule().equals(c.rule())) {
        overrides.remove(o);
        return new DecisionFate(c, DecisionFate.Fate.OVERRIDDEN, o.why(), o.winner(), null);
      }
    }
    String dropped = c.channel() + " not planned";
    for (Plan.Warning w : warnings) {
      if (c.rule().equals(w.rule()) && w.message().startsWith(dropped)) {
        warnings.remove(w);
        return new DecisionFate(
            c, DecisionFate.Fate.DROPPED, w.code() + ": " + w.message(), null, null);
      }
    }
    for (Step s : steps) {
      if (s.kind().contacts()
          && s.kind().channel() == c.channel()
          && s.rules().contains(c.rule())) {
        List<String> moved = new ArrayList<>();
        for (Plan.Warning w : List.copyOf(warnings)) {
          if (c.rule().equals(w.rule()) && !w.message().contains("not planned")) {
            moved.add(w.code() + ": " + w.message());
            warnings.remove(w);
          }
        }
        return new DecisionFate(
            c,
            DecisionFate.Fate.PLANNED,
            moved.isEmpty() ? null : String.join("; ", moved),
            null,
            s);
      }
    }
    return new DecisionFate(c, DecisionFate.Fate.UNMATCHED, null, null, null);
  }
}
