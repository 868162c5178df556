package dev.outreach.cli;

import dev.outreach.core.experiment.Experiment;
import dev.outreach.rules.RuleCompileException;
import dev.outreach.rules.RuleProblem;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every command that evaluates rules shares: where the rules are, experiments, and how
 * much work the rules may do.
 */
final class RuleOptions {
  @Option(
      names = "--rules",
      required = true,
      paramLabel = "PATH",
      description =
          "A .drl file, a decision table (.xlsx, .xls, .drl.csv), a folder of them, or "
              + "classpath:NAME; repeat for more. All form one rule base.")
  List<String> locations;

  @Option(
      names = "--experiment",
      paramLabel = "NAME=ARM:W,ARM:W",
      converter = OptionValues.ExperimentSpec.class,
      description =
          "A champion/challenger experiment, e.g. tone=champion:80,challenger:20; each customer "
              + "is put in one arm (an Arm fact for the rules) by a stable hash of its loan id. Repeatable.")
  List<String> experimentSpecs = new ArrayList<>();

  @Mixin RuleBudgetOptions budget;

  /** Compiles the rules, printing any compiler warnings to {@code err}. */
  RuleSet load(PrintWriter err) throws IOException, RuleCompileException {
    return load(locations, err);
  }

  /**
   * Compiles the rules at {@code locations} (as {@code --rules} takes them) within the budget of
   * the options, printing warnings to {@code err}.
   */
  RuleSet load(List<String> locations, PrintWriter err) throws IOException, RuleCompileException {
    List<RuleSource> sources = new ArrayList<>();
    for (String location : locations) {
      if (location.startsWith("classpath:")) {
        sources.add(
            RuleSource.classpath(
                RuleOptions.class.getClassLoader(), location.substring("classpath:".length())));
      } else {
        sources.addAll(RuleSource.read(Path.of(location)));
      }
    }
    RuleSet rules = RuleSet.compile(sources).withBudget(budget.budget());
    for (RuleProblem w : rules.warnings()) {
      err.println("outreach: " + w);
    }
    return rules;
  }

  /** The experiments, parsed. */
  List<Experiment> experiments() {
    List<Experiment> out = new ArrayList<>();
    for (String spec : experimentSpecs) {
      out.add(Experiment.parse(spec));
    }
    return out;
  }
}
