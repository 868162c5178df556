package dev.outreach.http.execute;

import dev.outreach.http.client.InitiationOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** What the executor did with a step: sent it once, or deliberately did not. */
public sealed interface StepOutcome {

  /**
   * A low-cardinality name: the {@link InitiationOutcome#outcome()} of a sent step, else {@code expired}
   * or {@code not_run}.
   */
  String outcome();

  /** The step was sent once; {@code response} says what became of it. */
  record Sent(InitiationOutcome response) implements StepOutcome {
    public Sent {
      Objects.requireNonNull(response, "response == null");
    }

    @Override public String outcome() { return response.outcome(); }
  }

  /** The step was not sent: at {@code checkedAt} its {@code notAfter} had passed. */
  record Expired(OffsetDateTime notAfter, Instant checkedAt) implements StepOutcome {
    public Expired {
      Objects.requireNonNull(notAfter, "notAfter == null");
      Objects.requireNonNull(checkedAt, "checkedAt == null");
    }

    @Override public String outcome() { return "expired"; }
  }

  /** The step was not sent because the run stopped before it (e.g. the token was refused). */
  record NotRun(String reason) implements StepOutcome {
    public NotRun {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override public String outcome() { return "not_run"; }
  }
}
