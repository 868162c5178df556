package dev.outreach.rules.testkit;

import dev.outreach.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How one case fared.
 *
 * @param actual what the planner will do for the case's customer, or {@code null} when a rule
 *     failed
 * @param mismatches how {@code actual} differs from the expectation, one sentence each
 * @param error the message of the rule that failed while it ran, or {@code null}
 */
public record CaseResult(RuleCase ruleCase, Outcome actual, List<String> mismatches, String error) {
  private static final String INDENT = "            ";

  public CaseResult {
    Objects.requireNonNull(ruleCase, "ruleCase == null");
    mismatches = List.copyOf(mismatches);
  }

  /** Whether the rules did exactly what the case expects. */
  public boolean passed() {
    return error == null && mismatches.isEmpty();
  }

  /**
   * For a pass, one line ({@code ok NAME}); for a failure, the case and its line, what it expected,
   * what the planner will actually do, how they differ and which rules fired for the customer.
   */
  public String report() {
    if (passed()) {
      return "ok  " + ruleCase.name();
    }
    List<String> lines = new ArrayList<>();
    lines.add("FAIL " + ruleCase.name() + " (" + ruleCase.where() + ")");
    lines.add("  expected: " + ruleCase.expected());
    if (error != null) {
      lines.add("  error:    " + error.replace("\n", "\n" + INDENT));
      return String.join("\n", lines);
    }
    lines.add("  actual:   " + String.join("\n" + INDENT, actual(actual)));
    lines.add("  differs:  " + String.join("\n" + INDENT, mismatches));
    lines.add(
        "  fired:    "
            + (actual.firedRules().isEmpty()
                ? "no rule"
                : actual.firedRules().stream()
                    .map(r -> "\"" + r + "\"")
                    .collect(Collectors.joining(", "))));
    return String.join("\n", lines);
  }

  /** The outcome in the words of a cases file, with the times and rules the planner settled on. */
  static List<String> actual(Outcome o) {
    List<String> out = new ArrayList<>();
    o.suppression()
        .ifPresent(s -> out.add("suppress \"" + s.reason() + "\" (rule \"" + s.rule() + "\")"));
    for (PlannedContact c : o.contacts().values()) {
      out.add(
          Expectation.name(c.channel())
              + " "
              + String.join("/", Expectation.ids(c))
              + " not before "
              + c.notBefore()
              + (c.notAfter() == null ? "" : " until " + c.notAfter())
              + " (rule \""
              + c.rule()
              + "\")");
    }
    if (out.isEmpty()) {
      out.add("none");
    }
    for (Plan.Overridden x : o.overrides()) {
      out.add(
          "("
              + Expectation.name(x.channel())
              + " by \""
              + x.rule()
              + "\" lost to \""
              + x.winner()
              + "\": "
              + x.why()
              + ")");
    }
    for (Plan.Warning w : o.warnings()) {
      out.add("(warning " + w.code() + ": " + w.message() + ", rule \"" + w.rule() + "\")");
    }
    return out;
  }
}
