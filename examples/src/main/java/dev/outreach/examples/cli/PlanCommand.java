package dev.outreach.examples.cli;

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

  @Override
  public Integer call() throws Exception {
    OffsetDateTime at = asOf != null ? asOf : OffsetDateTime.now();
    ZoneId z = zone != null ? zone : asOf != null ? asOf.getOffset() : ZoneId.systemDefault();
    RuleSet ruleSet = rules.load(spec.commandLine().getErr());
    Plan plan = new PlanInputs(ruleSet, PortfolioReader.read(customers), campaign, at, z, rules.experiments()).plan();
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
