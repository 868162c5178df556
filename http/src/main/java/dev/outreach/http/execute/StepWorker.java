package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.http.journal.JournalException;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import dev.outreach.http.journal.StepHistory;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sends one step: journals "sending", sends, journals the outcome, and sends again only when the
 * attempt provably had no effect or the endpoint is idempotent (RFC 9110 §9.2.2), within the retry
 * policy, the step's {@code notAfter} and the run's stop signal.
 */
final class StepWorker {
  private final Settings s;
  private final Stop stop;
  private final Step step;
  private final String key;
  private final String path;
  private final Sender sender;
  private int attempts;
  private Attempt last;

  StepWorker(Settings s, Stop stop, Step step, String key, String path, StepHistory history) {
    this.s = s;
    this.stop = stop;
    this.step = step;
    this.key = key;
    this.path = path;
    this.sender = s.senders().of(step);
    this.attempts = history == null ? 0 : history.attempts();
    this.last = history == null ? null : history.lastOutcome().map(Attempt::of).orElse(null);
  }

  /**
   * @param reconcileFirst whether an earlier attempt's outcome is unknown and must be checked
   *     before sending
   */
  Finished run(boolean reconcileFirst) {
    if (reconcileFirst) {
      Optional<Finished> settled = reconciled();
      if (settled.isPresent()) {
        return settled.get();
      }
    }
    int tries = 0;
    while (true) {
      Optional<Finished> halt = beforeAttempt();
      if (halt.isPresent()) {
        return halt.get();
      }
      try {
        s.bucket().acquire();
        s.requests().acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.set("interrupted");
        return unsent("interrupted while waiting to send");
      }
      Attempt a;
      try {
        halt = beforeAttempt(); // the run may have stopped, or the window closed, while this step
        // waited
        if (halt.isPresent()) {
          return halt.get();
        }
        attempts++;
        tries++;
        try {
          journal(new JournalRecord.Sending(step.id(), attempts, key, s.clock().instant()));
        } catch (JournalException e) {
          attempts--;
          stop.set(e.getMessage());
          return unsent(e.getMessage());
        }
        Timer.Sample sample = s.meters().start();
        a = sender.send(step, path, key);
        s.meters().request(step.method(), sender.endpoint(step), a.status(), a.outcome(), sample);
        if (a.result()
            == Result.UNAUTHORIZED) { // stop before the next request may take this one's permit
          stop.set(
              "step "
                  + step.id()
                  + " got HTTP "
                  + a.status().orElse(0)
                  + " ("
                  + a.message()
                  + "); check the token and run again");
        }
        last = a;
        try {
          journal(a.record(step.id(), attempts, s.clock().instant()));
        } catch (JournalException e) {
          stop.set(e.getMessage());
          return finished();
        }
      } finally {
        // Held until the outcome is journaled: after a crash, at most maxInFlight steps can be in
        // doubt.
        s.requests().release();
      }
      if (a.result() == Result.UNAUTHORIZED) {
        return finished();
      }
      Optional<Retry> retry;
      if (a.result() == Result.UNKNOWN && sender.reconcilable(step)) {
        Optional<Finished> settled = reconciled();
        if (settled.isPresent()) {
          return settled.get();
        }
        retry = Optional.of(new Retry("reconciled", s.backoff().delay(tries)));
      } else {
        retry = retry(a, tries);
      }
      if (retry.isEmpty()) {
        return finished();
      }
      if (tries >= s.policy().maxAttempts()) {
        last = a.withMessage(a.message() + " (gave up after " + tries + " attempts in this run)");
        return finished();
      }
      s.meters().retry(retry.get().reason());
      try {
        s.sleeper().sleep(retry.get().delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.set("interrupted");
        return finished();
      }
    }
  }

  /** A reason not to send now: the run stopped, or the step's window has passed. */
  private Optional<Finished> beforeAttempt() {
    String reason = stop.reason();
    if (reason != null) {
      return Optional.of(
          last == null
              ? new Finished(new StepOutcome.NotRun(reason), Optional.empty())
              : finished());
    }
    Instant now = s.clock().instant();
    if (step.notAfter() != null && now.isAfter(step.notAfter().toInstant())) {
      if (last == null) {
        return Optional.of(
            new Finished(new StepOutcome.Expired(step.notAfter(), now), Optional.empty()));
      }
      last =
          last.withMessage(
              last.message() + "; not sent again: its notAfter " + step.notAfter() + " has passed");
      return Optional.of(finished());
    }
    return Optional.empty();
  }

  /**
   * Asks the API whether the unknown attempt took effect: if it did, journals it as done; if it did
   * not, lets the loop send again; if the API cannot tell, the step stays unknown.
   */
  private Optional<Finished> reconciled() {
    Optional<Reconciliation> r = sender.reconcile(step, path);
    if (r.isEmpty() || r.get().tookEffect() == null) {
      String why = r.map(Reconciliation::message).orElse("this endpoint cannot be checked");
      last =
          Attempt.of(
              Result.UNKNOWN,
              "unknown",
              OptionalInt.empty(),
              (last == null ? "" : last.message() + "; ")
                  + "could not check whether it took effect: "
                  + why);
      return Optional.of(finished());
    }
    if (r.get().tookEffect()) {
      last = Attempt.of(Result.DONE, "reconciled", OptionalInt.empty(), r.get().message());
      try {
        journal(last.record(step.id(), Math.max(1, attempts), s.clock().instant()));
      } catch (JournalException e) {
        stop.set(e.getMessage());
      }
      return Optional.of(finished());
    }
    if (last != null) {
      last =
          last.withMessage(
              last.message() + "; checked: it did not take effect (" + r.get().message() + ")");
    }
    return Optional.empty();
  }

  private Optional<Retry> retry(Attempt a, int tries) {
    switch (a.result()) {
      case NOT_SENT:
        return Optional.of(new Retry("not_sent", s.backoff().delay(tries)));
      case THROTTLED:
      case FAILED_NOTHING:
        if (a.retryAfter().isPresent()) {
          Duration wait = a.retryAfter().get();
          if (wait.compareTo(s.policy().maxRetryAfter()) > 0) {
            last =
                a.withMessage(
                    a.message()
                        + " (the server asked to wait "
                        + wait
                        + ", longer than the "
                        + s.policy().maxRetryAfter()
                        + " honoured; run again later)");
            return Optional.empty();
          }
          return Optional.of(new Retry(a.result().wire(), s.backoff().after(wait)));
        }
        return Optional.of(new Retry(a.result().wire(), s.backoff().delay(tries)));
      case UNKNOWN:
      case FAILED:
        return sender.idempotent(step)
            ? Optional.of(new Retry("idempotent", s.backoff().delay(tries)))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private void journal(JournalRecord r) {
    if (s.journal() != null) {
      s.journal().append(r);
    }
  }

  private Finished unsent(String reason) {
    return last == null
        ? new Finished(new StepOutcome.NotRun(reason), Optional.empty())
        : finished();
  }

  private Finished finished() {
    StepOutcome.Sent sent =
        new StepOutcome.Sent(
            last.result(),
            last.status(),
            last.message(),
            last.succeeded(),
            last.failed(),
            attempts,
            false);
    return new Finished(sent, Optional.of(last));
  }

  private record Retry(String reason, Duration delay) {}

  /** A step's end: its outcome, and its last attempt when one was made. */
  record Finished(StepOutcome outcome, Optional<Attempt> attempt) {}
}
