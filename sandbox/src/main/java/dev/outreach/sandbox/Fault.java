package dev.outreach.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure the sandbox plays on purpose, so tests can see how a client behaves when the API
 * misbehaves. Immutable: each method returns a new fault. Give it to {@link
 * SandboxServer#inject(Fault)}; faults queue up and each applies, in the order injected, to the
 * next {@link #times(int) n} authenticated requests to a known endpoint whose path starts with
 * {@link #on(String) the prefix} (default: any path).
 *
 * <pre>{@code
 * sandbox.inject(Fault.status(429).retryAfter(Duration.ofSeconds(1)).on("/api/v1/initiate/").times(2));
 * sandbox.inject(Fault.dropAfterProcessing());   // carried out, then the connection closes unanswered
 * }</pre>
 */
public final class Fault {
  /** What a fault does. */
  public enum Kind {
    /** Answers with a status before carrying anything out. */
    STATUS,
    /** Carries the request out but fails its first n customers (initiate) or records (bulk add). */
    PARTIAL,
    /** Reads the request, does not carry it out, and closes the connection with no response. */
    DROP_BEFORE_PROCESSING,
    /** Reads the request, carries it out, then closes the connection with no response. */
    DROP_AFTER_PROCESSING,
    /** Carries the request out and answers late. */
    DELAY,
    /**
     * Reads the request, does not carry it out, keeps the connection open for a while, then closes
     * it with no response.
     */
    HOLD
  }

  /**
   * RFC 9110's IMF-fixdate (two-digit day, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}).
   */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private final Kind kind;
  private final int status;
  private final int failFirst;
  private final Duration delay;
  private final String retryAfter;
  private final String pathPrefix;
  private final int times;
  private final int passing;

  private Fault(
      Kind kind,
      int status,
      int failFirst,
      Duration delay,
      String retryAfter,
      String pathPrefix,
      int times) {
    this(kind, status, failFirst, delay, retryAfter, pathPrefix, times, 0);
  }

  private Fault(
      Kind kind,
      int status,
      int failFirst,
      Duration delay,
      String retryAfter,
      String pathPrefix,
      int times,
      int passing) {
    this.kind = kind;
    this.status = status;
    this.failFirst = failFirst;
    this.delay = delay;
    this.retryAfter = retryAfter;
    this.pathPrefix = pathPrefix;
    this.times = times;
    this.passing = passing;
  }

  /**
   * Answers with {@code status} (400 to 599) before carrying the request out: nothing takes effect.
   * The body is {@code {"success":false,"message":…}}; for 500 the message says that all failed.
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "a status fault needs an error status 400-599, not " + status);
    }
    return new Fault(Kind.STATUS, status, 0, Duration.ZERO, null, "/", 1);
  }

  /**
   * Carries the request out, except that its first {@code n} selected customers (initiate) or valid
   * records (bulk add) fail: HTTP 207 with an error naming each, or the endpoint's all-failed
   * status (500 for initiate, 400 for bulk add) when none is left. Applies only to the initiate and
   * bulk-add endpoints; other requests pass it by.
   */
  public static Fault partial(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a partial fault fails at least 1 customer, not " + n);
    }
    return new Fault(Kind.PARTIAL, 0, n, Duration.ZERO, null, "/", 1);
  }

  /**
   * Reads the request and carries it out, then closes the connection without a response: the client
   * sees an {@link java.io.IOException}, although the request took effect (a lost response).
   */
  public static Fault dropAfterProcessing() {
    return new Fault(Kind.DROP_AFTER_PROCESSING, 0, 0, Duration.ZERO, null, "/", 1);
  }

  /** Reads the request, does not carry it out, and closes the connection without a response. */
  public static Fault dropBeforeProcessing() {
    return new Fault(Kind.DROP_BEFORE_PROCESSING, 0, 0, Duration.ZERO, null, "/", 1);
  }

  /**
   * Carries the request out at once and sends the response {@code delay} later (on top of the
   * sandbox's latency): a client that times out meanwhile has a request that took effect.
   */
  public static Fault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
    return new Fault(Kind.DELAY, 0, 0, delay, null, "/", 1);
  }

  /**
   * Reads the request but does not carry it out, keeps the connection open for {@code hold}, then
   * closes it with no response: a client stopped meanwhile (say, killed to test a crash) had sent a
   * request that never took effect, and does not know it.
   */
  public static Fault hold(Duration hold) {
    Objects.requireNonNull(hold, "hold == null");
    if (hold.isNegative()) {
      throw new IllegalArgumentException("hold is negative: " + hold);
    }
    return new Fault(Kind.HOLD, 0, 0, hold, null, "/", 1);
  }

  /**
   * Lets the next {@code n} matching requests pass untouched before this fault applies (default 0):
   * to hit the third request of a run, {@code afterPassing(2)}.
   */
  public Fault afterPassing(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("afterPassing needs 0 or more requests, not " + n);
    }
    return new Fault(kind, status, failFirst, delay, retryAfter, pathPrefix, times, n);
  }

  /** How many matching requests pass untouched before this fault applies. */
  public int passing() {
    return passing;
  }

  /**
   * Adds {@code Retry-After} in delta-seconds, rounded up to a whole second (so 200 ms becomes
   * {@code 1}), as RFC 9110 allows only whole seconds. Status faults only.
   */
  public Fault retryAfter(Duration after) {
    Objects.requireNonNull(after, "after == null");
    if (after.isNegative()) {
      throw new IllegalArgumentException("Retry-After is negative: " + after);
    }
    long seconds = after.getSeconds() + (after.getNano() > 0 ? 1 : 0);
    return retryAfterHeader(Long.toString(seconds));
  }

  /**
   * Adds {@code Retry-After} as an HTTP-date ({@code Wed, 21 Oct 2015 07:28:00 GMT}). Status faults
   * only.
   */
  public Fault retryAfter(Instant at) {
    Objects.requireNonNull(at, "at == null");
    return retryAfterHeader(HTTP_DATE.format(at.atOffset(ZoneOffset.UTC)));
  }

  /**
   * Adds {@code Retry-After} with exactly this value, valid or not (to test how a client reads a
   * bad one). Status faults only.
   */
  public Fault retryAfterHeader(String value) {
    Objects.requireNonNull(value, "value == null");
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("Retry-After goes with a status fault, not " + kind);
    }
    return new Fault(kind, status, failFirst, delay, value, pathPrefix, times, passing);
  }

  /**
   * Applies only to requests whose path starts with {@code pathPrefix} (default {@code "/"}: any).
   */
  public Fault on(String pathPrefix) {
    Objects.requireNonNull(pathPrefix, "pathPrefix == null");
    if (!pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException("a path prefix starts with /: " + pathPrefix);
    }
    return new Fault(kind, status, failFirst, delay, retryAfter, pathPrefix, times, passing);
  }

  /** Applies to the next {@code n} matching requests (default 1). */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1, not " + n);
    }
    return new Fault(kind, status, failFirst, delay, retryAfter, pathPrefix, n, passing);
  }

  /** What the fault does. */
  public Kind kind() {
    return kind;
  }

  /** The status a {@link Kind#STATUS} fault answers with, else 0. */
  public int status() {
    return status;
  }

  /** How many customers or records a {@link Kind#PARTIAL} fault fails, else 0. */
  public int failFirst() {
    return failFirst;
  }

  /**
   * The extra wait of a {@link Kind#DELAY} fault, or how long a {@link Kind#HOLD} keeps the
   * connection; else zero.
   */
  public Duration delay() {
    return delay;
  }

  /** The {@code Retry-After} value sent, or {@code null} for none. */
  public String retryAfterValue() {
    return retryAfter;
  }

  /** The path prefix a request must have for the fault to apply. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /** How many requests the fault applies to. */
  public int times() {
    return times;
  }

  boolean appliesTo(String path, boolean partialCapable) {
    return path.startsWith(pathPrefix) && (kind != Kind.PARTIAL || partialCapable);
  }

  @Override
  public String toString() {
    String what =
        switch (kind) {
          case STATUS ->
              "status("
                  + status
                  + ")"
                  + (retryAfter == null ? "" : ".retryAfter(" + retryAfter + ")");
          case PARTIAL -> "partial(" + failFirst + ")";
          case DROP_BEFORE_PROCESSING -> "dropBeforeProcessing()";
          case DROP_AFTER_PROCESSING -> "dropAfterProcessing()";
          case DELAY -> "delay(" + delay + ")";
          case HOLD -> "hold(" + delay + ")";
        };
    return "Fault."
        + what
        + ".on("
        + pathPrefix
        + ").times("
        + times
        + ")"
        + (passing == 0 ? "" : ".afterPassing(" + passing + ")");
  }
}
