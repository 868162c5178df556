package dev.outreach.http.execute;

import dev.outreach.http.client.ApiOutcome;
import dev.outreach.http.journal.Result;
import java.util.function.BiFunction;

/** Reads an {@link ApiOutcome} as an {@link Attempt}. */
final class ApiAttempts {
  private ApiAttempts() {}

  /**
   * @param withContent adds what a readable reply says (counts, batch id) to the attempt
   */
  static <T> Attempt read(ApiOutcome<T> o, BiFunction<Attempt, T, Attempt> withContent) {
    String name = o.outcome();
    if (o instanceof ApiOutcome.Done<T> d) {
      return withContent.apply(
          Attempt.of(Result.DONE, name, o.httpStatus(), "HTTP " + d.status()), d.value());
    }
    if (o instanceof ApiOutcome.Partial<T> p) {
      Attempt a = Attempt.of(Result.PARTIAL, name, o.httpStatus(), p.message());
      return p.content().map(c -> withContent.apply(a, c)).orElse(a);
    }
    if (o instanceof ApiOutcome.Rejected<T> r) {
      return Attempt.of(Result.REJECTED, name, o.httpStatus(), r.message());
    }
    if (o instanceof ApiOutcome.Unauthorized<T> u) {
      return Attempt.of(Result.UNAUTHORIZED, name, o.httpStatus(), u.message());
    }
    if (o instanceof ApiOutcome.Throttled<T> t) {
      return Attempt.of(Result.THROTTLED, name, o.httpStatus(), t.message())
          .withRetryAfter(t.retryAfter());
    }
    if (o instanceof ApiOutcome.Failed<T> f) {
      return Attempt.of(
          f.nothingTookEffect() ? Result.FAILED_NOTHING : Result.FAILED,
          name,
          o.httpStatus(),
          f.message());
    }
    if (o instanceof ApiOutcome.NotSent<T> n) {
      return Attempt.of(Result.NOT_SENT, name, o.httpStatus(), n.reason());
    }
    return Attempt.of(Result.UNKNOWN, name, o.httpStatus(), ((ApiOutcome.Unknown<T>) o).reason());
  }
}
