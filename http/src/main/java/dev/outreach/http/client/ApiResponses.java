package dev.outreach.http.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;

/** Turns an exchange into an {@link ApiOutcome}; never throws on a bad body. */
final class ApiResponses {
  private ApiResponses() {}

  /**
   * @param decode reads a 2xx body into the outcome's value; throws {@link RuntimeException} (e.g.
   *     {@code IllegalArgumentException}, {@code ClassCastException}) when the body lacks what it
   *     needs
   * @param nothingTookEffect whether a 5xx body proves nothing took effect
   */
  static <T> ApiOutcome<T> read(
      Exchange exchange,
      Messages messages,
      Clock clock,
      Function<JsonObject, T> decode,
      Predicate<JsonObject> nothingTookEffect) {
    if (exchange instanceof Exchange.NoReply n) {
      return n.provablyNotSent()
          ? new ApiOutcome.NotSent<>(n.reason())
          : new ApiOutcome.Unknown<>(n.reason(), OptionalInt.empty());
    }
    Exchange.Reply r = (Exchange.Reply) exchange;
    int status = r.status();
    boolean emptyOk = status == 204 && r.body() != null && r.body().length == 0;
    JsonObject json = emptyOk ? JsonValue.EMPTY_JSON_OBJECT : Bodies.object(r.body());
    String message = Bodies.message(r, json, messages);
    if (status == 401 || status == 403) {
      return new ApiOutcome.Unauthorized<>(status, message);
    }
    if (status == 429 || status == 503) {
      return new ApiOutcome.Throttled<>(status, message, RetryAfter.of(r.headers(), clock));
    }
    if (status == 207) {
      return new ApiOutcome.Partial<>(
          status, message, json == null ? Optional.empty() : decoded(json, decode));
    }
    if (status >= 200 && status < 300) {
      if (json == null) {
        return new ApiOutcome.Unknown<>(
            "HTTP " + status + " but " + message + "; the request may or may not have taken effect",
            OptionalInt.of(status));
      }
      Optional<T> value = decoded(json, decode);
      if (value.isEmpty()) {
        return new ApiOutcome.Unknown<>(
            "HTTP "
                + status
                + " but "
                + Bodies.UNREADABLE
                + ": it lacks the documented fields; the request may or may not have taken effect",
            OptionalInt.of(status));
      }
      return new ApiOutcome.Done<>(status, value.get());
    }
    if (status >= 500 && status < 600) {
      return new ApiOutcome.Failed<>(status, message, json != null && nothingTookEffect.test(json));
    }
    if (status < 400 || status >= 600) {
      message =
          "unexpected HTTP "
              + status
              + " (redirects are not followed; check the base URI): "
              + message;
    }
    return new ApiOutcome.Rejected<>(status, message);
  }

  private static <T> Optional<T> decoded(JsonObject json, Function<JsonObject, T> decode) {
    try {
      return Optional.ofNullable(decode.apply(json));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
