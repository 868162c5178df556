package dev.outreach.http.client;

import java.util.Objects;

/**
 * Thrown where a value cannot be returned, e.g. by an iterator over all pages of a listing when a
 * page request does not succeed. Its message says what happened and what to do; it never holds the
 * token.
 */
public class OutreachException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the failing request came to. */
  private final transient ApiOutcome<?> outcome;

  /** An exception for {@code outcome}, explained by {@code message}. */
  public OutreachException(String message, ApiOutcome<?> outcome) {
    super(message);
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
  }

  /** What the failing request came to. */
  public ApiOutcome<?> outcome() {
    return outcome;
  }
}
