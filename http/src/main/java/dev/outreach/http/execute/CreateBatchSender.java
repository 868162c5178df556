package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.http.batch.BatchCalls;

/**
 * Creates a batch call (a draft: it rings nobody). The API honours {@code X-Idempotency-Key} on
 * create - the same key and body give the same batch, never a second one - so a create whose
 * outcome is unknown is sent again under the same key.
 */
final class CreateBatchSender implements Sender {
  private final BatchCalls batches;

  CreateBatchSender(BatchCalls batches) {
    this.batches = batches;
  }

  @Override
  public String endpoint(Step step) {
    return BatchCalls.PATH;
  }

  @Override
  public boolean idempotent(Step step) {
    return true;
  }

  @Override
  public Attempt send(Step step, String path, String key) {
    if (!path.equals(BatchCalls.PATH)) {
      throw new IllegalArgumentException(
          "step "
              + step.id()
              + " creates a batch call at "
              + path
              + ", expected "
              + BatchCalls.PATH);
    }
    return Attempt.of(
        batches.create(step.bodyBytes(), key),
        (a, b) ->
            a.withBatchId(b.id())
                .withMessage("created batch call " + b.id() + " (" + b.status() + ")"));
  }
}
