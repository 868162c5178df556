package dev.outreach.benchmarks;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.examples.sample.Sample;
import dev.outreach.examples.sample.SamplePortfolio;
import dev.outreach.examples.sample.SampleRulesByHand;
import dev.outreach.rules.RuleSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rule evaluation throughput: the sample DRL rules through Drools against the same rules written by
 * hand in plain Java, over the same generated customers, in the same run, alternating rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.RulesBenchmark [customers] [rounds] [batch threads]
 * </pre>
 */
public final class RulesBenchmark {
  private RulesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int cores = Runtime.getRuntime().availableProcessors();
    long before = HeapPeak.retained();
    List<Customer> customers = SamplePortfolio.customers(size, 42L);
    long portfolioHeap = HeapPeak.retained() - before;
    PlanningDay day = new PlanningDay(Sample.AS_OF, Sample.ZONE);
    long c0 = System.nanoTime();
    RuleSet rules = Sample.rules();
    System.out.printf(Locale.ROOT, "rules compiled in %.2f s%n", (System.nanoTime() - c0) / 1e9);
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : cores;
    DecisionSource drl = batch > 0 ? rules.decisions(batch, threads) : rules.decisions();
    DecisionSource hand = new SampleRulesByHand();

    System.out.printf(
        Locale.ROOT,
        "Rules benchmark: %,d customers, %d rules, %d cores, %d rounds after 5 warm-up rounds%n",
        size,
        rules.ruleNames().size(),
        cores,
        rounds);
    System.out.printf(Locale.ROOT, "portfolio retained heap: %,d MB%n", portfolioHeap >> 20);
    double[] drlSeconds = new double[rounds];
    double[] handSeconds = new double[rounds];
    long drlPeak = 0;
    for (int r = -5; r < rounds; r++) {
      Run h = run(hand, customers, day);
      Run d = run(drl, customers, day);
      if (h.decisions != d.decisions) {
        throw new IllegalStateException(
            "DRL made " + d.decisions + " decisions, by hand " + h.decisions);
      }
      if (r >= 0) {
        handSeconds[r] = h.seconds;
        drlSeconds[r] = d.seconds;
        drlPeak = Math.max(drlPeak, d.peakHeap);
        System.out.printf(
            Locale.ROOT,
            "  round %d: by hand %.3f s, Drools %.3f s (%.1fx), %,d decisions%n",
            r + 1,
            h.seconds,
            d.seconds,
            d.seconds / h.seconds,
            d.decisions);
      }
    }
    double dm = median(drlSeconds);
    double hm = median(handSeconds);
    System.out.printf(
        Locale.ROOT,
        "median: Drools %.3f s = %,.0f customers/s; by hand (1 thread) %.3f s = %,.0f customers/s%n",
        dm,
        size / dm,
        hm,
        size / hm);
    System.out.printf(
        Locale.ROOT,
        "ratio Drools / by hand: %.2fx; peak heap during Drools rounds: %,d MB (portfolio %,d MB)%n",
        dm / hm,
        drlPeak >> 20,
        portfolioHeap >> 20);
  }

  record Run(double seconds, long decisions, long peakHeap) {}

  static Run run(DecisionSource source, List<Customer> customers, PlanningDay day) {
    LongAdder count = new LongAdder();
    HeapPeak.retained();
    try (HeapPeak peak = HeapPeak.start()) {
      long t0 = System.nanoTime();
      source.decide(customers, day, d -> count.increment());
      double s = (System.nanoTime() - t0) / 1e9;
      return new Run(s, count.sum(), peak.peak());
    }
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
