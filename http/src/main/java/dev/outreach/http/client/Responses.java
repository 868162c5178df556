package dev.outreach.http.client;

import dev.outreach.http.client.InitiationResults.CustomerError;
import dev.outreach.core.json.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a status, headers and body into an {@link InitiationOutcome}; never throws on a bad body. */
final class Responses {
  static final String UNREADABLE = "unreadable response body";
  private static final List<String> ID_KEYS = List.of("id", "loan_id", "loanId", "customerId");
  private static final List<String> MESSAGE_KEYS = List.of("message", "error", "reason");
  private static final List<String> COUNTS =
      List.of("totalMatched", "customersSelected", "initiated", "failed", "batchesProcessed");

  private Responses() {}

  /**
   * The outcome for a response. {@code body} is {@code null} when it could not be received, and
   * {@code bodyProblem} then says why.
   */
  static InitiationOutcome read(int status, HttpHeaders headers, byte[] body, String bodyProblem) {
    JsonObject json = null;
    String message;
    if (body == null) {
      message = UNREADABLE + ": " + bodyProblem;
    } else {
      try {
        json = JsonText.parseObject(new String(body, StandardCharsets.UTF_8));
        message = text(json.get("message")).orElse("(no message)");
      } catch (IllegalArgumentException e) {
        message = UNREADABLE + (body.length == 0 ? ": empty" : ": not a JSON object");
      }
    }
    Optional<InitiationResults> results = json == null ? Optional.empty() : results(json.get("results"));
    if (status == 401 || status == 403) {
      return new InitiationOutcome.Unauthorized(status, message);
    }
    if (status == 207) {
      return new InitiationOutcome.Partial(status, message, results);
    }
    if (status >= 200 && status < 300) {
      return new InitiationOutcome.Initiated(status, message, results);
    }
    if (status >= 500 && status < 600) {
      return new InitiationOutcome.Failed(status, message, results, retryAfter(headers));
    }
    if (status < 400 || status >= 600) {
      message = "unexpected HTTP " + status + " (redirects are not followed; check the base URI): " + message;
    }
    return new InitiationOutcome.Rejected(status, message, retryAfter(headers));
  }

  /** {@code Retry-After} as delta-seconds; empty when absent or not a non-negative integer. */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    return headers.firstValue("Retry-After").flatMap(v -> {
      try {
        long s = Long.parseLong(v.trim());
        return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  /** The results, or empty unless {@code v} is an object with all five counts as integers. */
  static Optional<InitiationResults> results(JsonValue v) {
    if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
      return Optional.empty();
    }
    JsonObject o = v.asJsonObject();
    int[] counts = new int[COUNTS.size()];
    for (int i = 0; i < counts.length; i++) {
      if (!(o.get(COUNTS.get(i)) instanceof JsonNumber n) || !n.isIntegral()) {
        return Optional.empty();
      }
      try {
        counts[i] = n.intValueExact();
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    List<CustomerError> errors = new ArrayList<>();
    JsonValue e = o.get("errors");
    if (e != null && e.getValueType() == JsonValue.ValueType.ARRAY) {
      e.asJsonArray().forEach(item -> errors.add(error(item)));
    }
    return Optional.of(new InitiationResults(counts[0], counts[1], counts[2], counts[3], counts[4], errors));
  }

  private static CustomerError error(JsonValue item) {
    if (item instanceof JsonString s) {
      return new CustomerError(Optional.empty(), s.getString());
    }
    if (!(item instanceof JsonObject o)) {
      return new CustomerError(Optional.empty(), item.toString());
    }
    Optional<String> id = first(o, ID_KEYS);
    return new CustomerError(id, first(o, MESSAGE_KEYS).orElseGet(() -> JsonText.compact(o)));
  }

  private static Optional<String> first(JsonObject o, List<String> keys) {
    for (String k : keys) {
      Optional<String> t = text(o.get(k));
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** A string's text or a number's digits; empty for anything else. */
  private static Optional<String> text(JsonValue v) {
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    if (v instanceof JsonNumber) {
      return Optional.of(v.toString());
    }
    return Optional.empty();
  }
}
