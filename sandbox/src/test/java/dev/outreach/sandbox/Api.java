package dev.outreach.sandbox;

import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HttpClient speaking to a sandbox, as any client of the API would. */
final class Api {
  /** A response: status, headers and the body parsed as a JSON object. */
  record Answer(int status, HttpHeaders headers, JsonObject json) {
    String message() {
      return json.getString("message");
    }

    JsonObject data() {
      return json.getJsonObject("data");
    }
  }

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String token;

  Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  Answer post(String path, String json) {
    return send("POST", path, json, null);
  }

  Answer post(String path, String json, String idempotencyKey) {
    return send("POST", path, json, idempotencyKey);
  }

  Answer get(String path) {
    return send("GET", path, null, null);
  }

  Answer patch(String path, String json) {
    return send("PATCH", path, json, null);
  }

  Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  Answer send(String method, String path, String json, String idempotencyKey) {
    try {
      return sendOrThrow(request(method, path, json, idempotencyKey, "Bearer " + token).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpRequest.Builder request(
      String method, String path, String json, String idempotencyKey, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      b.header("X-Idempotency-Key", idempotencyKey);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  /** Sends {@code request}; an {@link IOException} (a dropped connection) reaches the caller. */
  static Answer sendOrThrow(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), JsonText.parseObject(r.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
