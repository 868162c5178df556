package dev.outreach.http.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of one request to an endpoint other than initiate (bulk add, batch calls), with the
 * reply's readable content as a {@code T}. A reply of any status is a value here, never an
 * exception.
 *
 * <p>Only {@link NotSent}, {@link Throttled} and a {@link Failed} with {@code nothingTookEffect}
 * prove the request had no effect. A 2xx whose body cannot be read is {@link Unknown}, never {@link
 * Done}.
 *
 * @param <T> what a successful reply carries, e.g. a {@code BatchCall}
 */
public sealed interface ApiOutcome<T> {

  /**
   * The outcome as a low-cardinality name: {@code done}, {@code partial}, {@code rejected}, {@code
   * unauthorized}, {@code throttled}, {@code failed}, {@code not_sent} or {@code unknown}.
   */
  String outcome();

  /** The HTTP status the server answered with, or empty when no response arrived. */
  OptionalInt httpStatus();

  /**
   * The successful reply's content: present for {@link Done}, and for a readable {@link Partial}.
   */
  default Optional<T> content() {
    return Optional.empty();
  }

  /** HTTP 200, 201 or 204 (any 2xx but 207) with a readable body: the request took effect. */
  record Done<T>(int status, T value) implements ApiOutcome<T> {
    public Done {
      Objects.requireNonNull(value, "value == null");
    }

    @Override
    public String outcome() {
      return "done";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }

    @Override
    public Optional<T> content() {
      return Optional.of(value);
    }
  }

  /**
   * HTTP 207: the request partly took effect (e.g. some records added, some failed).
   *
   * @param content the reply's content; empty when the body could not be read
   */
  record Partial<T>(int status, String message, Optional<T> content) implements ApiOutcome<T> {
    public Partial {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(content, "content == null");
    }

    @Override
    public String outcome() {
      return "partial";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }
  }

  /**
   * HTTP 400, 404, 409, 422 or another 4xx (not 401, 403, 429), or a status the API never uses such
   * as a redirect: the server refused the request and nothing took effect.
   */
  record Rejected<T>(int status, String message) implements ApiOutcome<T> {
    public Rejected {
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String outcome() {
      return "rejected";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }
  }

  /** HTTP 401 or 403: the token is missing, wrong or lacks permission. A run must stop here. */
  record Unauthorized<T>(int status, String message) implements ApiOutcome<T> {
    public Unauthorized {
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String outcome() {
      return "unauthorized";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }
  }

  /**
   * HTTP 429 or 503: not processed; it may be sent again, no sooner than {@code retryAfter}.
   *
   * @param retryAfter the {@code Retry-After} header as a wait, when present
   */
  record Throttled<T>(int status, String message, Optional<Duration> retryAfter)
      implements ApiOutcome<T> {
    public Throttled {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    @Override
    public String outcome() {
      return "throttled";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }
  }

  /**
   * HTTP 5xx other than 503.
   *
   * @param nothingTookEffect whether the body proves nothing took effect (e.g. a bulk add reporting
   *     no record added); otherwise the server may have done part of the work before failing
   */
  record Failed<T>(int status, String message, boolean nothingTookEffect) implements ApiOutcome<T> {
    public Failed {
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String outcome() {
      return "failed";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }
  }

  /** The request provably never reached the server (no connection): sending it again is safe. */
  record NotSent<T>(String reason) implements ApiOutcome<T> {
    public NotSent {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String outcome() {
      return "not_sent";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.empty();
    }
  }

  /**
   * No usable reply: a timeout or I/O error after the request may have been sent, or a 2xx whose
   * body could not be read. The request may or may not have taken effect.
   *
   * @param status the HTTP status when a response arrived but its body was unreadable, else empty
   */
  record Unknown<T>(String reason, OptionalInt status) implements ApiOutcome<T> {
    public Unknown {
      Objects.requireNonNull(reason, "reason == null");
      Objects.requireNonNull(status, "status == null");
    }

    @Override
    public String outcome() {
      return "unknown";
    }

    @Override
    public OptionalInt httpStatus() {
      return status;
    }
  }
}
