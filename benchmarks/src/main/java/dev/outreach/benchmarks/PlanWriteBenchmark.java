package dev.outreach.benchmarks;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.examples.sample.Sample;
import dev.outreach.examples.sample.SamplePortfolio;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writing a large plan's JSON to a file (as {@code plan --format json --out FILE} does), three ways
 * in the same run, alternating: the tree (build {@link PlanJson#toJson}, print it to a String,
 * write the String: how {@code PlanJson.write} worked before it streamed), the streaming {@link
 * PlanJson#write(Plan, Writer)}, and a baseline: the JSON library alone writing the plan's strings
 * and numbers as flat arrays (its floor for a document of about the same size). Time, peak heap
 * above the retained plan, bytes.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.PlanWriteBenchmark
 *     [customers=200000] [rounds=3] [only=tree|stream|baseline]</pre>
 */
public final class PlanWriteBenchmark {
  private static final JsonGeneratorFactory PRETTY =
      Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private PlanWriteBenchmark() {}

  interface Way {
    void write(Plan plan, Writer out) throws IOException;
  }

  record Result(double seconds, long peakAbove, long bytes) {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String only = args.length > 2 ? args[2] : "all";
    List<Customer> customers = SamplePortfolio.customers(size, 42L);
    Planner planner =
        Planner.builder(Sample.CAMPAIGN).zone(Sample.ZONE).filters(FilterCompiler.Mode.IDS).build();
    Plan plan = planner.plan(customers, Sample.rules().decisions(), Sample.AS_OF);
    customers = null;
    Path dir = Files.createTempDirectory("plan-write-benchmark");
    Path tree = dir.resolve("tree.json");
    Path stream = dir.resolve("stream.json");
    Path base = dir.resolve("baseline.json");
    System.out.printf(
        Locale.ROOT,
        "Plan write benchmark: %,d customers, --filters ids, %d steps, %,d undecided,"
            + " %,d suppressed; %d rounds after 1 warm-up; heap max %,d MB%n",
        size,
        plan.steps().size(),
        plan.undecided().size(),
        plan.suppressed().size(),
        rounds,
        Runtime.getRuntime().maxMemory() >> 20);
    List<Double> treeS = new ArrayList<>();
    List<Double> streamS = new ArrayList<>();
    List<Double> baseS = new ArrayList<>();
    for (int r = -1; r < rounds; r++) {
      Result t =
          only.equals("all") || only.equals("tree")
              ? time(plan, tree, (p, w) -> w.write(JsonText.pretty(PlanJson.toJson(p))))
              : null;
      Result s =
          only.equals("all") || only.equals("stream") ? time(plan, stream, PlanJson::write) : null;
      Result b =
          only.equals("all") || only.equals("baseline")
              ? time(plan, base, PlanWriteBenchmark::baseline)
              : null;
      if (r < 0) {
        if (t != null && s != null && Files.mismatch(tree, stream) != -1) {
          throw new AssertionError(
              "streamed plan differs from the tree's text at byte " + Files.mismatch(tree, stream));
        }
        continue;
      }
      add(treeS, t);
      add(streamS, s);
      add(baseS, b);
      System.out.printf(
          Locale.ROOT,
          "  round %d:%s%s%s%s%n",
          r + 1,
          line("tree", t),
          line("stream", s),
          line("baseline", b),
          t != null && s != null && b != null
              ? String.format(
                  Locale.ROOT,
                  " tree/stream %.1fx, stream/baseline %.2fx",
                  t.seconds / s.seconds,
                  s.seconds / b.seconds)
              : "");
    }
    if (!treeS.isEmpty() && !streamS.isEmpty() && !baseS.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "  median: tree %.3f s, stream %.3f s, baseline %.3f s | tree/stream %.1fx,"
              + " stream/baseline %.2fx%n",
          median(treeS),
          median(streamS),
          median(baseS),
          median(treeS) / median(streamS),
          median(streamS) / median(baseS));
      System.out.printf(
          Locale.ROOT,
          "  best: tree %.3f s, stream %.3f s, baseline %.3f s | tree/stream %.1fx,"
              + " stream/baseline %.2fx%n",
          Collections.min(treeS),
          Collections.min(streamS),
          Collections.min(baseS),
          Collections.min(treeS) / Collections.min(streamS),
          Collections.min(streamS) / Collections.min(baseS));
    }
  }

  private static void add(List<Double> seconds, Result r) {
    if (r != null) {
      seconds.add(r.seconds);
    }
  }

  private static double median(List<Double> seconds) {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String line(String name, Result r) {
    return r == null
        ? ""
        : String.format(
            Locale.ROOT,
            " %s %.3f s, %,d bytes, peak heap +%,d MB |",
            name,
            r.seconds,
            r.bytes,
            r.peakAbove >> 20);
  }

  private static Result time(Plan plan, Path file, Way way) throws IOException {
    long retained = HeapPeak.retained();
    try (HeapPeak peak = HeapPeak.start()) {
      long t0 = System.nanoTime();
      try (Writer w =
          new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
        way.write(plan, w);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      return new Result(s, Math.max(0, peak.peak() - retained), Files.size(file));
    }
  }

  /**
   * The plan's strings and numbers in a document of about the same size, written by the generator
   * alone: one array per step (its fields, the body's leaves, its ids), then one object per listed
   * customer.
   */
  private static void baseline(Plan plan, Writer out) {
    try (JsonGenerator g = PRETTY.createGenerator(out)) {
      g.writeStartObject().writeStartArray("steps");
      for (Step s : plan.steps()) {
        g.writeStartArray()
            .write(s.id())
            .write(s.kind().name())
            .write(s.method())
            .write(s.path())
            .write(s.notBefore().toString());
        leaves(g, s.body());
        s.customerIds().forEach(g::write);
        s.rules().forEach(g::write);
        g.writeEnd();
      }
      g.writeEnd().writeStartArray("suppressed");
      plan.suppressed()
          .forEach(
              x ->
                  g.writeStartObject()
                      .write("customerId", x.customerId())
                      .write("reason", x.reason())
                      .write("rule", x.rule())
                      .writeEnd());
      g.writeEnd().writeStartArray("undecided");
      plan.undecided().forEach(g::write);
      g.writeEnd().writeStartArray("overrides");
      plan.overrides()
          .forEach(
              o ->
                  g.writeStartObject()
                      .write("customerId", o.customerId())
                      .write("rule", o.rule())
                      .write("winner", o.winner())
                      .write("why", o.why())
                      .writeEnd());
      g.writeEnd().writeStartArray("warnings");
      plan.warnings()
          .forEach(
              w ->
                  g.writeStartObject()
                      .write("code", w.code())
                      .write("message", w.message())
                      .writeEnd());
      g.writeEnd().writeEnd();
    }
  }

  private static void leaves(JsonGenerator g, JsonValue v) {
    if (v instanceof JsonObject) {
      ((JsonObject) v).values().forEach(x -> leaves(g, x));
    } else if (v instanceof JsonArray) {
      ((JsonArray) v).forEach(x -> leaves(g, x));
    } else if (v instanceof JsonString) {
      g.write(((JsonString) v).getString());
    } else if (v instanceof JsonNumber) {
      g.write(((JsonNumber) v).longValue());
    }
  }
}
