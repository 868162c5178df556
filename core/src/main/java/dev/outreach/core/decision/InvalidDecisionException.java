package dev.outreach.core.decision;

/** A rule built a decision the API could not carry out; the message names the rule and customer. */
public final class InvalidDecisionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidDecisionException(String message) {
    super(message);
  }
}
