package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.http.client.ApiOutcome;
import dev.outreach.http.client.BulkAddResults;
import dev.outreach.http.client.OutreachClient;
import jakarta.json.JsonValue;

/**
 * Bulk add customers. Adding a record updates the campaign's customer with that loan id, so sending
 * the same records again leaves the campaign as one send would: the request is idempotent by
 * nature, and may be re-sent when its outcome is unknown - but only while it neither initiates
 * calls ({@code initiateCall}) nor triggers workflows ({@code useWorkflow}), which the planner
 * never sets.
 */
final class BulkAddSender implements Sender {
  private final OutreachClient client;

  BulkAddSender(OutreachClient client) {
    this.client = client;
  }

  @Override
  public String endpoint(Step step) {
    return OutreachClient.BULK_ADD_PATH;
  }

  @Override
  public boolean idempotent(Step step) {
    return step.body().get("initiateCall") != JsonValue.TRUE
        && step.body().get("useWorkflow") != JsonValue.TRUE;
  }

  @Override
  public Attempt send(Step step, String path, String key) {
    if (!path.equals(OutreachClient.BULK_ADD_PATH)) {
      throw new IllegalArgumentException(
          "step "
              + step.id()
              + " is a bulk add to "
              + path
              + ", expected "
              + OutreachClient.BULK_ADD_PATH);
    }
    ApiOutcome<BulkAddResults> o = client.bulkAdd(step.bodyBytes(), key);
    Attempt a = Attempt.of(o, BulkAddSender::count);
    if (o instanceof ApiOutcome.Done<BulkAddResults> d && d.content().isPresent()) {
      BulkAddResults r = d.content().get();
      return Shortfall.check(
          a,
          step.body().getJsonArray("records").size(),
          "records",
          "added",
          "results: total "
              + r.total()
              + ", valid "
              + r.valid()
              + ", successful "
              + r.successful()
              + ", failed "
              + r.failed());
    }
    return a;
  }

  private static Attempt count(Attempt a, BulkAddResults r) {
    return a.withCounts(r.successful(), r.failed(), r.failedCustomerIds());
  }
}
