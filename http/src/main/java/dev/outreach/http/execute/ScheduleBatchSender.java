package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import dev.outreach.http.batch.BatchCall;
import dev.outreach.http.batch.BatchCalls;
import dev.outreach.http.client.ApiOutcome;
import java.util.Optional;
import java.util.Set;

/**
 * Schedules (starts) a batch call created by an earlier step. Scheduling is not idempotent by key,
 * so a schedule whose outcome is unknown is never sent blindly: the batch is read back ({@code
 * GET}), and a status past {@code draft} means it took effect; still a draft means it did not, and
 * it may be sent again.
 */
final class ScheduleBatchSender implements Sender {
  private static final String SUFFIX = "/schedule";

  /** Statuses a batch reaches only through being scheduled. */
  private static final Set<String> SCHEDULED = Set.of("scheduled", "active", "paused", "completed");

  private final BatchCalls batches;

  ScheduleBatchSender(BatchCalls batches) {
    this.batches = batches;
  }

  @Override
  public String endpoint(Step step) {
    return BatchCalls.PATH + "/{id}" + SUFFIX;
  }

  @Override
  public boolean idempotent(Step step) {
    return false;
  }

  @Override
  public boolean reconcilable(Step step) {
    return true;
  }

  @Override
  public Attempt send(Step step, String path, String key) {
    return Attempt.of(
        batches.schedule(id(step, path), key),
        (a, b) -> a.withBatchId(b.id()).withMessage("batch call " + b.id() + " is " + b.status()));
  }

  @Override
  public Optional<Reconciliation> reconcile(Step step, String path) {
    String id = id(step, path);
    ApiOutcome<BatchCall> got = batches.get(id);
    if (!(got instanceof ApiOutcome.Done<BatchCall> done)) {
      return Optional.of(
          new Reconciliation(
              null,
              "GET batch call "
                  + id
                  + " came to "
                  + got.outcome()
                  + (got instanceof ApiOutcome.Rejected<BatchCall> r
                      ? " (HTTP " + r.status() + ": " + r.message() + ")"
                      : "")));
    }
    BatchCall batch = done.content().orElseThrow();
    String status = batch.status();
    if (batch.isDraft()) {
      return Optional.of(new Reconciliation(false, "batch call " + id + " is still a draft"));
    }
    if (SCHEDULED.contains(status)) {
      return Optional.of(
          new Reconciliation(
              true,
              "checked with GET: batch call "
                  + id
                  + " is "
                  + status
                  + ", so the schedule took effect"));
    }
    return Optional.of(
        new Reconciliation(
            null,
            "batch call "
                + id
                + " is "
                + status
                + "; whether this run's"
                + " schedule started it cannot be told"));
  }

  /** The batch id in a resolved {@code /api/v1/batch-calls/{id}/schedule} path. */
  private static String id(Step step, String path) {
    String prefix = BatchCalls.PATH + "/";
    if (!path.startsWith(prefix)
        || !path.endsWith(SUFFIX)
        || path.length() <= prefix.length() + SUFFIX.length()) {
      throw new IllegalArgumentException(
          "step "
              + step.id()
              + " schedules at "
              + path
              + ", expected "
              + BatchCalls.PATH
              + "/{id}"
              + SUFFIX);
    }
    return path.substring(prefix.length(), path.length() - SUFFIX.length());
  }
}
