package dev.outreach.http.journal;

import java.util.Locale;

/**
 * What one attempt at a step came to, as the journal records it: the name of the call's {@link
 * dev.outreach.http.client.ApiOutcome}, with two verdicts the executor adds: {@link #SHORT} (a
 * success reporting fewer customers than the step planned) and {@link #FAILED_NOTHING} (a {@code
 * failed} whose body proves nothing took effect).
 */
public enum Result {
  /** Everything the step asked for happened (initiated, added, created, scheduled). */
  DONE(true),
  /** HTTP 207: some customers or records failed; the journal names them when the server did. */
  PARTIAL(true),
  /**
   * A success reply (200, 201) whose {@code results} say fewer customers were initiated (records
   * added) than the step planned, without naming the others: never sent again, and no follow-up can
   * select the missing ones by id.
   */
  SHORT(true),
  /**
   * HTTP 4xx: the server refused the request; nothing took effect. Re-sending the same request is
   * pointless.
   */
  REJECTED(true),
  /** HTTP 5xx without proof that nothing took effect: some customers may have been contacted. */
  FAILED(true),
  /**
   * No usable response after the request may have been sent: some customers may have been
   * contacted.
   */
  UNKNOWN(true),
  /** HTTP 401/403: refused for the token; nothing took effect, so a later run may send it. */
  UNAUTHORIZED(false),
  /** HTTP 429/503: not processed; a later attempt may send it. */
  THROTTLED(false),
  /** HTTP 5xx whose body proves nothing took effect; a later attempt may send it. */
  FAILED_NOTHING(false),
  /** Provably never reached the server (no connection); a later attempt may send it. */
  NOT_SENT(false);

  private final boolean settled;

  Result(boolean settled) {
    this.settled = settled;
  }

  /**
   * Whether the step is finished with this result: never sent again, by this run or a later one.
   * The others prove nothing took effect, so sending again is safe.
   */
  public boolean settled() {
    return settled;
  }

  /** The name in the journal, e.g. {@code failed_nothing}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Result ofWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
