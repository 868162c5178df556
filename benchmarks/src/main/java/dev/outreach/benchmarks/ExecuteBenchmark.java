package dev.outreach.benchmarks;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport;
import dev.outreach.http.execute.IdempotencyKeys;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import dev.outreach.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executing a plan against the sandbox with added latency: {@code steps} one-customer SMS steps at
 * {@code inFlight} requests in flight, each answered after {@code latency}. Throughput is reported
 * as a fraction of the ideal ({@code inFlight / latency}), for a baseline that sends the same
 * requests with the bare JDK client on as many threads (no journal, no executor), for the executor
 * without a journal, and for the executor with its fsynced journal; each against a fresh sandbox,
 * in the same run. Every run is checked from the sandbox's records: every customer initiated
 * exactly once, no request lost or repeated.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.ExecuteBenchmark [steps=10000] [inFlight=16] [latencyMs=20]
 * </pre>
 */
public final class ExecuteBenchmark {
  private static final String TOKEN = "benchmark-token-0123456789";
  private static final String CAMPAIGN = "BENCH";

  private ExecuteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 20);
    double ideal = inFlight / (latency.toNanos() / 1e9);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      customers.add(
          Customer.builder(String.format(Locale.ROOT, "B%06d", i))
              .phoneNumber("+9198765" + String.format(Locale.ROOT, "%05d", i % 100_000))
              .paymentStatus("pending")
              .language("english")
              .build());
    }
    Plan plan = plan(customers);
    System.out.printf(
        Locale.ROOT,
        "Execute benchmark: %,d steps, %d in flight, %d ms added latency: ideal %.0f requests/s%n",
        steps,
        inFlight,
        latency.toMillis(),
        ideal);
    warmUp(customers, latency, inFlight);

    double baseline =
        measure(
            "baseline: bare JDK HttpClient, " + inFlight + " threads",
            customers,
            latency,
            ideal,
            sandbox -> bare(sandbox.uri(), plan, inFlight));
    double plain =
        measure(
            "executor, no journal",
            customers,
            latency,
            ideal,
            sandbox -> executor(sandbox.uri(), inFlight).execute(plan));
    Path dir = Files.createTempDirectory("outreach-bench");
    Path journal = dir.resolve("bench.journal");
    double journaled =
        measure(
            "executor with fsynced journal",
            customers,
            latency,
            ideal,
            sandbox -> {
              try (Journal j = PlanExecutor.openJournal(journal, plan)) {
                return executor(sandbox.uri(), inFlight).execute(plan, j);
              }
            });
    System.out.printf(
        Locale.ROOT,
        "executor with journal / baseline: %.2f (journal: %,d bytes, 2 fsynced records a step)%n",
        journaled / baseline,
        Files.size(journal));
    System.out.printf(Locale.ROOT, "executor without journal / baseline: %.2f%n", plain / baseline);
    Files.delete(journal);
    Files.delete(dir);
  }

  interface Run {
    ExecutionReport run(SandboxServer sandbox) throws Exception;
  }

  /** Runs one variant against a fresh sandbox; prints and returns its requests per second. */
  static double measure(
      String name, List<Customer> customers, Duration latency, double ideal, Run run)
      throws Exception {
    try (SandboxServer sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign(CAMPAIGN, customers)
            .latency(latency)
            .start()) {
      long t0 = System.nanoTime();
      ExecutionReport report = run.run(sandbox);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double rate = customers.size() / seconds;
      Map<String, Long> counts = sandbox.contactCounts(Channel.SMS);
      long twice = counts.values().stream().filter(n -> n > 1).count();
      long missing = customers.stream().filter(c -> !counts.containsKey(c.loanId())).count();
      int received = sandbox.received().size();
      System.out.printf(
          Locale.ROOT,
          "  %-45s %6.2f s  %7.0f req/s  %5.1f%% of ideal | sandbox: %,d requests, %,d customers"
              + " initiated, %d twice, %d missing%s%n",
          name,
          seconds,
          rate,
          100 * rate / ideal,
          received,
          counts.size(),
          twice,
          missing,
          report == null ? "" : ", report: " + report.count("done") + " done");
      if (twice > 0
          || missing > 0
          || received != customers.size()
          || (report != null && report.count("done") != customers.size())) {
        throw new AssertionError(name + ": lost or repeated requests");
      }
      return rate;
    }
  }

  static void warmUp(List<Customer> customers, Duration latency, int inFlight) throws Exception {
    List<Customer> few = customers.subList(0, Math.min(2_000, customers.size()));
    Plan p = plan(few);
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign(CAMPAIGN, few).latency(latency).start()) {
      executor(sandbox.uri(), inFlight).execute(p);
    }
  }

  static PlanExecutor executor(URI uri, int inFlight) {
    OutreachClient client = OutreachClient.builder(uri).token(TOKEN).build();
    return PlanExecutor.builder(client)
        .meterRegistry(new SimpleMeterRegistry())
        .maxInFlight(inFlight)
        .respectSchedule(false)
        .build();
  }

  /** The same requests through the bare JDK client: the practical ceiling on this machine. */
  static ExecutionReport bare(URI uri, Plan plan, int threads) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < plan.steps().size(); ) {
                  Step s = plan.steps().get(i);
                  HttpRequest r =
                      HttpRequest.newBuilder(URI.create(uri + s.path()))
                          .header("Authorization", "Bearer " + TOKEN)
                          .header("Content-Type", "application/json")
                          .header("X-Idempotency-Key", IdempotencyKeys.of(plan, s))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(s.bodyBytes()))
                          .build();
                  HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                  if (resp.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + resp.statusCode());
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    return null;
  }

  static Plan plan(List<Customer> customers) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < customers.size(); i++) {
      String id = customers.get(i).loanId();
      steps.add(
          new Step(
              String.format(Locale.ROOT, "s%06d", i),
              StepKind.INITIATE_SMS,
              "POST",
              StepKind.INITIATE_SMS.path(CAMPAIGN),
              now,
              now.plusHours(6),
              Json.createObjectBuilder()
                  .add("templateId", "tpl_bench")
                  .add("limit", 1)
                  .add(
                      "filters",
                      Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(id)))
                  .build(),
              List.of(id),
              List.of("benchmark")));
    }
    int n = customers.size();
    return new Plan(
        CAMPAIGN,
        now,
        ZoneId.of("UTC"),
        new Summary(n, n, 0, 0, 0, n, Map.of(Channel.CALL, 0, Channel.SMS, n, Channel.WHATSAPP, 0)),
        steps,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
