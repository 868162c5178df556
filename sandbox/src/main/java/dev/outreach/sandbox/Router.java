package dev.outreach.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The sandbox's one HTTP handler: finds the endpoint (404, 405), reads the body (413), checks the
 * bearer token (401), plays the next matching {@link Fault}, checks the content type (415), lets
 * the endpoint answer, waits the latency, then answers or drops the connection, and records every
 * request.
 *
 * <p>A connection is dropped by closing the exchange before any response header is sent: the JDK
 * server then closes the TCP connection ({@code ExchangeImpl.close()}), so a client reads
 * end-of-stream where the status line should be, exactly as when a server dies mid-request.
 */
final class Router implements HttpHandler {
  static final int MAX_BODY = 16 * 1024 * 1024;

  /**
   * What to do with the exchange: answer with {@code reply}, or drop it when {@code reply} is null.
   */
  private record Outcome(Reply reply, Duration extraDelay) {
    static Outcome answer(Reply reply) {
      return new Outcome(reply, Duration.ZERO);
    }
  }

  private final List<Route> routes;
  private final byte[] token;
  private final FaultQueue faults;
  private final Ledger ledger;
  private final Clock clock;
  private final Duration latency;

  Router(
      List<Route> routes,
      String token,
      FaultQueue faults,
      Ledger ledger,
      Clock clock,
      Duration latency) {
    this.routes = List.copyOf(routes);
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.faults = faults;
    this.ledger = ledger;
    this.clock = clock;
    this.latency = latency;
  }

  @Override
  public void handle(HttpExchange exchange) {
    Instant at = clock.instant();
    String key = exchange.getRequestHeaders().getFirst("X-Idempotency-Key");
    Outcome outcome;
    try {
      outcome = outcome(exchange, key);
    } catch (IOException e) {
      outcome = new Outcome(null, Duration.ZERO); // the client went away while sending
    } catch (RuntimeException e) {
      outcome = Outcome.answer(Reply.error(500, "sandbox error: " + e));
    }
    try {
      Thread.sleep(latency.plus(outcome.extraDelay()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the sandbox is closing: answer nothing
      outcome = new Outcome(null, Duration.ZERO);
    }
    Reply reply = outcome.reply();
    ledger.received(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            key,
            reply == null ? Received.DROPPED : reply.status(),
            at));
    try {
      if (reply != null) {
        reply.send(exchange);
      }
    } catch (IOException e) {
      // The client closed the connection first; there is no one to tell.
    } finally {
      exchange.close();
    }
  }

  private Outcome outcome(HttpExchange exchange, String key) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Route route = null;
    Matcher matcher = null;
    List<String> allowed = new ArrayList<>();
    for (Route r : routes) {
      Matcher m = r.pattern().matcher(path);
      if (m.matches()) {
        allowed.add(r.method());
        if (r.method().equals(method)) {
          route = r;
          matcher = m;
        }
      }
    }
    if (allowed.isEmpty()) {
      return Outcome.answer(Reply.error(404, "no such endpoint: " + path));
    }
    if (route == null) {
      String allow = String.join(", ", allowed);
      return Outcome.answer(
          Reply.error(
              405,
              "method " + method + " not allowed on " + path + "; use " + allow,
              Map.of("Allow", allow)));
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      return Outcome.answer(Reply.error(413, "request body larger than " + MAX_BODY + " bytes"));
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!authorized(auth)) {
      return Outcome.answer(
          Reply.error(
              401,
              auth == null ? "missing bearer token" : "invalid bearer token",
              Map.of("WWW-Authenticate", "Bearer")));
    }
    Fault fault = faults.take(path, route.partialCapable());
    if (fault != null && fault.kind() == Fault.Kind.STATUS) {
      return Outcome.answer(statusFault(fault));
    }
    if (fault != null && fault.kind() == Fault.Kind.DROP_BEFORE_PROCESSING) {
      return new Outcome(null, Duration.ZERO);
    }
    if (fault != null && fault.kind() == Fault.Kind.HOLD) {
      return new Outcome(null, fault.delay());
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if ((route.jsonBody() || body.length > 0) && !isJson(contentType)) {
      return Outcome.answer(Reply.error(415, "Content-Type must be application/json"));
    }
    List<String> params = new ArrayList<>();
    for (int i = 1; i <= matcher.groupCount(); i++) {
      params.add(matcher.group(i));
    }
    int failFirst = fault != null && fault.kind() == Fault.Kind.PARTIAL ? fault.failFirst() : 0;
    Reply reply;
    try {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      reply = route.endpoint().serve(new Call(method, path, params, query, body, key, failFirst));
    } catch (Problem p) {
      reply = p.reply();
    }
    if (fault != null && fault.kind() == Fault.Kind.DROP_AFTER_PROCESSING) {
      return new Outcome(null, Duration.ZERO);
    }
    return new Outcome(reply, fault != null ? fault.delay() : Duration.ZERO);
  }

  private boolean authorized(String header) {
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isJson(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
  }

  private static Reply statusFault(Fault fault) {
    int status = fault.status();
    String message =
        switch (status) {
          case 429 -> "too many requests";
          case 503 -> "service unavailable";
          case 500 -> "all failed: internal server error";
          default -> "error " + status;
        };
    Map<String, String> headers =
        fault.retryAfterValue() == null ? Map.of() : Map.of("Retry-After", fault.retryAfterValue());
    return Reply.error(
        status, message + " (injected by the sandbox; the request was not carried out)", headers);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      q.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return q;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("bad percent-encoding in the query: " + s);
    }
  }
}
