package dev.outreach.http.execute;

import dev.outreach.core.plan.StepKind;
import java.util.Objects;

/**
 * One step of an execution.
 *
 * @param customers how many customers the step was planned to reach
 * @param idempotencyKey the key the step is (or would have been) sent under
 */
public record StepResult(String stepId, StepKind kind, int customers, String idempotencyKey, StepOutcome outcome) {
  public StepResult {
    Objects.requireNonNull(stepId, "stepId == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
    Objects.requireNonNull(outcome, "outcome == null");
  }
}
