package dev.outreach.benchmarks;

import dev.outreach.examples.sample.SamplePortfolio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code outreach plan} on Apache Spark in {@code local[2]} against the single-process program, as
 * a user runs them ({@code java -jar}, fresh JVMs), on the same generated portfolio: the sample's
 * customers, written as CSV for the program and converted to Parquet (every column as text) for
 * Spark. Prints wall time and peak heap of each (for Spark, of the driver, which runs the local
 * executors too), and checks the plans are the same bytes. Spark is never on this module's
 * classpath: it runs from {@code spark/target}. Run from the repository root after {@code mvn
 * package}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.SparkBenchmark 1000000,5000000,10000000 1
 * </pre>
 *
 * <p>The second argument is the heap limit in GB per million customers for both (default 1); the
 * third how requests select customers, {@code ids} (the default) or {@code compact}.
 */
public final class SparkBenchmark {
  private static final String CLI = "cli/target/outreach.jar";
  private static final String SPARK = "spark/target/outreach-spark.jar";
  private static final String RULES = "examples/src/main/resources/outreach/sample/rules";

  private static String filters = "ids";

  private SparkBenchmark() {}

  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "1000000,5000000,10000000";
    double perMillion = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    filters = args.length > 2 ? args[2] : "ids";
    for (String jar : List.of(CLI, SPARK)) {
      if (!Files.isRegularFile(Path.of(jar))) {
        throw new IllegalStateException(jar + " is missing: run mvn package first");
      }
    }
    Path dir = Files.createTempDirectory("outreach-spark-bench-");
    System.out.printf(
        Locale.ROOT,
        "Spark benchmark: %s customers, %d cores, heap %s GB per million customers, %s filters%n",
        sizes,
        Runtime.getRuntime().availableProcessors(),
        perMillion,
        filters);
    Map<Integer, double[]> totals = new LinkedHashMap<>();
    try {
      for (String s : sizes.split(",")) {
        int size = Integer.parseInt(s.strip());
        totals.put(size, size(dir, size, ScaleBenchmark.heap(perMillion, size)));
      }
    } finally {
      ScaleBenchmark.deleteTree(dir);
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
          "growth %,d -> %,d customers (%.1fx): single process %.2fx, Spark %.2fx;"
              + " peak heap: single process %.2fx, Spark driver %.2fx;"
              + " live after GC: single process %.2fx, Spark driver %.2fx%n",
          first,
          e.getKey(),
          (double) e.getKey() / first,
          b[0] / a[0],
          b[1] / a[1],
          b[2] / a[2],
          b[3] / a[3],
          b[4] / a[4],
          b[5] / a[5]);
    }
  }

  /** {single wall, spark wall, single peak MB, spark peak MB, single live MB, spark live MB}. */
  private static double[] size(Path dir, int size, String heap) throws Exception {
    Path csv = dir.resolve("portfolio-" + size + ".csv");
    SamplePortfolio.write(csv, size, 42L);
    Path parquet = dir.resolve("portfolio-" + size + ".parquet");
    ScaleBenchmark.Run convert =
        ScaleBenchmark.java(
            List.of(
                "-Xmx" + heap,
                "-jar",
                SPARK,
                "convert",
                "--customers",
                csv.toString(),
                "--out",
                parquet.toString()),
            null);
    Path single = dir.resolve("single.json");
    Path spark = dir.resolve("spark.json");
    ScaleBenchmark.Run local =
        ScaleBenchmark.java(plan(heap, CLI, csv, single, List.of()), dir.resolve("gc-single.log"));
    ScaleBenchmark.Run onSpark =
        ScaleBenchmark.java(
            plan(heap, SPARK, parquet, spark, List.of("--master", "local[2]")),
            dir.resolve("gc-spark.log"));
    boolean same = java.util.Arrays.equals(Files.readAllBytes(single), Files.readAllBytes(spark));
    System.out.printf(
        Locale.ROOT,
        "%n%,d customers (CSV %,d bytes; to Parquet in %.1f s):%n"
            + "  single process, CSV:        %6.1f s, peak heap %,6d MB, live after GC %,6d MB%n"
            + "  Spark local[2], Parquet:    %6.1f s, peak heap %,6d MB, live after GC %,6d MB"
            + " (driver and local executors) = %.2fx the single process's time%n"
            + "  plans: %s (%,d bytes)%n",
        size,
        Files.size(csv),
        convert.wall(),
        local.wall(),
        local.peakMb(),
        local.liveMb(),
        onSpark.wall(),
        onSpark.peakMb(),
        onSpark.liveMb(),
        onSpark.wall() / local.wall(),
        same ? "the same bytes" : "DIFFERENT",
        Files.size(single));
    if (!same) {
      throw new IllegalStateException("the Spark plan differs from the program's at " + size);
    }
    return new double[] {
      local.wall(),
      onSpark.wall(),
      local.peakMb(),
      onSpark.peakMb(),
      local.liveMb(),
      onSpark.liveMb()
    };
  }

  private static List<String> plan(
      String heap, String jar, Path customers, Path out, List<String> more) {
    List<String> args = ScaleBenchmark.planArgs(heap, jar, RULES, customers, out, filters);
    args.addAll(more);
    return args;
  }
}
