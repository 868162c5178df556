package dev.outreach.http.client;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns an initiate exchange into an {@link InitiationOutcome}; never throws on a bad body. */
final class Responses {
  private static final List<String> COUNTS =
      List.of("totalMatched", "customersSelected", "initiated", "failed", "batchesProcessed");

  private Responses() {}

  static InitiationOutcome initiation(Exchange exchange, Messages messages, Clock clock) {
    if (exchange instanceof Exchange.NoReply n) {
      return n.provablyNotSent()
          ? new InitiationOutcome.NotSent(n.reason())
          : new InitiationOutcome.Unknown(n.reason());
    }
    Exchange.Reply r = (Exchange.Reply) exchange;
    int status = r.status();
    JsonObject json = Bodies.object(r.body());
    String message = Bodies.message(r, json, messages);
    Optional<InitiationResults> results =
        json == null ? Optional.empty() : results(json.get("results"), messages);
    if (status == 401 || status == 403) {
      return new InitiationOutcome.Unauthorized(status, message);
    }
    Optional<java.time.Duration> retryAfter = RetryAfter.of(r.headers(), clock);
    // A 503 without Retry-After is what gateways answer when the upstream dropped the connection,
    // perhaps
    // after taking the request: only the server's own "come back later" proves nothing was
    // initiated.
    if (status == 429 || (status == 503 && retryAfter.isPresent())) {
      return new InitiationOutcome.Throttled(status, message, retryAfter);
    }
    if (status == 207) {
      return new InitiationOutcome.Partial(status, message, results);
    }
    if (status >= 200 && status < 300) {
      if (json == null) {
        return new InitiationOutcome.Unknown(
            "HTTP "
                + status
                + " but "
                + message
                + "; the server may have initiated every customer, some or none",
            OptionalInt.of(status));
      }
      if (json.containsKey("results")
          && results.isEmpty()) { // e.g. {"initiated":0} alone: it may say "fewer"
        return new InitiationOutcome.Unknown(
            "HTTP "
                + status
                + " but its results are not the documented counts ("
                + "totalMatched, customersSelected, initiated, failed, batchesProcessed as integers): "
                + Bodies.UNREADABLE
                + "; the server may have initiated every customer, some or none",
            OptionalInt.of(status));
      }
      return new InitiationOutcome.Initiated(status, message, results);
    }
    if (status >= 500 && status < 600) {
      return new InitiationOutcome.Failed(
          status, message, results, RetryAfter.of(r.headers(), clock));
    }
    if (status < 400 || status >= 600) {
      message =
          "unexpected HTTP "
              + status
              + " (redirects are not followed; check the base URI): "
              + message;
    }
    return new InitiationOutcome.Rejected(status, message, RetryAfter.of(r.headers(), clock));
  }

  /** The results, or empty unless {@code v} is an object with all five counts as integers. */
  static Optional<InitiationResults> results(jakarta.json.JsonValue v, Messages messages) {
    int[] c = Bodies.counts(v, COUNTS);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new InitiationResults(
            c[0], c[1], c[2], c[3], c[4], Bodies.errors(v.asJsonObject(), messages)));
  }
}
