package dev.outreach.rules.testkit;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.InvalidDecisionException;
import dev.outreach.rules.RuleEvaluationException;
import dev.outreach.rules.RuleSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One case of a cases file: a customer, the moment it is planned for, and what it expects.
 *
 * @param file the cases file, as given
 * @param line the case's line in that file
 * @param zone the plan's zone
 * @param customer the customer, without the case's own columns
 */
public record RuleCase(
    String name,
    String file,
    long line,
    OffsetDateTime asOf,
    ZoneId zone,
    Customer customer,
    Expectation expected) {

  public RuleCase {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(asOf, "asOf == null");
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(customer, "customer == null");
    Objects.requireNonNull(expected, "expected == null");
  }

  /**
   * Plans the customer under {@code rules} and compares the outcome with the expectation. A rule
   * that fails while it runs fails the case (with its message); it does not stop the other cases.
   */
  public CaseResult run(RuleSet rules) {
    return run(rules, List.of());
  }

  /** Runs this case, with the customer placed in the arms of {@code experiments}. */
  public CaseResult run(RuleSet rules, List<dev.outreach.core.experiment.Experiment> experiments) {
    try {
      Outcome actual =
          RuleCheck.of(rules).asOf(asOf).zone(zone).experiments(experiments).decide(customer);
      return new CaseResult(this, actual, expected.mismatches(actual), null);
    } catch (RuleEvaluationException | InvalidDecisionException e) {
      return new CaseResult(this, null, List.of(), e.getMessage());
    }
  }

  /** Where the case is: the file's name and the line, e.g. {@code cases.csv:4}. */
  public String where() {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(slash + 1) + ":" + line;
  }
}
