package dev.outreach.core.plan;

import java.util.List;

/**
 * A plan that must not be sent, with every problem found in it (not only the first). Thrown when a
 * plan is read ({@link PlanJson#read}: fields missing or malformed) and before it is executed
 * ({@link PlanValidation#require}: paths, bodies, audiences, customers twice on a channel); nothing
 * of the plan is sent while any problem remains.
 */
public final class InvalidPlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * At most this many problems are spelled out in the message; {@link #problems()} holds them all.
   */
  static final int LISTED = 1_000;

  private final transient List<PlanProblem> problems;

  /** An exception for {@code problems}, which must not be empty. */
  public InvalidPlanException(List<PlanProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in plan order. */
  public List<PlanProblem> problems() {
    return problems;
  }

  private static String message(List<PlanProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid plan has at least one problem");
    }
    StringBuilder sb =
        new StringBuilder("the plan is refused, nothing of it is sent: ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(" (plan again rather than edit a plan by hand)");
    for (PlanProblem p : problems.subList(0, Math.min(LISTED, problems.size()))) {
      sb.append("\n").append("  - ").append(p);
    }
    if (problems.size() > LISTED) {
      sb.append("\n").append("  … and ").append(problems.size() - LISTED).append(" more");
    }
    return sb.toString();
  }
}
