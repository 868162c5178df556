package dev.outreach.http.execute;

import dev.outreach.core.plan.StepKind;
import dev.outreach.http.journal.Result;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an execution.
 *
 * @param customers how many customers the step was planned to reach
 * @param idempotencyKey the key the step is (or would have been) sent under
 * @param failedCustomerIds the loan ids the server reported failed (a 207), in its order
 * @param batchId the batch call a create step made
 */
public record StepResult(
    String stepId,
    StepKind kind,
    int customers,
    String idempotencyKey,
    StepOutcome outcome,
    List<String> failedCustomerIds,
    Optional<String> batchId) {
  public StepResult {
    Objects.requireNonNull(stepId, "stepId == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
    Objects.requireNonNull(outcome, "outcome == null");
    failedCustomerIds = List.copyOf(failedCustomerIds);
    Objects.requireNonNull(batchId, "batchId == null");
  }

  /** Whether everything the step asked for happened. */
  public boolean done() {
    return outcome instanceof StepOutcome.Sent s && s.result() == Result.DONE;
  }
}
