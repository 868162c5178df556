package dev.outreach.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful, in-process fake of the whole outreach API on {@code 127.0.0.1} over plain HTTP, for
 * integration tests and demos: campaigns and their customers (bulk add adds and updates them), the
 * three initiate endpoints with the documented filter semantics, the batch-call state machine,
 * Bearer auth, request validation, and {@link Fault injected faults}. It rings nobody: it records
 * an {@link Initiation} per customer it would have contacted, and every request it {@link
 * #received()}. Thread-safe; close it when done. Unless set already, it sets the system property
 * {@code sun.net.httpserver.nodelay=true} (TCP_NODELAY for the JDK's HTTP server, documented in the
 * {@code jdk.httpserver} module), without which each response stalls about 40 ms.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.builder().token("test-token")
 *     .campaign("CAMP-1", customers).start()) {
 *   sandbox.inject(Fault.dropAfterProcessing());
 *   ... // point the code under test at sandbox.uri()
 *   assertThat(sandbox.contactCounts(Channel.CALL)).allSatisfy((loan, n) -> assertThat(n).isOne());
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
  private static final int THREADS = 64;

  /** The JDK server's switch for TCP_NODELAY, read once when its first server is made. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes a response's headers and body separately and leaves Nagle's algorithm
    // on, so
    // on a kept-alive connection every response waits ~40 ms for the client's delayed ACK (measured
    // here:
    // 15 requests/s one at a time with 20 ms latency, 0.30 of the ideal at 16 in flight). Turn it
    // off
    // unless the JVM's owner chose; it only takes effect if no JDK HttpServer was made before.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final URI uri;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Ledger ledger = new Ledger();
  private final FaultQueue faults = new FaultQueue();
  private final Campaigns campaigns;
  private final BatchStore batches;

  SandboxServer(SandboxBuilder b) throws IOException {
    campaigns = new Campaigns(b.campaigns, ledger);
    batches = new BatchStore(b.agents, b.folders, ledger, b.clock);
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.of("POST", InitiateEndpoint.PATTERN, true, true, new InitiateEndpoint(campaigns)));
    routes.add(
        Route.of("POST", BulkAddEndpoint.PATTERN, true, true, new BulkAddEndpoint(campaigns)));
    routes.addAll(new BatchEndpoints(batches).routes());

    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    server = HttpServer.create(new InetSocketAddress(loopback, b.port), 0);
    AtomicInteger n = new AtomicInteger();
    // Handlers sleep through the latency, so there are enough threads for many requests in flight.
    executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "outreach-sandbox-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", new Router(routes, b.token, faults, ledger, b.clock, b.latency));
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A builder for a sandbox; {@link SandboxBuilder#token(String)} is required. */
  public static SandboxBuilder builder() {
    return new SandboxBuilder();
  }

  /** Starts a sandbox on a free port. */
  public static SandboxServer start(String token, Map<String, List<Customer>> customersByCampaign) {
    return start(token, customersByCampaign, 0);
  }

  /**
   * Starts a sandbox on {@code port} ({@code 0} for a free one) that accepts {@code Bearer token}
   * and serves the given campaigns, each a list of customers in the order the sandbox selects them.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SandboxServer start(
      String token, Map<String, List<Customer>> customersByCampaign, int port) {
    SandboxBuilder b = builder().token(token).port(port);
    customersByCampaign.forEach(b::campaign);
    return b.start();
  }

  /** The base URI to give a client, e.g. {@code http://127.0.0.1:54321}. */
  public URI uri() {
    return uri;
  }

  /**
   * Queues {@code fault}: it applies to the next matching requests, after the faults already
   * queued.
   */
  public void inject(Fault fault) {
    faults.add(fault);
  }

  /** Forgets every fault not yet used up. */
  public void clearFaults() {
    faults.clear();
  }

  /** Every initiation so far, in order (a request's customers together, in selection order). */
  public List<Initiation> initiations() {
    return ledger.initiations();
  }

  /** Every request so far, in the order they were answered (or dropped). */
  public List<Received> received() {
    return ledger.received();
  }

  /**
   * Loan id to how many times a contact on {@code channel} was initiated, in order of first
   * contact.
   */
  public Map<String, Long> contactCounts(Channel channel) {
    return ledger.contactCounts(Objects.requireNonNull(channel, "channel == null"));
  }

  /** The batch calls that exist now (deleted ones are gone), in the order they were created. */
  public List<HeldBatch> batchCalls() {
    return batches.snapshot();
  }

  /**
   * The customers of {@code campaignId} now, in selection order (bulk add appends new loan ids and
   * updates known ones in place).
   *
   * @throws IllegalArgumentException when there is no such campaign
   */
  public List<Customer> customers(String campaignId) {
    List<Customer> c = campaigns.customers(campaignId);
    if (c == null) {
      throw new IllegalArgumentException("no campaign " + campaignId + " in this sandbox");
    }
    return c;
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

  /** Wraps the bind failure of {@link SandboxBuilder#start()}. */
  static SandboxServer start(SandboxBuilder b) {
    try {
      return new SandboxServer(b);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1:" + b.port, e);
    }
  }
}
