package dev.outreach.benchmarks;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * How close the sandbox lets a client come to the ideal rate (requests in flight ÷ latency): one
 * initiate request per customer, each selecting it by id, sent with the plain JDK {@code
 * HttpClient} at a fixed number in flight. Also checks that every customer was contacted exactly
 * once. The baseline for an executor benchmark against the sandbox: the executor cannot beat this.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.SandboxBenchmark [requests=10000] [inFlight=16] [latencyMs=20] [rounds=3]
 * </pre>
 */
public final class SandboxBenchmark {
  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    double ideal = inFlight * 1000.0 / latencyMs;
    System.out.printf(
        Locale.ROOT,
        "Sandbox benchmark: %,d requests, %d in flight, %d ms latency; ideal %.0f requests/s; %d rounds"
            + " after 1 warm-up%n",
        requests,
        inFlight,
        latencyMs,
        ideal,
        rounds);
    List<Customer> customers =
        IntStream.range(0, requests).mapToObj(i -> Customer.builder("L" + i).build()).toList();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int r = -1; r < rounds; r++) {
      try (SandboxServer sandbox =
          SandboxServer.builder()
              .token("bench")
              .campaign("CAMP", customers)
              .latency(Duration.ofMillis(latencyMs))
              .start()) {
        int n = r < 0 ? Math.min(requests, 1_000) : requests;
        long t0 = System.nanoTime();
        int failed = send(http, sandbox.uri(), n, inFlight);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long once =
            sandbox.contactCounts(Channel.CALL).values().stream().filter(c -> c == 1).count();
        int total =
            sandbox.contactCounts(Channel.CALL).values().stream().mapToInt(Long::intValue).sum();
        if (r >= 0) {
          System.out.printf(
              Locale.ROOT,
              "  round %d: %.2f s, %.0f requests/s = %.2f of ideal; %d failed; %,d customers contacted"
                  + " once, %,d contacts in all%n",
              r + 1,
              seconds,
              n / seconds,
              n / seconds / ideal,
              failed,
              once,
              total);
        }
      }
    }
  }

  private static int send(HttpClient http, URI base, int n, int inFlight) throws Exception {
    Semaphore slots = new Semaphore(inFlight);
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      slots.acquire();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/initiate/CAMP/calls"))
              .header("Authorization", "Bearer bench")
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"ids\":[\"L"
                          + i
                          + "\"]}}"))
              .build();
      all.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                      failed.incrementAndGet();
                    }
                    slots.release();
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return failed.get();
  }
}
