package dev.outreach.examples.embed;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.examples.sample.Sample;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import dev.outreach.report.TextReport;
import dev.outreach.report.html.HtmlReport;
import dev.outreach.rules.RuleSet;
import dev.outreach.sandbox.SandboxServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Outreach embedded in a Java program, as a lending backend would: plan, report and execute, the
 * same steps as {@code outreach plan} and {@code outreach execute}, against a sandbox of the API so
 * it runs anywhere. Run it with {@code java -cp examples/target/outreach-examples-*.jar:… } or from
 * the IDE; its one argument is the folder to write the plan, the reports and the journal to.
 */
public final class Embedding {
  private Embedding() {}

  /** Plans the shipped sample, writes the reports, and executes the plan against a sandbox. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "outreach-embedding");
    ExecutionReport report = run(out, System.out);
    System.exit(report.allDone() ? 0 : 1);
  }

  /** The whole path, writing into {@code out} and telling {@code log}. */
  public static ExecutionReport run(Path out, PrintStream log) throws Exception {
    Files.createDirectories(out);

    // 1. Inputs. From files you would write RuleSet.load(List.of(Path.of("rules/"))) and
    //    PortfolioReader.read(Path.of("portfolio.csv")); the sample ships in this jar.
    RuleSet rules = Sample.rules();
    List<Customer> customers = Sample.portfolio();

    // 2. Plan. `--as-of` is the moment passed to plan(...): OffsetDateTime.now() in production, a
    //    fixed moment to replay a day. `--policy rbi` (the default) is GuardrailPolicy.defaults():
    //    the RBI calling hours, 08:00-19:00 in the customer's zone; GuardrailPolicy.usRegF() and
    //    GuardrailPolicy.read(path) are the others. `--history` is ContactHistory.read(path).
    OffsetDateTime asOf = Sample.AS_OF;
    Plan plan =
        Planner.builder(Sample.CAMPAIGN)
            .zone(ZoneId.of("Asia/Kolkata")) // customers without a zone of their own
            .guardrails(new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty()))
            .filters(FilterCompiler.Mode.COMPACT) // `--filters compact`, the default
            .build()
            .plan(customers, rules.decisions(), asOf);
    Path planFile = out.resolve("plan.json");
    try (var w = Files.newBufferedWriter(planFile, StandardCharsets.UTF_8)) {
      PlanJson.write(plan, w);
    }

    // 3. Report: the dry run a collections manager reads before approving.
    write(out.resolve("report.txt"), TextReport.render(plan));
    write(
        out.resolve("report.html"), HtmlReport.builder(plan).customers(customers).build().render());
    log.println(
        "Planned "
            + plan.steps().size()
            + " requests for "
            + customers.size()
            + " customers: "
            + planFile);

    // 4. Execute. Production: OutreachClient.builder(URI.create("https://api.agents.timepay.ai"))
    //    .token(System.getenv("OUTREACH_TOKEN")). Here, a sandbox on loopback that rings nobody.
    String token = "embedding-example-token";
    try (SandboxServer sandbox = SandboxServer.start(token, Map.of(Sample.CAMPAIGN, customers));
        Journal journal =
            PlanExecutor.openJournal(out.resolve("journal.jsonl"), plan, sandbox.uri())) {
      OutreachClient client = OutreachClient.builder(sandbox.uri()).token(token).build();
      ExecutionReport report =
          PlanExecutor.builder(client)
              // `--now`: send at once instead of waiting for each step's notBefore (only ever
              // against a sandbox); the clock says "it is the plan's moment", so no notAfter
              // has passed when this example runs on another day.
              .respectSchedule(false)
              .clock(Clock.fixed(asOf.toInstant(), asOf.getOffset()))
              .build()
              .execute(plan, journal);
      log.println(
          "Executed: "
              + report.count("done")
              + " of "
              + report.steps().size()
              + " steps done; the sandbox initiated "
              + sandbox.initiations().size()
              + " contacts");
      return report;
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
