package dev.outreach.benchmarks;

import dev.outreach.examples.sample.SamplePortfolio;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lender scale, end to end, as a user runs it: {@code java -jar outreach.jar plan … --format json
 * --out FILE} in a fresh JVM per run, over generated portfolios of each size, against baselines
 * measured in the same run on the same files ({@link Baselines}: reading the CSV with the CSV
 * library alone, the sample rules written by hand, writing a JSON document of the plan's size with
 * the JSON library alone).
 *
 * <p>Per size: the sample portfolio (17 columns, the sample rules, {@code --filters ids}; {@code
 * -Xmx1g} per million customers by default) and the messy one ({@link MessyPortfolio}: 6 time
 * zones, 33 columns with empty cells, a policy with per-channel hours, working days, holidays,
 * do-not-contact and caps, a contact history; 19 rules) planned with {@code ids} and with {@code
 * compact} filters. Prints wall time, the CLI's own phase times and the peak heap (the largest heap
 * before a collection, from the GC log).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.ScaleBenchmark [sizes] [plain GB] [messy GB]
 * </pre>
 *
 * sizes comma-separated (default {@code 1000000,4000000}); the heap limit per million customers
 * defaults to 1 GB for the sample portfolio ({@code -Xmx1g} at 1M) and 3 GB for the messy one. Run
 * from the repository root after {@code mvn package}: it runs {@code cli/target/outreach.jar}.
 * Files go to a temporary folder, deleted at the end.
 */
public final class ScaleBenchmark {
  private static final String JAR = "cli/target/outreach.jar";
  private static final String SAMPLE_RULES = "examples/src/main/resources/outreach/sample/rules";
  private static final String MESSY_RULES = "benchmarks/src/main/resources/outreach/messy/rules";
  private static final Pattern PHASE =
      Pattern.compile("^outreach: ([a-z ]+?)( \\S+)?: .*\\(([0-9.]+) s\\)$");
  private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
  private static final Pattern SECONDS = Pattern.compile("seconds=([0-9.]+)");
  private static final Pattern COMPILE = Pattern.compile("compile=([0-9.]+)");

  private ScaleBenchmark() {}

  /**
   * One child JVM's run: wall seconds, its phases (name → seconds), peak heap in MB, and its
   * output.
   */
  record Run(double wall, Map<String, Double> phases, long peakMb, long liveMb, String out) {
    double seconds() {
      Matcher m = SECONDS.matcher(out);
      return m.find() ? Double.parseDouble(m.group(1)) : wall;
    }

    double compileSeconds() {
      Matcher m = COMPILE.matcher(out);
      return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The planning phase without the rules' evaluation within it. */
    double planningAlone() {
      return phases.getOrDefault("planning", 0.0) - phases.getOrDefault("evaluating", 0.0);
    }

    String phaseText() {
      StringBuilder b = new StringBuilder();
      phases.forEach(
          (k, v) ->
              b.append(b.length() == 0 ? "" : ", ")
                  .append(String.format(Locale.ROOT, "%s %.1f s", k, v)));
      return b.toString();
    }
  }

  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "1000000,4000000";
    double plainPerMillion = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    double messyPerMillion = args.length > 2 ? Double.parseDouble(args[2]) : 3;
    if (!Files.isRegularFile(Path.of(JAR))) {
      throw new IllegalStateException(
          JAR + " is missing: run mvn package from the repository root first");
    }
    Path dir = Files.createTempDirectory("outreach-scale-");
    System.out.printf(
        Locale.ROOT,
        "Scale benchmark: %s customers, %d cores; heap limit per million customers: plain %s GB,"
            + " messy %s GB%n",
        sizes,
        Runtime.getRuntime().availableProcessors(),
        plainPerMillion,
        messyPerMillion);
    Map<Integer, double[]> totals = new LinkedHashMap<>();
    try {
      for (String s : sizes.split(",")) {
        int size = Integer.parseInt(s.strip());
        totals.put(size, size(dir, size, heap(plainPerMillion, size), heap(messyPerMillion, size)));
      }
    } finally {
      deleteTree(dir);
    }
    Integer first = null;
    for (Map.Entry<Integer, double[]> e : totals.entrySet()) {
      if (first == null) {
        first = e.getKey();
        continue;
      }
      double[] a = totals.get(first);
      double[] b = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "growth %,d -> %,d customers (%.1fx): plain %.2fx, messy ids %.2fx, messy compact %.2fx,"
              + " bare CSV read %.2fx%n",
          first,
          e.getKey(),
          (double) e.getKey() / first,
          b[0] / a[0],
          b[1] / a[1],
          b[2] / a[2],
          b[3] / a[3]);
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A -Xmx value: {@code perMillion} GB for each million customers, at least that much. */
  static String heap(double perMillion, int size) {
    return Math.round(1024 * perMillion * Math.max(1.0, size / 1e6)) + "m";
  }

  /**
   * Runs one size; returns wall seconds of plain, messy ids, messy compact, and the plain bare
   * read.
   */
  private static double[] size(Path dir, int size, String plainHeap, String messyHeap)
      throws Exception {
    Path plain = dir.resolve("plain-" + size + ".csv");
    SamplePortfolio.write(plain, size, 42L);
    Path messy = dir.resolve("messy-" + size);
    MessyPortfolio.write(messy, size, 42L);
    System.out.printf(
        Locale.ROOT,
        "%n%,d customers: sample portfolio %,d bytes, messy portfolio %,d bytes%n",
        size,
        Files.size(plain),
        Files.size(messy.resolve("portfolio.csv")));

    Run read =
        java(
            List.of("-cp", benchmarksJar(), Baselines.class.getName(), "csv", plain.toString()),
            null);
    Run hand =
        java(
            List.of(
                "-Xmx" + plainHeap,
                "-cp",
                benchmarksJar(),
                Baselines.class.getName(),
                "rules",
                plain.toString()),
            null);
    Run drools =
        java(
            List.of(
                "-Xmx" + plainHeap,
                "-cp",
                benchmarksJar(),
                Baselines.class.getName(),
                "drools",
                plain.toString()),
            null);
    Path out = dir.resolve("plan.json");
    Run plan = plan(dir, plainHeap, SAMPLE_RULES, plain, List.of(), "ids", out);
    long planBytes = Files.size(out);
    Run json =
        java(
            List.of(
                "-cp",
                benchmarksJar(),
                Baselines.class.getName(),
                "json",
                dir.resolve("b.json").toString(),
                Long.toString(planBytes)),
            null);
    System.out.printf(
        Locale.ROOT,
        "  baseline: CSV read alone %.2f s (in JVM %.2f s); rules by hand %.2f s;"
            + " JSON of %,d bytes alone %.2f s%n",
        read.wall,
        read.seconds(),
        hand.seconds(),
        planBytes,
        json.seconds());
    System.out.printf(
        Locale.ROOT,
        "  Drools alone in a fresh JVM: compile %.2f s + first evaluation %.2f s = %.1fx the"
            + " bare read, before any reading or planning%n",
        drools.compileSeconds(),
        drools.seconds(),
        (drools.compileSeconds() + drools.seconds()) / read.wall);
    System.out.printf(
        Locale.ROOT,
        "  plain, ids, -Xmx%s: %.2f s = %.1fx the bare read; peak heap %,d MB; %s%n",
        plainHeap,
        plan.wall,
        plan.wall / read.wall,
        plan.peakMb,
        plan.phaseText());

    Run messyRead =
        java(
            List.of(
                "-cp",
                benchmarksJar(),
                Baselines.class.getName(),
                "csv",
                messy.resolve("portfolio.csv").toString()),
            null);
    List<String> policy =
        List.of(
            "--policy",
            messy.resolve("policy.json").toString(),
            "--history",
            messy.resolve("history.csv").toString());
    Run ids = plan(dir, messyHeap, MESSY_RULES, messy.resolve("portfolio.csv"), policy, "ids", out);
    Run compact =
        plan(dir, messyHeap, MESSY_RULES, messy.resolve("portfolio.csv"), policy, "compact", out);
    System.out.printf(
        Locale.ROOT,
        "  messy: bare read %.2f s; ids %.2f s = %.1fx (peak heap %,d MB; %s)%n",
        messyRead.wall,
        ids.wall,
        ids.wall / messyRead.wall,
        ids.peakMb,
        ids.phaseText());
    System.out.printf(
        Locale.ROOT,
        "  messy: compact %.2f s = %.1fx the bare read (peak heap %,d MB; %s);"
            + " compact/ids planning %.2fx (rules aside %.2fx)%n",
        compact.wall,
        compact.wall / messyRead.wall,
        compact.peakMb,
        compact.phaseText(),
        compact.phases.getOrDefault("planning", 0.0) / ids.phases.getOrDefault("planning", 1.0),
        compact.planningAlone() / ids.planningAlone());
    return new double[] {plan.wall, ids.wall, compact.wall, read.wall};
  }

  private static Run plan(
      Path dir,
      String heap,
      String rules,
      Path customers,
      List<String> more,
      String filters,
      Path out)
      throws Exception {
    List<String> args = planArgs(heap, JAR, rules, customers, out, filters);
    args.add("--progress");
    args.addAll(more);
    return java(args, dir.resolve("gc-" + filters + ".log"));
  }

  /**
   * {@code java -Xmx… -jar JAR plan} of {@code customers} under {@code rules} as of the sample's
   * day, the plan as JSON in {@code out}: the command every benchmark times.
   */
  static List<String> planArgs(
      String heap, String jar, String rules, Path customers, Path out, String filters) {
    return new ArrayList<>(
        List.of(
            "-Xmx" + heap,
            "-jar",
            jar,
            "plan",
            "--rules",
            rules,
            "--customers",
            customers.toString(),
            "--campaign",
            "CAMP-SCALE",
            "--as-of",
            "2025-08-05T09:00:00+05:30",
            "--zone",
            "Asia/Kolkata",
            "--format",
            "json",
            "--out",
            out.toString(),
            "--filters",
            filters));
  }

  private static String benchmarksJar() {
    return Path.of(
            ScaleBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .toString();
  }

  /** Runs {@code java ARGS} (with a GC log when {@code gcLog} is set); fails when it does. */
  static Run java(List<String> args, Path gcLog) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (gcLog != null) {
      Files.deleteIfExists(gcLog);
      cmd.add("-Xlog:gc:file=" + gcLog);
    }
    cmd.addAll(args);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    Map<String, Double> phases = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.append(line).append('\n');
        Matcher m = PHASE.matcher(line);
        if (m.matches()) {
          phases.put(m.group(1), Double.parseDouble(m.group(3)));
        }
      }
    }
    int rc = p.waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    if (rc != 0) {
      throw new IllegalStateException("exit " + rc + " from " + String.join(" ", cmd) + "\n" + out);
    }
    return new Run(
        wall,
        phases,
        gcLog == null ? 0 : peak(gcLog, 1),
        gcLog == null ? 0 : peak(gcLog, 2),
        out.toString());
  }

  /** The largest heap in use before any collection, in MB. */
  /**
   * The largest heap in use before a collection ({@code group} 1) or kept after one ({@code group}
   * 2: the most the program held live at once, at a collection).
   */
  private static long peak(Path gcLog, int group) throws IOException {
    long peak = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = HEAP.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(group)));
      }
    }
    return peak;
  }
}
