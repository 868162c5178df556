package dev.outreach.rules;

/**
 * A rule failed while it ran (its consequence threw, or it built a decision the API cannot carry
 * out), or the rules overran their {@link RuleBudget} (fired too often, or ran too long); the
 * message names the rule, its file and the customer.
 */
public final class RuleEvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RuleEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
