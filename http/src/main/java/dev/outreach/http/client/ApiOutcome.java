package dev.outreach.http.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of one request to the outreach API, for every endpoint: initiate ({@code T} is {@link
 * InitiationResults}), bulk add ({@link BulkAddResults}) and batch calls. A reply of any status is
 * a value here, never an exception, and the client, the executor, its journal and the reports all
 * read this one type.
 *
 * <p>Two questions decide what a caller may do next, and every case answers them:
 *
 * <ul>
 *   <li>{@link #provablyNoEffect()}: the request certainly changed nothing (no phone rang, no
 *       record was added). True for {@link NotSent}, {@link Throttled}, {@link Unauthorized},
 *       {@link Rejected}, and a {@link Failed} whose body proves it.
 *   <li>{@link #safeToResend()}: sending the same request again cannot do anything twice and might
 *       succeed: {@link NotSent}, {@link Throttled}, {@link Unauthorized} (with another token) and
 *       a {@link Failed} with proof. A {@link Rejected} request had no effect, but sending it again
 *       is pointless.
 * </ul>
 *
 * <p>{@link Unknown} means it may have taken effect, entirely, partly or not at all: re-sending
 * could contact customers twice, so check with the API first. A 2xx whose body cannot be read (not
 * JSON, cut off, or without the documented fields) is {@link Unknown}, never {@link Done}.
 *
 * @param <T> what a readable reply carries, e.g. {@link InitiationResults} or a batch call
 */
public sealed interface ApiOutcome<T> {

  /**
   * The outcome as a low-cardinality name: {@code done}, {@code partial}, {@code rejected}, {@code
   * unauthorized}, {@code throttled}, {@code failed}, {@code not_sent} or {@code unknown}.
   */
  String outcome();

  /** The HTTP status the server answered with, or empty when no usable response arrived. */
  OptionalInt httpStatus();

  /** The server's {@code message}, or what went wrong (phone numbers masked, never the token). */
  String message();

  /**
   * The reply's readable content: always present in a {@link Done} from an endpoint whose reply
   * must carry it (bulk add, batch calls); for initiate, the {@code results} when the body held
   * them. Also for a {@link Partial} or {@link Failed} whose body could be read.
   */
  default Optional<T> content() {
    return Optional.empty();
  }

  /** The server's {@code Retry-After}, as a wait, when it sent one. */
  default Optional<Duration> retryAfter() {
    return Optional.empty();
  }

  /** Whether it is certain that the request changed nothing: no customer was contacted. */
  boolean provablyNoEffect();

  /** Whether the same request may be sent again without doing anything twice. */
  default boolean safeToResend() {
    return provablyNoEffect() && !(this instanceof Rejected);
  }

  /**
   * A 2xx other than 207: the request took effect (every selected customer was initiated; the
   * records were added; the batch call was created or changed).
   *
   * @param content the reply's readable content (see {@link ApiOutcome#content()})
   */
  record Done<T>(int status, String message, Optional<T> content) implements ApiOutcome<T> {
    public Done {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(content, "content == null");
    }

    /** A 2xx with {@code value} as its content. */
    public Done(int status, T value) {
      this(status, "HTTP " + status, Optional.of(value));
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
    public boolean provablyNoEffect() {
      return false;
    }
  }

  /**
   * HTTP 207: the request partly took effect (some customers initiated or records added, some
   * failed; the content's errors say which, when the server names them).
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

    @Override
    public boolean provablyNoEffect() {
      return false;
    }
  }

  /**
   * HTTP 4xx other than 401, 403 and 429 (validation error, campaign or customers not found, batch
   * not a draft), or a status the API never uses such as a redirect: the server refused the request
   * and nothing took effect. Sending it again unchanged is pointless.
   *
   * @param retryAfter the {@code Retry-After} header, when present
   */
  record Rejected<T>(int status, String message, Optional<Duration> retryAfter)
      implements ApiOutcome<T> {
    public Rejected {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    /** A refusal without {@code Retry-After}. */
    public Rejected(int status, String message) {
      this(status, message, Optional.empty());
    }

    @Override
    public String outcome() {
      return "rejected";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }

    @Override
    public boolean provablyNoEffect() {
      return true;
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

    @Override
    public boolean provablyNoEffect() {
      return true;
    }
  }

  /**
   * HTTP 429, or 503 (service unavailable) where it proves the request was not processed: it may be
   * sent again, no sooner than {@code retryAfter}. For initiate, only a 503 with {@code
   * Retry-After} proves it; without one it is what gateways answer when the upstream dropped the
   * connection, perhaps after taking the request, and is {@link Failed}.
   *
   * @param retryAfter the {@code Retry-After} header (seconds or an HTTP-date, as a wait), when
   *     present
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

    @Override
    public boolean provablyNoEffect() {
      return true;
    }
  }

  /**
   * HTTP 5xx that is not {@link Throttled}: the work failed, or the server (or a gateway in front
   * of it) did.
   *
   * @param content the body's readable content (e.g. initiate's {@code results}), when any
   * @param nothingTookEffect whether the body proves nothing took effect (initiate's {@code
   *     results.initiated == 0}, a bulk add reporting no record added); otherwise the server may
   *     have done part of the work before failing
   * @param retryAfter the {@code Retry-After} header, when present
   */
  record Failed<T>(
      int status,
      String message,
      Optional<T> content,
      boolean nothingTookEffect,
      Optional<Duration> retryAfter)
      implements ApiOutcome<T> {
    public Failed {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(content, "content == null");
      Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    /** A failure without readable content or {@code Retry-After}. */
    public Failed(int status, String message, boolean nothingTookEffect) {
      this(status, message, Optional.empty(), nothingTookEffect, Optional.empty());
    }

    @Override
    public String outcome() {
      return "failed";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }

    @Override
    public boolean provablyNoEffect() {
      return nothingTookEffect;
    }
  }

  /**
   * The request provably never reached the server (connection refused, host unknown, connect
   * timeout, TLS handshake failed): nothing took effect, so sending it again is safe.
   */
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

    @Override
    public String message() {
      return reason;
    }

    @Override
    public boolean provablyNoEffect() {
      return true;
    }
  }

  /**
   * No usable reply: a timeout or I/O error after the request may have been sent, or a 2xx whose
   * body could not be read. The server may have done all of it, some or none: never re-send it
   * blindly.
   *
   * @param status the HTTP status when a response arrived but its body was unreadable, else empty
   */
  record Unknown<T>(String reason, OptionalInt status) implements ApiOutcome<T> {
    public Unknown {
      Objects.requireNonNull(reason, "reason == null");
      Objects.requireNonNull(status, "status == null");
    }

    /** No response arrived. */
    public Unknown(String reason) {
      this(reason, OptionalInt.empty());
    }

    @Override
    public String outcome() {
      return "unknown";
    }

    @Override
    public OptionalInt httpStatus() {
      return status;
    }

    @Override
    public String message() {
      return reason;
    }

    @Override
    public boolean provablyNoEffect() {
      return false;
    }
  }
}
