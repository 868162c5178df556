package dev.outreach.http.client;

import dev.outreach.core.internal.JsonText;
import dev.outreach.http.client.InitiationResults.CustomerError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient readers for response bodies: none of them throws on a malformed body. */
final class Bodies {
  static final String UNREADABLE = "unreadable response body";
  private static final List<String> ID_KEYS = List.of("id", "loan_id", "loanId", "customerId");
  private static final List<String> MESSAGE_KEYS = List.of("message", "error", "reason");

  private Bodies() {}

  /** The body as a JSON object, or {@code null} when it is missing, empty or not a JSON object. */
  static JsonObject object(byte[] body) {
    if (body == null) {
      return null;
    }
    try {
      return JsonText.parseObject(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The server's message, or why the body could not be read. */
  static String message(Exchange.Reply r, JsonObject json, ServerMessages messages) {
    if (r.body() == null) {
      return UNREADABLE + ": " + r.bodyProblem();
    }
    if (json == null) {
      return UNREADABLE + (r.body().length == 0 ? ": empty" : ": not a JSON object");
    }
    return first(json, MESSAGE_KEYS).map(messages::clean).orElse("(no message)");
  }

  /** The integer values of {@code keys} in {@code v}, or {@code null} unless all are integers. */
  static int[] counts(JsonValue v, List<String> keys) {
    if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    JsonObject o = v.asJsonObject();
    int[] counts = new int[keys.size()];
    for (int i = 0; i < counts.length; i++) {
      if (!(o.get(keys.get(i)) instanceof JsonNumber n) || !n.isIntegral()) {
        return null;
      }
      try {
        counts[i] = n.intValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return counts;
  }

  /** The {@code errors} array of {@code results}, each entry read by {@link #error}. */
  static List<CustomerError> errors(JsonObject results, ServerMessages messages) {
    List<CustomerError> errors = new ArrayList<>();
    JsonValue e = results.get("errors");
    if (e != null && e.getValueType() == JsonValue.ValueType.ARRAY) {
      e.asJsonArray().forEach(item -> errors.add(error(item, messages)));
    }
    return errors;
  }

  /**
   * One error entry: a string is a message; an object names its customer by {@code id}, {@code
   * loan_id}, {@code loanId} or {@code customerId} and says what went wrong in {@code message},
   * {@code error} or {@code reason} (else the whole object is the message).
   */
  static CustomerError error(JsonValue item, ServerMessages messages) {
    if (item instanceof JsonString s) {
      return new CustomerError(Optional.empty(), messages.clean(s.getString()));
    }
    if (!(item instanceof JsonObject o)) {
      return new CustomerError(Optional.empty(), messages.clean(item.toString()));
    }
    Optional<String> id = first(o, ID_KEYS);
    return new CustomerError(
        id, messages.clean(first(o, MESSAGE_KEYS).orElseGet(() -> JsonText.compact(o))));
  }

  static Optional<String> first(JsonObject o, List<String> keys) {
    for (String k : keys) {
      Optional<String> t = text(o.get(k));
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** A string's text or a number's digits; empty for anything else. */
  static Optional<String> text(JsonValue v) {
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    if (v instanceof JsonNumber) {
      return Optional.of(v.toString());
    }
    return Optional.empty();
  }
}
