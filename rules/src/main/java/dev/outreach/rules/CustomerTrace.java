package dev.outreach.rules;

import dev.outreach.core.decision.Ruling;
import java.util.List;
import java.util.Objects;

/**
 * What the rules did for one customer: every rule that fired with this customer in its match (in
 * firing order, once each), and the decisions they made.
 */
public record CustomerTrace(String customerId, List<String> firedRules, List<Ruling> decisions) {
  public CustomerTrace {
    Objects.requireNonNull(customerId, "customerId == null");
    firedRules = List.copyOf(firedRules);
    decisions = List.copyOf(decisions);
  }
}
