package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.http.client.InitiationOutcome;
import dev.outreach.http.client.InitiationResults;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.journal.Result;
import java.util.Optional;
import java.util.OptionalInt;

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
    InitiationOutcome o = client.send(path, step.bodyBytes(), key);
    Attempt a = read(o);
    if (o instanceof InitiationOutcome.Initiated i && i.results().isPresent()) {
      InitiationResults r = i.results().get();
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

  static Attempt read(InitiationOutcome o) {
    String name = o.outcome();
    OptionalInt status = o.httpStatus();
    if (o instanceof InitiationOutcome.Initiated i) {
      return counted(Attempt.of(Result.DONE, name, status, i.message()), i.results());
    }
    if (o instanceof InitiationOutcome.Partial p) {
      return counted(Attempt.of(Result.PARTIAL, name, status, p.message()), p.results());
    }
    if (o instanceof InitiationOutcome.Rejected r) {
      return Attempt.of(Result.REJECTED, name, status, r.message());
    }
    if (o instanceof InitiationOutcome.Unauthorized u) {
      return Attempt.of(Result.UNAUTHORIZED, name, status, u.message());
    }
    if (o instanceof InitiationOutcome.Throttled t) {
      return Attempt.of(Result.THROTTLED, name, status, t.message()).withRetryAfter(t.retryAfter());
    }
    if (o instanceof InitiationOutcome.Failed f) {
      Result r = f.nothingTookEffect() ? Result.FAILED_NOTHING : Result.FAILED;
      return counted(Attempt.of(r, name, status, f.message()), f.results())
          .withRetryAfter(f.retryAfter());
    }
    if (o instanceof InitiationOutcome.NotSent n) {
      return Attempt.of(Result.NOT_SENT, name, status, n.reason());
    }
    return Attempt.of(Result.UNKNOWN, name, status, ((InitiationOutcome.Unknown) o).reason());
  }

  private static Attempt counted(Attempt a, Optional<InitiationResults> results) {
    return results
        .map(
            r ->
                a.withCounts(
                    r.initiated(),
                    r.failed(),
                    r.errors().stream().flatMap(e -> e.customerId().stream()).toList()))
        .orElse(a);
  }
}
