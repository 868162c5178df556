package dev.outreach.core.decision;

/**
 * What a rule ruled for one customer: a {@link Contact} on a channel, or a {@link Suppression}
 * (contact on no channel), always tagged with the rule that made it. This is what the planner
 * reads; DRL rules build it through {@code dev.outreach.rules.Decision}.
 */
public sealed interface Ruling extends java.io.Serializable permits Contact, Suppression {
  /** The loan id of the customer this ruling is about. */
  String customerId();

  /** The name of the rule that made this ruling. */
  String rule();
}
