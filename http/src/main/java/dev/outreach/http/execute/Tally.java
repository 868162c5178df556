package dev.outreach.http.execute;

import dev.outreach.http.execute.ExecutionReport.ChannelTotals;

/** Counts one step's customers into {@link ChannelTotals}, as documented there. */
final class Tally {
  private Tally() {}

  static ChannelTotals of(int customers, StepOutcome outcome) {
    if (!(outcome instanceof StepOutcome.Sent s)) { // expired, not run
      return new ChannelTotals(0, 0, 0, customers);
    }
    boolean counted = s.succeeded().isPresent() && s.failed().isPresent();
    switch (s.result()) {
      case DONE:
        return counted ? reported(customers, s) : new ChannelTotals(customers, 0, 0, 0);
      case SHORT:
      case PARTIAL:
      case FAILED:
        return counted ? reported(customers, s) : new ChannelTotals(0, 0, customers, 0);
      case FAILED_NOTHING: // a 5xx whose results say nobody was initiated: the API failed them all
        return new ChannelTotals(0, customers, 0, 0);
      case UNKNOWN:
        return new ChannelTotals(0, 0, customers, 0);
      default: // rejected, unauthorized, throttled, not sent: nothing was carried out
        return new ChannelTotals(0, 0, 0, customers);
    }
  }

  /** As the API's results say: initiated; failed, or left out of fewer initiated than planned. */
  private static ChannelTotals reported(int customers, StepOutcome.Sent s) {
    int initiated = s.succeeded().getAsInt();
    return new ChannelTotals(
        initiated, Math.max(s.failed().getAsInt(), customers - initiated), 0, 0);
  }
}
