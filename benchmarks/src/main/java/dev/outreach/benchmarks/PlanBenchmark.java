package dev.outreach.benchmarks;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.examples.sample.Sample;
import dev.outreach.examples.sample.SamplePortfolio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Planning a large portfolio: the sample rules' decisions over generated customers planned with
 * compact filters and with plain {@code ids} lists, in the same run: time, peak heap, request-body
 * bytes, steps.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.PlanBenchmark [customers] [rounds]
 * </pre>
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Customer> customers = SamplePortfolio.customers(size, 42L);
    DecisionSource rules = Sample.rules().decisions();

    // Decide once, then replay: the planner's own work is what is measured here.
    List<Ruling> decided = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    rules.decide(customers, new PlanningDay(Sample.AS_OF, Sample.ZONE), decided::add);
    double rulesSeconds = (System.nanoTime() - t0) / 1e9;
    DecisionSource replay = (cs, day, sink) -> decided.forEach(sink);

    System.out.printf(
        Locale.ROOT,
        "Plan benchmark: %,d customers, %,d decisions (rules took %.2f s), %d rounds after 1 warm-up%n",
        size,
        decided.size(),
        rulesSeconds,
        rounds);
    for (int r = -1; r < rounds; r++) {
      Result compact = plan(customers, replay, FilterCompiler.Mode.COMPACT);
      Result ids = plan(customers, replay, FilterCompiler.Mode.IDS);
      if (r >= 0) {
        System.out.printf(
            Locale.ROOT,
            "  round %d: compact %.2f s, %d steps, %,d body bytes, peak heap %,d MB | ids %.2f s, %d steps,"
                + " %,d body bytes, peak heap %,d MB | ids/compact bytes %.1fx%n",
            r + 1,
            compact.seconds,
            compact.steps,
            compact.bytes,
            compact.peak >> 20,
            ids.seconds,
            ids.steps,
            ids.bytes,
            ids.peak >> 20,
            (double) ids.bytes / compact.bytes);
      }
    }
  }

  record Result(double seconds, int steps, long bytes, long peak) {}

  static Result plan(List<Customer> customers, DecisionSource source, FilterCompiler.Mode mode) {
    Planner planner = Planner.builder(Sample.CAMPAIGN).zone(Sample.ZONE).filters(mode).build();
    HeapPeak.retained();
    try (HeapPeak peak = HeapPeak.start()) {
      long t0 = System.nanoTime();
      Plan plan = planner.plan(customers, source, Sample.AS_OF);
      double s = (System.nanoTime() - t0) / 1e9;
      long bytes = 0;
      for (Step step : plan.steps()) {
        bytes += step.bodyBytes().length;
      }
      return new Result(s, plan.steps().size(), bytes, peak.peak());
    }
  }
}
