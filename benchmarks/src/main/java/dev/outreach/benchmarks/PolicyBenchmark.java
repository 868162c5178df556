package dev.outreach.benchmarks;

import dev.outreach.examples.sample.SamplePortfolio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a collections strategy's policy costs: {@code outreach plan} of the same generated portfolio
 * under the RBI preset (the baseline, measured in the same run) and under a policy with a daily
 * call capacity (a third of the calls), a consent file (opt-outs for one customer in fifty),
 * jurisdictions (the Mumbai branch under Massachusetts' calls-and-texts cap) and a history (two
 * unanswered calls for one customer in ten). Runs the jar as a user does, in fresh JVMs. From the
 * repository root after {@code mvn package}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.PolicyBenchmark 1000000,4000000
 * </pre>
 */
public final class PolicyBenchmark {
  private static final String CLI = "cli/target/outreach.jar";
  private static final String RULES = "examples/src/main/resources/outreach/sample/rules";

  private PolicyBenchmark() {}

  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "1000000";
    double perMillion = args.length > 1 ? Double.parseDouble(args[1]) : 1.5;
    Path dir = Files.createTempDirectory("outreach-policy-bench-");
    System.out.printf(
        Locale.ROOT,
        "Policy benchmark: %s customers, %d cores%n",
        sizes,
        Runtime.getRuntime().availableProcessors());
    Map<Integer, double[]> all = new LinkedHashMap<>();
    try {
      for (String s : sizes.split(",")) {
        int size = Integer.parseInt(s.strip());
        all.put(size, size(dir, size, ScaleBenchmark.heap(perMillion, size)));
      }
    } finally {
      ScaleBenchmark.deleteTree(dir);
    }
    Integer first = null;
    for (Map.Entry<Integer, double[]> e : all.entrySet()) {
      if (first == null) {
        first = e.getKey();
        continue;
      }
      System.out.printf(
          Locale.ROOT,
          "growth %,d -> %,d (%.1fx): rbi %.2fx, strategy policy %.2fx%n",
          first,
          e.getKey(),
          (double) e.getKey() / first,
          e.getValue()[0] / all.get(first)[0],
          e.getValue()[1] / all.get(first)[1]);
    }
  }

  private static double[] size(Path dir, int size, String heap) throws Exception {
    Path csv = dir.resolve("portfolio.csv");
    SamplePortfolio.write(csv, size, 42L);
    StringBuilder consent = new StringBuilder("loan_id,channel,status,timestamp\n");
    StringBuilder history = new StringBuilder("loan_id,channel,timestamp,outcome\n");
    for (int i = 1; i <= size; i++) {
      String id = String.format(Locale.ROOT, "LOAN-2025-%05d", i);
      if (i % 50 == 0) {
        consent.append(id).append(",ALL,opt_out,2025-08-01T10:00:00+05:30\n");
      }
      if (i % 10 == 0) {
        history.append(id).append(",CALL,2025-08-01T10:00:00+05:30,no_answer\n");
        history.append(id).append(",CALL,2025-08-04T10:00:00+05:30,no_answer\n");
      }
    }
    Files.writeString(dir.resolve("consent.csv"), consent, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("history.csv"), history, StandardCharsets.UTF_8);
    Path policy = dir.resolve("policy.json");
    Files.writeString(
        policy,
        String.format(
            Locale.ROOT,
            "{ \"preset\": \"rbi\", \"capacity\": { \"CALL\": %d },"
                + " \"consent\": { \"file\": \"consent.csv\" },"
                + " \"jurisdictions\": { \"attribute\": \"branch\", \"policies\": { \"mumbai\": \"us-ma\" } } }",
            Math.max(1, size / 12)),
        StandardCharsets.UTF_8);
    ScaleBenchmark.Run rbi =
        ScaleBenchmark.java(
            plan(heap, csv, dir.resolve("rbi.json"), List.of()), dir.resolve("gc-rbi.log"));
    ScaleBenchmark.Run strategy =
        ScaleBenchmark.java(
            plan(
                heap,
                csv,
                dir.resolve("strategy.json"),
                List.of(
                    "--policy",
                    policy.toString(),
                    "--history",
                    dir.resolve("history.csv").toString())),
            dir.resolve("gc-strategy.log"));
    String json = Files.readString(dir.resolve("strategy.json"));
    System.out.printf(
        Locale.ROOT,
        "%n%,d customers:%n  rbi:             %6.1f s, peak heap %,6d MB%n"
            + "  strategy policy: %6.1f s, peak heap %,6d MB = %.2fx the time (CAPACITY %s,"
            + " CONSENT %s, FREQUENCY_CAP %s warnings)%n",
        size,
        rbi.wall(),
        rbi.peakMb(),
        strategy.wall(),
        strategy.peakMb(),
        strategy.wall() / rbi.wall(),
        count(json, "CAPACITY"),
        count(json, "CONSENT"),
        count(json, "FREQUENCY_CAP"));
    return new double[] {rbi.wall(), strategy.wall()};
  }

  private static String count(String json, String code) {
    int n = 0;
    for (int i = json.indexOf("\"code\": \"" + code + "\"");
        i >= 0;
        i = json.indexOf("\"code\": \"" + code + "\"", i + 1)) {
      n++;
    }
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static List<String> plan(String heap, Path customers, Path out, List<String> more) {
    List<String> args = ScaleBenchmark.planArgs(heap, CLI, RULES, customers, out, "ids");
    args.addAll(more);
    return args;
  }
}
