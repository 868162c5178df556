package dev.outreach.http.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of one initiate request. A reply of any status is a value here, never an exception.
 *
 * <p>Only {@link NotSent}, {@link Throttled} and a {@link Failed} whose body shows that nobody was
 * initiated prove that no customer was contacted. {@link Unknown} means some may have been:
 * re-sending could contact customers twice. A 2xx response whose body cannot be read (not JSON, cut
 * off, or a {@code results} object without the documented integer counts) is {@link Unknown}, never
 * success; other statuses keep their case, with a message starting {@code "unreadable response
 * body"} and no results.
 */
public sealed interface InitiationOutcome {

  /**
   * The outcome as a low-cardinality name: {@code initiated}, {@code partial}, {@code rejected},
   * {@code unauthorized}, {@code throttled}, {@code failed}, {@code not_sent} or {@code unknown}.
   */
  String outcome();

  /** The HTTP status the server answered with, or empty when no response arrived. */
  default OptionalInt httpStatus() {
    return OptionalInt.empty();
  }

  /**
   * HTTP 200 (or another 2xx but 207): every selected customer was initiated.
   *
   * @param message the server's {@code message}
   * @param results the server's {@code results}; empty when the body did not hold readable results
   */
  record Initiated(int status, String message, Optional<InitiationResults> results)
      implements InitiationOutcome {
    public Initiated {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(results, "results == null");
    }

    @Override
    public String outcome() {
      return "initiated";
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(status);
    }
  }

  /**
   * HTTP 207: some customers were initiated, some failed ({@code results.errors} says which, when
   * the server names them).
   *
   * @param results the server's {@code results}; empty when the body did not hold readable results
   */
  record Partial(int status, String message, Optional<InitiationResults> results)
      implements InitiationOutcome {
    public Partial {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(results, "results == null");
    }

    /** The loan ids the server reported errors for, in its order; empty when it named none. */
    public List<String> failedCustomerIds() {
      return results
          .map(r -> r.errors().stream().flatMap(e -> e.customerId().stream()).toList())
          .orElse(List.of());
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
   * HTTP 4xx other than 401, 403 and 429 (validation error, campaign or customers not found), or a
   * status the API never uses such as a redirect: nothing was initiated.
   *
   * @param message the server's {@code message}
   * @param retryAfter the {@code Retry-After} header, when present
   */
  record Rejected(int status, String message, Optional<Duration> retryAfter)
      implements InitiationOutcome {
    public Rejected {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(retryAfter, "retryAfter == null");
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
  record Unauthorized(int status, String message) implements InitiationOutcome {
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
   * HTTP 429 (too many requests), or 503 (service unavailable) with a {@code Retry-After}: the
   * server did not process the request; nothing was initiated, and it may be sent again, no sooner
   * than {@code retryAfter}.
   *
   * @param retryAfter the {@code Retry-After} header (seconds or an HTTP-date, as a wait), when
   *     present
   */
  record Throttled(int status, String message, Optional<Duration> retryAfter)
      implements InitiationOutcome {
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
   * HTTP 5xx other than a 503 with {@code Retry-After}: all initiations failed, or the server (or a
   * gateway in front of it) failed.
   *
   * @param results the server's {@code results}, when the body held readable results
   * @param retryAfter the {@code Retry-After} header, when present
   */
  record Failed(
      int status,
      String message,
      Optional<InitiationResults> results,
      Optional<Duration> retryAfter)
      implements InitiationOutcome {
    public Failed {
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(results, "results == null");
      Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    /**
     * Whether the body proves that nobody was contacted: readable {@code results} with {@code
     * initiated == 0} ("all calls failed"). Without that proof an internal error may have initiated
     * some customers before failing.
     */
    public boolean nothingTookEffect() {
      return results.map(r -> r.initiated() == 0).orElse(false);
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

  /**
   * The request provably never reached the server (connection refused, host unknown, connect
   * timeout, TLS handshake failed): no customer was contacted, so sending it again is safe.
   */
  record NotSent(String reason) implements InitiationOutcome {
    public NotSent {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String outcome() {
      return "not_sent";
    }
  }

  /**
   * No usable response: a timeout or an I/O error after the request may have been sent, or a 2xx
   * whose body could not be read. The server may have initiated every customer, some or none. Never
   * re-send it blindly: check with the API first.
   *
   * @param status the HTTP status when a response arrived but its body was unreadable, else empty
   */
  record Unknown(String reason, OptionalInt status) implements InitiationOutcome {
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
  }
}
