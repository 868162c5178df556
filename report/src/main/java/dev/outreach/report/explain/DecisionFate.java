package dev.outreach.report.explain;

import dev.outreach.core.decision.Ruling;
import dev.outreach.core.plan.Step;
import java.util.Objects;

/**
 * What became of one decision a rule made for the customer.
 *
 * @param why for {@link Fate#OVERRIDDEN} the reason it lost, for {@link Fate#DROPPED} the warning,
 *     for {@link Fate#PLANNED} what a guardrail changed (or {@code null}), for a suppression its
 *     reason
 * @param otherRule the rule that won over it ({@link Fate#OVERRIDDEN}, {@link Fate#SUPERSEDED}),
 *     else {@code null}
 * @param step the request that carries it ({@link Fate#PLANNED}), else {@code null}
 */
public record DecisionFate(Ruling decision, Fate fate, String why, String otherRule, Step step) {
  public DecisionFate {
    Objects.requireNonNull(decision, "decision == null");
    Objects.requireNonNull(fate, "fate == null");
  }

  /** The fates a decision can meet. */
  public enum Fate {
    /**
     * A contact carried out by {@link #step()} (perhaps moved by a guardrail: see {@link #why()}).
     */
    PLANNED,
    /** A contact that lost to a suppression or to a stronger decision on its channel. */
    OVERRIDDEN,
    /** A contact whose time had passed, or that a guardrail dropped. */
    DROPPED,
    /** The suppression the plan reports: the customer is contacted on no channel. */
    SUPPRESSES,
    /** A suppression too, but the plan names another (the first by rule name). */
    SUPERSEDED,
    /** Not found in the plan: the rules decided differently when the plan was made. */
    UNMATCHED
  }
}
