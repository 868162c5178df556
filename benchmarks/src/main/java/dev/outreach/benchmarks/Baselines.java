package dev.outreach.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.examples.sample.Sample;
import dev.outreach.examples.sample.SampleRulesByHand;
import dev.outreach.rules.RuleSet;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scale benchmark compares Outreach against, each run in its own JVM as the jar is: {@code
 * csv FILE} reads the file with the CSV library alone (every field of every record touched); {@code
 * json FILE BYTES} writes a JSON document of about BYTES bytes (one array of loan-id-like strings)
 * with the JSON library alone; {@code rules FILE} reads the sample portfolio and then times the
 * sample rules written by hand in Java over it; {@code drools FILE} reads it, compiles the sample
 * rules and evaluates them once through Drools alone (no planning), as the first evaluation in a
 * fresh JVM always is: what the rules cost before the JIT has warmed up. Each prints {@code
 * seconds=S} for the measured part.
 */
public final class Baselines {
  private Baselines() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String what;
    switch (args[0]) {
      case "csv":
        what = csv(Path.of(args[1]));
        break;
      case "json":
        what = json(Path.of(args[1]), Long.parseLong(args[2]));
        break;
      case "rules":
        List<Customer> customers = PortfolioReader.read(Path.of(args[1]));
        t0 = System.nanoTime();
        AtomicLong n = new AtomicLong();
        new SampleRulesByHand()
            .decide(
                customers, new PlanningDay(Sample.AS_OF, Sample.ZONE), d -> n.incrementAndGet());
        what = n.get() + " decisions";
        break;
      case "drools":
        List<Customer> portfolio = PortfolioReader.read(Path.of(args[1]));
        long c0 = System.nanoTime();
        RuleSet rules = Sample.rules();
        double compile = (System.nanoTime() - c0) / 1e9;
        t0 = System.nanoTime();
        AtomicLong made = new AtomicLong();
        rules
            .decisions()
            .decide(
                portfolio, new PlanningDay(Sample.AS_OF, Sample.ZONE), d -> made.incrementAndGet());
        what = String.format(Locale.ROOT, "%d decisions compile=%.3f", made.get(), compile);
        break;
      default:
        throw new IllegalArgumentException("csv FILE | json FILE BYTES | rules FILE | drools FILE");
    }
    System.out.printf(Locale.ROOT, "%s seconds=%.3f%n", what, (System.nanoTime() - t0) / 1e9);
  }

  private static String csv(Path file) throws Exception {
    long records = 0;
    long chars = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      for (CsvRecord r : csv) {
        records++;
        for (int i = 0; i < r.getFieldCount(); i++) {
          chars += r.getField(i).length();
        }
      }
    }
    return records + " records, " + chars + " characters";
  }

  private static String json(Path file, long bytes) throws Exception {
    long written = 0;
    int i = 0;
    try (Writer w =
            new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        JsonGenerator g = Json.createGenerator(w)) {
      g.writeStartObject().writeStartArray("ids");
      while (written < bytes) {
        String id = "LN-" + (10_000_000 + i++);
        g.write(id);
        written += id.length() + 3;
      }
      g.writeEnd().writeEnd();
    }
    return Files.size(file) + " bytes";
  }
}
