package dev.outreach.http.execute;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback API whose answers a test scripts per request: a status and body, a delay, or a dropped
 * connection. It records every request and, for answers marked as processed, which customers it
 * "initiated" (the {@code filters.ids} of the body), so that tests can count contacts server-side.
 */
final class ScriptedServer implements AutoCloseable {
  record Request(String method, String path, String key, String body, long arrivedNanos) {}

  /** How to answer; {@code processed} says whether the request took effect. */
  record Answer(
      int status,
      String body,
      Map<String, String> headers,
      Duration delay,
      boolean drop,
      boolean processed) {
    static Answer of(int status, String body) {
      return new Answer(
          status, body, Map.of(), Duration.ZERO, false, status >= 200 && status < 300);
    }

    static Answer initiated(int n) {
      return of(
          200,
          "{\"success\":true,\"message\":\"Initiated "
              + n
              + "\",\"results\":{\"totalMatched\":"
              + n
              + ",\"customersSelected\":"
              + n
              + ",\"initiated\":"
              + n
              + ",\"failed\":0,\"batchesProcessed\":1,\"errors\":[]}}");
    }

    static Answer dropped(boolean processed) {
      return new Answer(0, "", Map.of(), Duration.ZERO, true, processed);
    }

    Answer header(String k, String v) {
      Map<String, String> h = new HashMap<>(headers);
      h.put(k, v);
      return new Answer(status, body, h, delay, drop, processed);
    }

    Answer after(Duration d) {
      return new Answer(status, body, headers, d, drop, processed);
    }

    Answer processed(boolean p) {
      return new Answer(status, body, headers, delay, drop, p);
    }
  }

  @FunctionalInterface
  interface Script {
    /**
     * @param nth how many requests with this idempotency key arrived so far, this one included
     */
    Answer answer(Request r, int nth);
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);
  private final Script script;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Integer> byKey = new HashMap<>();
  private final Map<String, Integer> contacts = new HashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  ScriptedServer(Script script) throws IOException {
    this(script, 0);
  }

  ScriptedServer(Script script, int port) throws IOException {
    this.script = script;
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 50);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Loan id to how many processed initiate requests selected it. */
  synchronized Map<String, Integer> contacts() {
    return Map.copyOf(contacts);
  }

  int maxConcurrency() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request r =
          new Request(
              ex.getRequestMethod(),
              ex.getRequestURI().getPath(),
              ex.getRequestHeaders().getFirst("X-Idempotency-Key"),
              body,
              System.nanoTime());
      int nth;
      synchronized (this) {
        requests.add(r);
        nth = byKey.merge(String.valueOf(r.key()), 1, Integer::sum);
      }
      Answer a = script.answer(r, nth);
      if (a.processed() && r.path().startsWith("/api/v1/initiate/")) {
        count(body);
      }
      if (!a.delay().isZero()) {
        Thread.sleep(a.delay().toMillis());
      }
      if (a.drop()) {
        throw new IOException("dropping the connection without a response");
      }
      a.headers().forEach(ex.getResponseHeaders()::set);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private synchronized void count(String body) {
    JsonObject o = JsonText.parseObject(body);
    JsonValue f = o.get("filters");
    if (f instanceof JsonObject filters && filters.get("ids") != null) {
      for (JsonValue id : filters.getJsonArray("ids")) {
        contacts.merge(((JsonString) id).getString(), 1, Integer::sum);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
