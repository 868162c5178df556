package dev.outreach.http.journal;

import dev.outreach.http.journal.JournalRecord.Outcome;
import dev.outreach.http.journal.JournalRecord.Sending;
import java.util.Objects;
import java.util.Optional;

/**
 * What a journal says about one step.
 *
 * @param attempts how many attempts were journaled as sending
 * @param lastSending the last attempt's sending record
 * @param lastOutcome the last outcome record (it may be for an earlier attempt than {@code
 *     lastSending})
 */
public record StepHistory(
    String stepId, int attempts, Optional<Sending> lastSending, Optional<Outcome> lastOutcome) {
  public StepHistory {
    Objects.requireNonNull(stepId, "stepId == null");
    Objects.requireNonNull(lastSending, "lastSending == null");
    Objects.requireNonNull(lastOutcome, "lastOutcome == null");
  }

  /**
   * Whether the last attempt was journaled as sending with no outcome after it: the run stopped
   * while the request may have been on its way. Such a request may have taken effect.
   */
  public boolean interrupted() {
    return lastSending.isPresent()
        && (lastOutcome.isEmpty() || lastOutcome.get().attempt() < lastSending.get().attempt());
  }

  /**
   * Whether the step is finished: its last outcome is {@link Result#settled() settled} and nothing
   * followed it.
   */
  public boolean settled() {
    return !interrupted() && lastOutcome.map(o -> o.result().settled()).orElse(false);
  }

  StepHistory with(JournalRecord r) {
    if (r instanceof Sending s) {
      return new StepHistory(stepId, Math.max(attempts, s.attempt()), Optional.of(s), lastOutcome);
    }
    return new StepHistory(stepId, attempts, lastSending, Optional.of((Outcome) r));
  }
}
