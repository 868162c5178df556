package dev.outreach.http.execute;

import dev.outreach.http.client.InitiationOutcome;
import dev.outreach.http.client.InitiationOutcome.Failed;
import dev.outreach.http.client.InitiationOutcome.Initiated;
import dev.outreach.http.client.InitiationOutcome.Partial;
import dev.outreach.http.client.InitiationOutcome.Unknown;
import dev.outreach.http.client.InitiationResults;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import java.util.Optional;

/** Counts one step's customers into {@link ChannelTotals}, as documented there. */
final class Tally {
  private Tally() {}

  static ChannelTotals of(int customers, StepOutcome outcome) {
    if (!(outcome instanceof StepOutcome.Sent sent)) {
      return new ChannelTotals(0, 0, 0, customers);
    }
    InitiationOutcome r = sent.response();
    Optional<InitiationResults> results = Optional.empty();
    if (r instanceof Initiated i) {
      results = i.results();
    } else if (r instanceof Partial p) {
      results = p.results();
    } else if (r instanceof Failed f) {
      results = f.results();
    }
    if (results.isPresent()) {
      return new ChannelTotals(results.get().initiated(), results.get().failed(), 0, 0);
    }
    if (r instanceof Initiated) {
      return new ChannelTotals(customers, 0, 0, 0);
    }
    if (r instanceof Partial || r instanceof Unknown) {
      return new ChannelTotals(0, 0, customers, 0);
    }
    return new ChannelTotals(0, customers, 0, 0); // rejected, unauthorized, failed, not sent
  }
}
