package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.http.client.OutreachClient;

/** The {@link Sender} for each kind of step. */
final class Senders {
  private final Sender initiate;
  private final Sender bulkAdd;

  Senders(OutreachClient client) {
    this.initiate = new InitiateSender(client);
    this.bulkAdd = new BulkAddSender(client);
  }

  /** @throws IllegalArgumentException for a kind this executor cannot send */
  Sender of(Step step) {
    StepKind kind = step.kind();
    if (kind == StepKind.BULK_ADD_CUSTOMERS) {
      return bulkAdd;
    }
    if (kind.channel() != null && StepKind.initiate(kind.channel()) == kind) {
      return initiate;
    }
    throw new IllegalArgumentException("step " + step.id() + " is " + kind + ", which this executor cannot send");
  }
}
