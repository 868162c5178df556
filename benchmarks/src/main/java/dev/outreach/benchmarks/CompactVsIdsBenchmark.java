package dev.outreach.benchmarks;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Planning a messy portfolio ({@link MessyPortfolio}: 6 time zones, 19 custom columns, a policy
 * with per-channel hours, holidays, do-not-contact, caps and a contact history; 19 rules) with
 * compact filters and with plain {@code ids} lists, in the same run: the rules are evaluated once
 * per size and their decisions replayed, so the planner's own work is what is compared. Prints the
 * times, the compact/ids ratio, steps, body bytes and a digest of the bodies (equal digests:
 * byte-identical plans).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.CompactVsIdsBenchmark [sizes] [rounds]
 * </pre>
 *
 * where sizes is comma-separated, default {@code 10000,50000}.
 */
public final class CompactVsIdsBenchmark {
  private static final String CAMPAIGN = "CAMP-MESSY";
  private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
  private static final List<String> RULES =
      List.of("00-classification.drl", "10-suppression.drl", "20-calls.drl", "30-messages.drl");

  private CompactVsIdsBenchmark() {}

  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "10000,50000";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<RuleSource> sources = new ArrayList<>();
    for (String name : RULES) {
      sources.add(
          RuleSource.classpath(
              CompactVsIdsBenchmark.class.getClassLoader(), "outreach/messy/rules/" + name));
    }
    DecisionSource rules = RuleSet.compile(sources).decisions();
    for (String s : sizes.split(",")) {
      run(Integer.parseInt(s.strip()), rounds, rules);
    }
  }

  private static void run(int size, int rounds, DecisionSource rules) throws Exception {
    Path dir = Files.createTempDirectory("messy-");
    MessyPortfolio.write(dir, size, 42L);
    List<Customer> customers = PortfolioReader.read(dir.resolve("portfolio.csv"));
    Guardrails guardrails =
        new Guardrails(
            GuardrailPolicy.read(dir.resolve("policy.json")),
            ContactHistory.read(dir.resolve("history.csv")));
    List<Ruling> decided = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    rules.decide(customers, new PlanningDay(MessyPortfolio.AS_OF, ZONE), decided::add);
    double rulesSeconds = (System.nanoTime() - t0) / 1e9;
    DecisionSource replay = (cs, day, sink) -> decided.forEach(sink);
    System.out.printf(
        Locale.ROOT,
        "%,d customers, %,d decisions (rules took %.2f s)%n",
        size,
        decided.size(),
        rulesSeconds);
    for (int r = 0; r < rounds; r++) {
      Result ids = plan(customers, replay, guardrails, FilterCompiler.Mode.IDS);
      Result compact = plan(customers, replay, guardrails, FilterCompiler.Mode.COMPACT);
      System.out.printf(
          Locale.ROOT,
          "  round %d: ids %.2f s, %d steps, %,d body bytes | compact %.2f s, %d steps,"
              + " %,d body bytes, digest %s | compact/ids time %.2fx, bytes %.2fx%n",
          r + 1,
          ids.seconds,
          ids.steps,
          ids.bytes,
          compact.seconds,
          compact.steps,
          compact.bytes,
          compact.digest,
          compact.seconds / ids.seconds,
          (double) compact.bytes / ids.bytes);
    }
  }

  record Result(double seconds, int steps, long bytes, String digest) {}

  static Result plan(
      List<Customer> customers,
      DecisionSource source,
      Guardrails guardrails,
      FilterCompiler.Mode mode)
      throws Exception {
    Planner planner =
        Planner.builder(CAMPAIGN).zone(ZONE).filters(mode).guardrails(guardrails).build();
    long t0 = System.nanoTime();
    Plan plan = planner.plan(customers, source, MessyPortfolio.AS_OF);
    double s = (System.nanoTime() - t0) / 1e9;
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long bytes = 0;
    for (Step step : plan.steps()) {
      byte[] body = step.bodyBytes();
      bytes += body.length;
      sha.update(body);
      sha.update(step.customerIds().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new Result(
        s, plan.steps().size(), bytes, HexFormat.of().formatHex(sha.digest()).substring(0, 12));
  }
}
