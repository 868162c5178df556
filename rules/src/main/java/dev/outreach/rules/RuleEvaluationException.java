package dev.outreach.rules;

/** A rule failed while it ran (its consequence threw, or it built a decision the API cannot carry out). */
public final class RuleEvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RuleEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
