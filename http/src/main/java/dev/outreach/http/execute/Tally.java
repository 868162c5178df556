package dev.outreach.http.execute;

import dev.outreach.http.execute.ExecutionReport.ChannelTotals;

/** Counts one step's customers into {@link ChannelTotals}, as documented there. */
final class Tally {
  private Tally() {}

  static ChannelTotals of(int customers, StepOutcome outcome) {
    if (!(outcome instanceof StepOutcome.Sent s)) {
      return new ChannelTotals(0, 0, 0, customers);
    }
    boolean counted = s.succeeded().isPresent() && s.failed().isPresent();
    switch (s.result()) {
      case DONE:
        return counted ? new ChannelTotals(s.succeeded().getAsInt(), s.failed().getAsInt(), 0, 0)
            : new ChannelTotals(customers, 0, 0, 0);
      case PARTIAL:
      case FAILED:
        return counted ? new ChannelTotals(s.succeeded().getAsInt(), s.failed().getAsInt(), 0, 0)
            : new ChannelTotals(0, 0, customers, 0);
      case UNKNOWN:
        return new ChannelTotals(0, 0, customers, 0);
      default: // rejected, unauthorized, throttled, failed with nothing done, not sent
        return new ChannelTotals(0, customers, 0, 0);
    }
  }
}
