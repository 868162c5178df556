package dev.outreach.sandbox;

import com.sun.net.httpserver.HttpExchange;
import dev.outreach.core.internal.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** A JSON response the sandbox sends, as a value so handlers can return it. */
record Reply(int status, JsonObject body, Map<String, String> headers) {

  Reply {
    headers = Map.copyOf(headers);
  }

  /** {@code body} with {@code status} and no extra headers. */
  static Reply json(int status, JsonObject body) {
    return new Reply(status, body, Map.of());
  }

  /** {@code {"success":false,"message":...}} with {@code status}. */
  static Reply error(int status, String message) {
    return error(status, message, Map.of());
  }

  static Reply error(int status, String message, Map<String, String> headers) {
    return new Reply(
        status,
        Json.createObjectBuilder().add("success", false).add("message", message).build(),
        headers);
  }

  void send(HttpExchange exchange) throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    byte[] bytes = JsonText.compactBytes(body);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
