package dev.outreach.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules did not compile; every error is listed, each with its file and line. */
public final class RuleCompileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<RuleProblem> problems;

  RuleCompileException(List<RuleProblem> problems) {
    super(
        problems.stream().filter(RuleProblem::error).count()
            + " error(s) in the rules:\n  "
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  /** Every error and warning, in file and line order. */
  public List<RuleProblem> problems() {
    return problems;
  }
}
