package dev.outreach.spark;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code outreach plan} on Apache Spark, with the program's options plus {@code --master URL}
 * (default: the one {@code spark-submit} sets, else {@code local[*]}) and {@code --conf KEY=VALUE}
 * (repeatable): {@code java -jar spark/target/outreach-spark.jar plan --master local[2] --rules
 * rules/ --customers loans.parquet --campaign CAMP-1 --format json --out plan.json}. {@code convert
 * --customers FILE --out FOLDER} writes a portfolio file (CSV or JSON lines) as Parquet, every
 * column as text, as a data lake table of the book would hold it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs {@code args}; returns the exit code (2 for a usage error, 1 for any other failure). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    List<String> rest = new ArrayList<>();
    Map<String, String> conf = new LinkedHashMap<>();
    String master = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--master") || a.equals("--conf")) {
        if (i + 1 >= args.length) {
          err.println("outreach-spark: " + a + " needs a value");
          return 2;
        }
        String v = args[++i];
        if (a.equals("--master")) {
          master = v;
        } else if (v.indexOf('=') <= 0) {
          err.println("outreach-spark: --conf takes KEY=VALUE, not " + v);
          return 2;
        } else {
          conf.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
        }
      } else if (a.startsWith("--master=")) {
        master = a.substring("--master=".length());
      } else {
        rest.add(a);
      }
    }
    boolean convert = !rest.isEmpty() && rest.get(0).equals("convert");
    if (rest.isEmpty() || !(rest.get(0).equals("plan") || convert)) {
      err.println(
          "outreach-spark: runs `plan` on Apache Spark: plan [--master URL] [--conf KEY=VALUE]..."
              + " followed by the options of `outreach plan` (see `plan --help`); or"
              + " `convert --customers FILE --out FOLDER`, which writes a portfolio file as Parquet"
              + " with every column as text");
      return 2;
    }
    if (convert
        && (rest.size() != 5
            || !rest.get(1).equals("--customers")
            || !rest.get(3).equals("--out"))) {
      err.println("outreach-spark: convert takes --customers FILE --out FOLDER");
      return 2;
    }
    if (rest.contains("--help") || rest.contains("-h")) {
      return dev.outreach.cli.Main.run(rest.toArray(String[]::new), out, err);
    }
    // Netty, under Spark, asks for this before its classes load.
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    SparkSession.Builder b = SparkSession.builder().appName("outreach plan");
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    conf.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    try {
      if (convert) {
        new SparkPlanEngine(spark).columns(rest.get(2)).write().parquet(rest.get(4));
        err.println("outreach-spark: wrote " + rest.get(4));
        return 0;
      }
      return dev.outreach.cli.Main.run(
          rest.toArray(String[]::new), out, err, System.getenv(), new SparkPlanEngine(spark));
    } finally {
      spark.stop();
    }
  }
}
