package dev.outreach.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work rules may do before an evaluation stops with a {@link RuleEvaluationException}
 * naming the rule, its file and the customer: a guard against rules that never end (a rule that
 * {@code update}s its own fact without {@code no-loop}, keeps inserting facts, loops or sleeps in
 * its consequence).
 *
 * <p>Customers are evaluated in batches (1,000 by default), each in its own session on a worker
 * thread:
 *
 * <ul>
 *   <li>{@code maxFiringsPerCustomer}: a batch may fire rules at most this many times per customer
 *       in it (default {@value #DEFAULT_FIRINGS_PER_CUSTOMER}; rules that decide usually fire a
 *       handful of times, and a rule that keeps inserting facts fills memory fast: a million facts
 *       in a batch of 1,000).
 *   <li>{@code batchTimeout}: a batch may run at most this long (default 30 seconds; a batch
 *       normally takes milliseconds). When it is exceeded the evaluation fails at once, the session
 *       is halted and its thread interrupted (which ends a {@code Thread.sleep}). A consequence
 *       that loops without end ({@code while (true) {}}) cannot be stopped in Java: its thread, a
 *       daemon thread, stays busy until the program ends, so a long-running host should treat this
 *       error as a reason to fix the rules and restart.
 * </ul>
 *
 * @param maxFiringsPerCustomer at least 1
 * @param batchTimeout positive
 */
public record RuleBudget(int maxFiringsPerCustomer, Duration batchTimeout)
    implements java.io.Serializable {
  /** The default limit on rule firings per customer. */
  public static final int DEFAULT_FIRINGS_PER_CUSTOMER = 1_000;

  /** {@value #DEFAULT_FIRINGS_PER_CUSTOMER} firings per customer and 30 seconds per batch. */
  public static final RuleBudget DEFAULT =
      new RuleBudget(DEFAULT_FIRINGS_PER_CUSTOMER, Duration.ofSeconds(30));

  public RuleBudget {
    Objects.requireNonNull(batchTimeout, "batchTimeout == null");
    if (maxFiringsPerCustomer < 1) {
      throw new IllegalArgumentException(
          "maxFiringsPerCustomer must be at least 1, not " + maxFiringsPerCustomer);
    }
    if (batchTimeout.isNegative() || batchTimeout.isZero()) {
      throw new IllegalArgumentException("batchTimeout must be positive, not " + batchTimeout);
    }
  }

  /** This budget with another limit on firings per customer. */
  public RuleBudget withMaxFiringsPerCustomer(int max) {
    return new RuleBudget(max, batchTimeout);
  }

  /** This budget with another time limit per batch. */
  public RuleBudget withBatchTimeout(Duration timeout) {
    return new RuleBudget(maxFiringsPerCustomer, timeout);
  }

  /** The firings a batch of {@code customers} may make. */
  int firings(int customers) {
    return (int)
        Math.min(Integer.MAX_VALUE - 1L, (long) maxFiringsPerCustomer * Math.max(1, customers));
  }
}
