package dev.outreach.http.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.outreach.core.Customer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process fake of the outreach API's three initiate endpoints, on {@code 127.0.0.1} over plain
 * HTTP. It checks the bearer token, validates bodies as strictly as {@code openapi.yaml}, selects each
 * campaign's customers with the documented filter semantics (in the campaign's list order, capped by
 * {@code limit}) and records an {@link Initiation} per selected customer instead of contacting anyone.
 * Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start("test-token", Map.of("CAMP", customers))) {
 *   OutreachClient client = OutreachClient.builder(sandbox.uri()).token("test-token").build();
 *   ...
 *   sandbox.initiations();
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI uri;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object lock = new Object();
  private final List<Initiation> initiations = new ArrayList<>();

  private SandboxServer(String token, Map<String, List<Customer>> campaigns, int port) throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "outreach-sandbox-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", new InitiateHandler(token, campaigns, this::record));
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Starts a sandbox on a free port. */
  public static SandboxServer start(String token, Map<String, List<Customer>> customersByCampaign) {
    return start(token, customersByCampaign, 0);
  }

  /**
   * Starts a sandbox on {@code port} ({@code 0} for a free one) that accepts {@code Bearer token} and
   * serves the given campaigns, each a list of customers in the order the sandbox selects them.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SandboxServer start(String token, Map<String, List<Customer>> customersByCampaign, int port) {
    Objects.requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    Map<String, List<Customer>> campaigns = new LinkedHashMap<>();
    customersByCampaign.forEach((k, v) -> campaigns.put(Objects.requireNonNull(k, "campaignId == null"), List.copyOf(v)));
    try {
      return new SandboxServer(token, Map.copyOf(campaigns), port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1:" + port, e);
    }
  }

  /** The base URI to give a client, e.g. {@code http://127.0.0.1:54321}. */
  public URI uri() {
    return uri;
  }

  /** Every initiation so far, in arrival order (a request's customers together, in selection order). */
  public List<Initiation> initiations() {
    synchronized (lock) {
      return List.copyOf(initiations);
    }
  }

  private void record(List<Initiation> batch) {
    synchronized (lock) {
      initiations.addAll(batch);
    }
  }

  /** Stops listening at once and ends the sandbox's threads. Calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "SandboxServer[" + uri + "]";
  }
}
