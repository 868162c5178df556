package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.http.client.ApiOutcome;
import dev.outreach.http.client.InitiationResults;
import dev.outreach.http.client.OutreachClient;

/**
 * Initiate calls, SMS and WhatsApp. The documents promise no idempotency for these endpoints, so a
 * request that may have been processed is never sent again.
 */
final class InitiateSender implements Sender {
  private final OutreachClient client;

  InitiateSender(OutreachClient client) {
    this.client = client;
  }

  @Override
  public String endpoint(Step step) {
    return "/api/v1/initiate/{campaignId}/" + step.kind().channel().pathSegment();
  }

  @Override
  public boolean idempotent(Step step) {
    return false;
  }

  @Override
  public Attempt send(Step step, String path, String key) {
    ApiOutcome<InitiationResults> o = client.send(path, step.bodyBytes(), key);
    Attempt a = Attempt.of(o, InitiateSender::counted);
    if (o instanceof ApiOutcome.Done<InitiationResults> d && d.content().isPresent()) {
      InitiationResults r = d.content().get();
      int planned = step.customerIds().size();
      return Shortfall.check(
          a,
          planned,
          "customers",
          "initiated",
          "results: totalMatched "
              + r.totalMatched()
              + ", customersSelected "
              + r.customersSelected()
              + ", initiated "
              + r.initiated()
              + ", failed "
              + r.failed()
              + (r.totalMatched() < planned
                  ? "; the filters matched fewer customers than"
                      + " planned: the campaign may not hold them all"
                  : ""));
    }
    return a;
  }

  private static Attempt counted(Attempt a, InitiationResults r) {
    return a.withCounts(r.initiated(), r.failed(), r.failedCustomerIds());
  }
}
