package dev.outreach.http.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one HTTP/1.1 request, once, and waits for its reply. Never follows redirects (the client is
 * built with {@link HttpClient.Redirect#NEVER}) and never re-sends: see {@link JdkRetries} for what
 * the JDK itself may re-send, and why HTTP/1.1 is pinned.
 */
final class Transport {
  private final String base;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;

  Transport(String base, String token, HttpClient http, Duration timeout) {
    this.base = base;
    this.authorization = "Bearer " + token;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Sends {@code method path[?query]} with the bearer token; {@code body} ({@code null} for none)
   * as {@code application/json}; {@code X-Idempotency-Key} when {@code key} is not {@code null}.
   *
   * @throws IllegalArgumentException if the path or key is malformed (nothing is sent)
   */
  Exchange send(String method, String path, String query, byte[] body, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path, query))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (key != null) {
      b.header("X-Idempotency-Key", Tokens.checkKey(key));
    }
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body.clone()));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpRequest request = b.build();
    JdkRetries.refuseIfEnabled();
    JdkLogging.refuseIfEnabled();
    if (Thread.currentThread().isInterrupted()) {
      // Waiting would fail at once after the request went out, leaving its fate unknown: do not
      // send.
      return new Exchange.NoReply(true, "the calling thread is interrupted; nothing was sent");
    }
    AtomicReference<ResponseInfo> head = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> reply =
        http.sendAsync(
            request,
            info -> {
              head.set(info);
              return BodySubscribers.ofByteArray();
            });
    try {
      // The timeout bounds the wait for the headers (HttpRequest.timeout), and again for the body.
      HttpResponse<byte[]> r = reply.get(twice(timeout), TimeUnit.NANOSECONDS);
      return new Exchange.Reply(r.statusCode(), r.headers(), r.body(), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return afterFailure(
          head.get(),
          Failures.classify(cause, timeout),
          "body cut off (" + Failures.describe(cause) + ")");
    } catch (TimeoutException e) {
      reply.cancel(true);
      return afterFailure(head.get(), Failures.timedOut(timeout), "body not received in time");
    } catch (InterruptedException e) {
      reply.cancel(true);
      Thread.currentThread().interrupt();
      return afterFailure(
          head.get(),
          new Exchange.NoReply(
              false,
              "interrupted while waiting for the response; the request may have been processed"),
          "interrupted");
    }
  }

  /**
   * The reply without its body when the headers arrived before the failure, else {@code noReply}.
   */
  private static Exchange afterFailure(
      ResponseInfo head, Exchange.NoReply noReply, String problem) {
    return head == null
        ? noReply
        : new Exchange.Reply(head.statusCode(), head.headers(), null, problem);
  }

  private static long twice(Duration d) {
    try {
      return Math.multiplyExact(d.toNanos(), 2);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private URI uri(String path, String query) {
    Objects.requireNonNull(path, "path == null");
    if (!path.startsWith("/")
        || path.contains("?")
        || path.contains("#")
        || (path + "/").contains("/../")) {
      throw new IllegalArgumentException(
          "path must start with / and have no query, fragment or ..: " + path);
    }
    try {
      return URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid request path: " + path, e);
    }
  }
}
