package dev.outreach.benchmarks;

import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.examples.sample.Sample;
import dev.outreach.examples.sample.SamplePortfolio;
import dev.outreach.report.html.HtmlReport;
import dev.outreach.rules.CustomerTrace;
import dev.outreach.rules.RuleSet;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML report at scale, against the plan JSON of the same plan in the same run: file sizes and
 * the time to write each, and what recording the fired rules (for the report's search) adds to
 * evaluating and planning.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.ReportBenchmark [customers|sample] [rounds]
 * </pre>
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    boolean sample = args.length > 0 && args[0].equals("sample");
    int size = args.length > 0 && !sample ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Customer> customers = sample ? Sample.portfolio() : SamplePortfolio.customers(size, 42L);
    RuleSet rules = Sample.rules();
    Planner planner = Planner.builder(Sample.CAMPAIGN).zone(Sample.ZONE).build();
    Path dir = Files.createTempDirectory("report-benchmark");
    System.out.printf(
        Locale.ROOT,
        "Report benchmark: %,d customers (%s), %d rounds after 1 warm-up%n",
        customers.size(),
        sample ? "the sample portfolio" : "generated",
        rounds);
    for (int r = -1; r < rounds; r++) {
      long t0 = System.nanoTime();
      Plan plain = planner.plan(customers, rules.decisions(), Sample.AS_OF);
      double planSeconds = seconds(t0);

      Map<String, List<String>> fired = new ConcurrentHashMap<>();
      Map<List<String>, List<String>> distinct = new ConcurrentHashMap<>();
      t0 = System.nanoTime();
      Plan traced =
          planner.plan(
              customers,
              rules.decisions(
                  List.of(),
                  (CustomerTrace t) ->
                      fired.put(t.customerId(), distinct.computeIfAbsent(t.firedRules(), k -> k))),
              Sample.AS_OF);
      double tracedSeconds = seconds(t0);

      Path json = dir.resolve("plan.json");
      t0 = System.nanoTime();
      try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
        PlanJson.write(traced, w);
      }
      double jsonSeconds = seconds(t0);

      Path html = dir.resolve("report.html");
      t0 = System.nanoTime();
      try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
        HtmlReport.builder(traced).customers(customers).firedRules(fired::get).build().write(w);
      }
      double htmlSeconds = seconds(t0);
      if (r >= 0) {
        long jsonBytes = Files.size(json);
        long htmlBytes = Files.size(html);
        System.out.printf(
            Locale.ROOT,
            "  round %d: plan %.2f s (%d steps), with fired rules recorded %.2f s (%.2fx) | plan JSON "
                + "%,d bytes in %.2f s | HTML %,d bytes in %.2f s | HTML/JSON size %.2fx, HTML write / plan %.2fx%n",
            r + 1,
            planSeconds,
            plain.steps().size(),
            tracedSeconds,
            tracedSeconds / planSeconds,
            jsonBytes,
            jsonSeconds,
            htmlBytes,
            htmlSeconds,
            (double) htmlBytes / jsonBytes,
            htmlSeconds / planSeconds);
      }
    }
    Files.deleteIfExists(dir.resolve("plan.json"));
    Files.deleteIfExists(dir.resolve("report.html"));
    Files.deleteIfExists(dir);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
