package dev.outreach.http.followup;

import dev.outreach.core.plan.Plan;
import java.util.List;
import java.util.Objects;

/**
 * A follow-up plan and what it leaves out.
 *
 * @param plan one step per partly failed step of the executed plan, for exactly the customers (or
 *     upload records) the server reported failed; no steps when there were none
 * @param leftOut steps that need a person rather than a follow-up (outcome unknown, a 207 that
 *     named no customers), one line each
 */
public record FollowUp(Plan plan, List<String> leftOut) {
  public FollowUp {
    Objects.requireNonNull(plan, "plan == null");
    leftOut = List.copyOf(leftOut);
  }
}
