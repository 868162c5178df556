package dev.outreach.http.execute;

import dev.outreach.http.client.ApiOutcome;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * One attempt's result, the same for every endpoint.
 *
 * @param outcome the client's outcome name, for meters
 * @param succeeded customers initiated or records added, as the server reported
 * @param retryAfter the wait the server asked for
 */
record Attempt(
    Result result,
    String outcome,
    OptionalInt status,
    String message,
    OptionalInt succeeded,
    OptionalInt failed,
    List<String> failedIds,
    Optional<String> batchId,
    Optional<Duration> retryAfter) {

  Attempt {
    failedIds = List.copyOf(failedIds);
  }

  /**
   * Reads what one call came to, for every endpoint.
   *
   * @param withContent adds what a readable reply says (counts, batch id) to the attempt
   */
  static <T> Attempt of(ApiOutcome<T> o, BiFunction<Attempt, T, Attempt> withContent) {
    Attempt a =
        of(result(o), o.outcome(), o.httpStatus(), o.message()).withRetryAfter(o.retryAfter());
    return o.content().map(c -> withContent.apply(a, c)).orElse(a);
  }

  /** The journal's name for an outcome. */
  static Result result(ApiOutcome<?> o) {
    if (o instanceof ApiOutcome.Done<?>) {
      return Result.DONE;
    } else if (o instanceof ApiOutcome.Partial<?>) {
      return Result.PARTIAL;
    } else if (o instanceof ApiOutcome.Rejected<?>) {
      return Result.REJECTED;
    } else if (o instanceof ApiOutcome.Unauthorized<?>) {
      return Result.UNAUTHORIZED;
    } else if (o instanceof ApiOutcome.Throttled<?>) {
      return Result.THROTTLED;
    } else if (o instanceof ApiOutcome.Failed<?>) {
      return o.provablyNoEffect() ? Result.FAILED_NOTHING : Result.FAILED;
    } else if (o instanceof ApiOutcome.NotSent<?>) {
      return Result.NOT_SENT;
    }
    return Result.UNKNOWN;
  }

  static Attempt of(Result result, String outcome, OptionalInt status, String message) {
    return new Attempt(
        result,
        outcome,
        status,
        message,
        OptionalInt.empty(),
        OptionalInt.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  Attempt withCounts(int succeeded, int failed, List<String> failedIds) {
    return new Attempt(
        result,
        outcome,
        status,
        message,
        OptionalInt.of(succeeded),
        OptionalInt.of(failed),
        failedIds,
        batchId,
        retryAfter);
  }

  Attempt withRetryAfter(Optional<Duration> retryAfter) {
    return new Attempt(
        result, outcome, status, message, succeeded, failed, failedIds, batchId, retryAfter);
  }

  Attempt withBatchId(String id) {
    return new Attempt(
        result,
        outcome,
        status,
        message,
        succeeded,
        failed,
        failedIds,
        Optional.of(id),
        retryAfter);
  }

  Attempt as(Result r) {
    return new Attempt(
        r, outcome, status, message, succeeded, failed, failedIds, batchId, retryAfter);
  }

  Attempt withMessage(String m) {
    return new Attempt(
        result, outcome, status, m, succeeded, failed, failedIds, batchId, retryAfter);
  }

  JournalRecord.Outcome record(String stepId, int attempt, Instant at) {
    return new JournalRecord.Outcome(
        stepId, attempt, result, status, message, succeeded, failed, failedIds, batchId, at);
  }

  static Attempt of(JournalRecord.Outcome o) {
    return new Attempt(
        o.result(),
        o.result().wire(),
        o.status(),
        o.message(),
        o.succeeded(),
        o.failed(),
        o.failedIds(),
        o.batchId(),
        Optional.empty());
  }
}
