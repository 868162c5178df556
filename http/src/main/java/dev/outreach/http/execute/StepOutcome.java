package dev.outreach.http.execute;

import dev.outreach.http.journal.Result;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What became of a step: sent (once or more, as the retry rules allow), or deliberately not sent.
 */
public sealed interface StepOutcome {

  /**
   * A low-cardinality name: the {@link Result#wire()} of a sent step ({@code done}, {@code
   * partial}, {@code short}, {@code unknown}…), else {@code expired} or {@code not_run}.
   */
  String outcome();

  /**
   * The step was sent; {@code result} is what its last attempt came to.
   *
   * @param status the last attempt's HTTP status, when a response arrived
   * @param message the server's message or what went wrong (phone numbers masked, never the token)
   * @param succeeded customers initiated (records added, for an upload) as the server reported
   * @param failed customers (records) the server reported failed
   * @param attempts how many attempts were sent, in this run and earlier ones
   * @param fromJournal whether an earlier run settled the step (read from the journal; nothing sent
   *     now)
   */
  record Sent(
      Result result,
      OptionalInt status,
      String message,
      OptionalInt succeeded,
      OptionalInt failed,
      int attempts,
      boolean fromJournal)
      implements StepOutcome {
    public Sent {
      Objects.requireNonNull(result, "result == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(succeeded, "succeeded == null");
      Objects.requireNonNull(failed, "failed == null");
    }

    @Override
    public String outcome() {
      return result.wire();
    }
  }

  /** The step was not sent: at {@code checkedAt} its {@code notAfter} had passed. */
  record Expired(OffsetDateTime notAfter, Instant checkedAt) implements StepOutcome {
    public Expired {
      Objects.requireNonNull(notAfter, "notAfter == null");
      Objects.requireNonNull(checkedAt, "checkedAt == null");
    }

    @Override
    public String outcome() {
      return "expired";
    }
  }

  /**
   * The step was not sent because the run stopped before it (the token was refused, the journal
   * could not be written, the thread was interrupted) or a step it depends on did not succeed.
   */
  record NotRun(String reason) implements StepOutcome {
    public NotRun {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String outcome() {
      return "not_run";
    }
  }
}
