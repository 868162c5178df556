package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.http.batch.BatchCalls;
import dev.outreach.http.client.OutreachClient;

/** The {@link Sender} for each kind of step. */
final class Senders {
  private final Sender initiate;
  private final Sender bulkAdd;
  private final Sender createBatch;
  private final Sender scheduleBatch;

  Senders(OutreachClient client) {
    this.initiate = new InitiateSender(client);
    this.bulkAdd = new BulkAddSender(client);
    BatchCalls batches = new BatchCalls(client);
    this.createBatch = new CreateBatchSender(batches);
    this.scheduleBatch = new ScheduleBatchSender(batches);
  }

  /**
   * @throws IllegalArgumentException for a kind this executor cannot send
   */
  Sender of(Step step) {
    StepKind kind = step.kind();
    if (kind == StepKind.BULK_ADD_CUSTOMERS) {
      return bulkAdd;
    }
    if (kind == StepKind.CREATE_BATCH_CALL) {
      return createBatch;
    }
    if (kind == StepKind.SCHEDULE_BATCH_CALL) {
      return scheduleBatch;
    }
    if (kind.channel() != null && StepKind.initiate(kind.channel()) == kind) {
      return initiate;
    }
    throw new IllegalArgumentException(
        "step " + step.id() + " is " + kind + ", which this executor cannot send");
  }
}
