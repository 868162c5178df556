package dev.outreach.examples.cli;

import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.core.report.TextReport;
import dev.outreach.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code outreach plan}: rules + portfolio → a plan, as a report or as JSON. Sends nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Evaluate the rules over a portfolio and print the plan (a dry run: nothing is sent).")
final class PlanCommand implements Callable<Integer> {
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;

  @Mixin RuleOptions rules;

  @Option(names = "--customers", required = true, paramLabel = "FILE",
      description = "The portfolio: CSV with a header row, or JSON Lines (.jsonl).")
  Path customers;

  @Option(names = "--campaign", required = true, paramLabel = "ID", description = "The API campaign holding the customers.")
  String campaign;

  @Option(names = "--as-of", paramLabel = "TIME",
      description = "What 'now' means, e.g. 2025-08-05T09:00:00+05:30 (default: the current time). Fixes Today.")
  OffsetDateTime asOf;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "The plan's time zone, e.g. Asia/Kolkata (default: the offset of --as-of, else this machine's zone).")
  ZoneId zone;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text: the dry-run report; json: the plan (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(names = "--policy", defaultValue = "rbi", paramLabel = "rbi|us-reg-f|none|FILE",
      description = "Guardrails applied after the rules: a preset (rbi: contact 08:00-19:00 local; us-reg-f: "
          + "08:00-21:00, 7 calls in 7 days, no call within 7 days of a conversation; none) or a policy JSON "
          + "file (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(names = "--history", paramLabel = "FILE",
      description = "Past contacts for the frequency caps: CSV with loan_id, channel, timestamp, outcome.")
  Path history;

  @Option(names = "--filters", defaultValue = "compact", paramLabel = "compact|ids",
      description = "compact: the smallest of ids or attribute filters, exact over --customers; ids: only id "
          + "lists, for a campaign that may hold customers the file lacks (default: ${DEFAULT-VALUE}).")
  FilterCompiler.Mode filters;

  @Option(names = "--upload", description = "Upload every customer to the campaign first (bulk add, 10,000 "
      + "records a request), for a campaign that does not hold them yet. Uploads never ring a phone.")
  boolean upload;

  /** A preset's policy, or the policy file at {@code spec}. */
  static GuardrailPolicy policy(String spec) throws Exception {
    switch (spec) {
      case "rbi": return GuardrailPolicy.defaults();
      case "us-reg-f": return GuardrailPolicy.usRegF();
      case "none": return GuardrailPolicy.none();
      default: return GuardrailPolicy.read(Path.of(spec));
    }
  }

  @Override
  public Integer call() throws Exception {
    OffsetDateTime at = asOf != null ? asOf : OffsetDateTime.now();
    ZoneId z = zone != null ? zone : asOf != null ? asOf.getOffset() : ZoneId.systemDefault();
    RuleSet ruleSet = rules.load(spec.commandLine().getErr());
    Guardrails guardrails = new Guardrails(policy(policy),
        history == null ? ContactHistory.empty() : ContactHistory.read(history));
    Plan plan = new PlanInputs(ruleSet, PortfolioReader.read(customers), campaign, at, z, rules.experiments(),
        guardrails, filters, upload).plan();
    String text = format == Format.JSON ? PlanJson.write(plan) : TextReport.render(plan);
    if (out != null) {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      spec.commandLine().getErr().printf("outreach: wrote %s (%,d requests for %,d customers)%n", out,
          plan.summary().steps(), plan.summary().contacted());
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
