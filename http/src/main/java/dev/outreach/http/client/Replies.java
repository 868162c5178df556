package dev.outreach.http.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns an exchange into an {@link ApiOutcome}, for every endpoint; never throws on a bad body. */
final class Replies {
  private Replies() {}

  static <T> ApiOutcome<T> read(
      Exchange exchange, Reading<T> reading, ServerMessages messages, Clock clock) {
    if (exchange instanceof Exchange.NoReply n) {
      return n.provablyNotSent()
          ? new ApiOutcome.NotSent<>(n.reason())
          : new ApiOutcome.Unknown<>(n.reason());
    }
    Exchange.Reply r = (Exchange.Reply) exchange;
    int status = r.status();
    boolean empty204 =
        reading.empty204IsReadable() && status == 204 && r.body() != null && r.body().length == 0;
    JsonObject json = empty204 ? JsonValue.EMPTY_JSON_OBJECT : Bodies.object(r.body());
    String message = Bodies.message(r, json, messages);
    if (status == 401 || status == 403) {
      return new ApiOutcome.Unauthorized<>(status, message);
    }
    Optional<Duration> retryAfter = RetryAfter.of(r.headers(), clock);
    if (status == 429
        || (status == 503
            && (retryAfter.isPresent() || !reading.only503WithRetryAfterThrottles()))) {
      return new ApiOutcome.Throttled<>(status, message, retryAfter);
    }
    if (status == 207) {
      return new ApiOutcome.Partial<>(status, message, reading.lenient(json));
    }
    if (status >= 200 && status < 300) {
      if (json == null) {
        return unknown(status, message, reading);
      }
      Optional<T> content;
      try {
        content = reading.decode().apply(json);
      } catch (RuntimeException e) {
        return unknown(status, reading.unreadable() + ": " + Bodies.UNREADABLE, reading);
      }
      return new ApiOutcome.Done<>(status, message, content);
    }
    if (status >= 500 && status < 600) {
      return new ApiOutcome.Failed<>(
          status,
          message,
          reading.lenient(json),
          json != null && reading.nothingTookEffect().test(json),
          retryAfter);
    }
    if (status < 400 || status >= 600) {
      message =
          "unexpected HTTP "
              + status
              + " (redirects are not followed; check the base URI): "
              + message;
    }
    return new ApiOutcome.Rejected<>(status, message, retryAfter);
  }

  private static <T> ApiOutcome<T> unknown(int status, String what, Reading<T> reading) {
    return new ApiOutcome.Unknown<>(
        "HTTP " + status + " but " + what + "; " + reading.unknownMeans(), OptionalInt.of(status));
  }
}
