package dev.outreach.http.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server with MockWebServer's verbs: enqueue a response, take the recorded request.
 * Public for the tests of other packages.
 */
public final class FakeServer implements AutoCloseable {
  /** How a response is delivered. */
  public enum Mode {
    NORMAL,
    CUT_OFF_BODY,
    NEVER_ANSWER,
    DROP
  }

  /** A response to enqueue. */
  public record Response(int status, String body, Map<String, String> headers, Mode mode) {
    public static Response json(int status, String body) {
      return new Response(status, body, Map.of("Content-Type", "application/json"), Mode.NORMAL);
    }

    public Response header(String name, String value) {
      var h = new java.util.HashMap<>(headers);
      h.put(name, value);
      return new Response(status, body, h, mode);
    }

    public Response mode(Mode m) {
      return new Response(status, body, headers, m);
    }
  }

  /** A request as received. */
  public record Recorded(
      String method, String path, String query, String protocol, Headers headers, byte[] body) {
    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  public FakeServer() throws IOException {
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void enqueue(Response r) {
    responses.add(r);
  }

  public Recorded takeRequest() throws InterruptedException {
    Recorded r = requests.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived");
    }
    return r;
  }

  public int requestCount() {
    return requests.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      requests.add(
          new Recorded(
              ex.getRequestMethod(),
              ex.getRequestURI().getPath(),
              ex.getRequestURI().getRawQuery(),
              ex.getProtocol(),
              ex.getRequestHeaders(),
              body));
      Response r = responses.poll();
      if (r == null) {
        r = Response.json(500, "{\"success\":false,\"message\":\"nothing enqueued\"}");
      }
      if (r.mode() == Mode.DROP) {
        throw new IOException("dropping the connection without a response");
      }
      if (r.mode() == Mode.NEVER_ANSWER) {
        closed.await(10, TimeUnit.SECONDS);
        return;
      }
      r.headers().forEach(ex.getResponseHeaders()::set);
      byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
      boolean cut = r.mode() == Mode.CUT_OFF_BODY;
      ex.sendResponseHeaders(
          r.status(), bytes.length == 0 && !cut ? -1 : bytes.length + (cut ? 100 : 0));
      OutputStream out = ex.getResponseBody();
      out.write(bytes);
      out.flush();
      if (cut) {
        throw new IOException("cutting the body off"); // the server closes the connection mid-body
      }
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
