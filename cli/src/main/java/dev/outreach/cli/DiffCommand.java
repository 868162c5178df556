package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.diff.DiffJson;
import dev.outreach.report.diff.DiffMoney;
import dev.outreach.report.diff.DiffText;
import dev.outreach.report.diff.PlanDiff;
import dev.outreach.report.html.HtmlDiff;
import dev.outreach.rules.RuleSet;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code outreach diff}: plans one portfolio twice, under the base rules (or policy) and under
 * {@code --rules} (or {@code --policy}), and tells whose outcome changes and how: the review of a
 * rules change before it is deployed.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Plan the same portfolio under the base rules or policy (--base-rules, --base-policy) and under "
            + "--rules/--policy, and show who is newly contacted, no longer contacted, on another channel, at another "
            + "time or with another agent or template. Sends nothing.")
final class DiffCommand implements Callable<Integer> {
  enum Format {
    TEXT,
    JSON,
    HTML
  }

  @Spec CommandSpec spec;

  @Mixin RuleOptions rules;

  @Mixin PlanOptions inputs;

  @Mixin Progress.Option progressOption;

  @Mixin MoneyOptions money;

  @Option(
      names = "--base-rules",
      paramLabel = "PATH",
      description =
          "The rules to compare against, e.g. those in production (default: the same as --rules); "
              + "repeatable, like --rules.")
  List<String> baseRules = new ArrayList<>();

  @Option(
      names = "--base-policy",
      paramLabel = "rbi|us-reg-f|us|us-fl|us-wa|us-ma|none|FILE",
      converter = OptionValues.Policy.class,
      description = "The guardrail policy to compare against (default: the same as --policy).")
  String basePolicy;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json|html",
      description =
          "text, json (every changed customer) or html (a page; use with --out) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(
      names = "--rows",
      defaultValue = "20",
      paramLabel = "N",
      description =
          "text and html: customers listed per kind of change (default: ${DEFAULT-VALUE}).")
  int rows;

  @Override
  public Integer call() throws Exception {
    if (baseRules.isEmpty() && basePolicy == null) {
      throw new ParameterException(
          spec.commandLine(),
          "nothing to compare: give --base-rules (the rules to compare --rules with) or --base-policy");
    }
    if (rows < 1) {
      throw new ParameterException(spec.commandLine(), "--rows must be at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = progressOption.to(err);
    List<Customer> portfolio = inputs.read(progress);
    List<String> baseLocations = baseRules.isEmpty() ? rules.locations : baseRules;
    String basePolicySpec = basePolicy == null ? inputs.policy : basePolicy;
    RuleSet changedRules =
        progress.step(
            "compiling rules", () -> rules.load(err), r -> r.ruleNames().size() + " rules");
    RuleSet base =
        baseRules.isEmpty()
            ? changedRules
            : progress.step(
                "compiling base rules",
                () -> rules.load(baseLocations, err),
                r -> r.ruleNames().size() + " rules");
    PlanInputs a = inputs.inputs(base, portfolio, rules, basePolicySpec);
    PlanInputs b = inputs.inputs(changedRules, portfolio, rules, inputs.policy);
    Plan before =
        progress.step(
            "planning with the base",
            () -> a.plan(progress.evaluating(a.rules().decisions(a.experiments()))),
            p ->
                String.format(
                    Locale.ROOT,
                    "%,d requests for %,d customers",
                    p.summary().steps(),
                    p.summary().contacted()));
    Plan after =
        progress.step(
            "planning with the change",
            () -> b.plan(progress.evaluating(b.rules().decisions(b.experiments()))),
            p ->
                String.format(
                    Locale.ROOT,
                    "%,d requests for %,d customers",
                    p.summary().steps(),
                    p.summary().contacted()));
    PlanDiff diff =
        PlanDiff.of(
            before,
            after,
            label(baseLocations, basePolicySpec),
            label(rules.locations, inputs.policy));
    DiffMoney m =
        DiffMoney.of(
            diff,
            portfolio,
            money.format(after.zone(), portfolio),
            money.buckets(),
            attributes(portfolio));
    if (out == null) {
      write(spec.commandLine().getOut(), diff, m);
      spec.commandLine().getOut().flush();
    } else {
      try (Writer w =
          new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
        write(w, diff, m);
      }
      err.printf(
          Locale.ROOT,
          "outreach: wrote %s (%,d customers whose outcome changes)%n",
          out,
          diff.changes().size());
    }
    return 0;
  }

  private static List<String> attributes(List<Customer> portfolio) {
    return portfolio.stream().anyMatch(c -> c.attribute("branch") != null)
        ? List.of("branch")
        : List.of();
  }

  private void write(Writer w, PlanDiff diff, DiffMoney m) throws Exception {
    switch (format) {
      case JSON:
        w.write(DiffJson.write(diff, m));
        break;
      case HTML:
        HtmlDiff.write(diff, rows, w, m);
        break;
      default:
        w.write(DiffText.render(diff, rows, m));
    }
  }

  private static String label(List<String> locations, String policy) {
    return "rules " + String.join(", ", locations) + "; policy " + policy;
  }
}
