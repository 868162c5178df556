package dev.outreach.core.decision;

/**
 * What a rule decided for one customer: a {@link Contact} on a channel, or a {@link Suppression}
 * (contact on no channel), always tagged with the rule that made it.
 */
public sealed interface Decision permits Contact, Suppression {
  /** The loan id of the customer this decision is about. */
  String customerId();

  /** The name of the rule that made this decision. */
  String rule();
}
