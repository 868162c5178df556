package dev.outreach.core.decision;

import java.util.Objects;

/** A decision to contact a customer on no channel; it beats every {@link Contact}. */
public record Suppression(String customerId, String reason, String rule) implements Ruling {
  public Suppression {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(rule, "rule == null");
    if (reason == null || reason.isBlank()) {
      throw new InvalidDecisionException(
          "rule \""
              + rule
              + "\" suppressed "
              + customerId
              + " without a reason: write Decision.suppress($c, \"why\")");
    }
  }
}
