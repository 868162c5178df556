package dev.outreach.cli;

import dev.outreach.rules.RuleSet;
import dev.outreach.rules.testkit.CaseFile;
import dev.outreach.rules.testkit.CaseFileException;
import dev.outreach.rules.testkit.CaseResult;
import dev.outreach.rules.testkit.RuleCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outreach test-rules}: runs a cases file against the rules; exit 0 when every case passes.
 */
@Command(
    name = "test-rules",
    mixinStandardHelpOptions = true,
    description =
        "Check the rules against a CSV of cases: customers with the outcome each should get.")
final class TestRulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RuleOptions rules;

  @Option(
      names = "--cases",
      required = true,
      paramLabel = "FILE",
      description =
          "The cases: CSV with columns case, as_of, the customer's columns, expect and expect_….")
  Path cases;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "The plans' time zone, e.g. Asia/Kolkata (default: the offset of each as_of, else UTC).")
  ZoneId zone;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OptionValues.distinct(rules.experiments(), spec.commandLine());
    List<RuleCase> read;
    try {
      read = CaseFile.read(cases, zone);
    } catch (CaseFileException e) {
      err.println("outreach: " + e.getMessage());
      err.flush();
      return Main.INPUT_ERROR;
    }
    RuleSet ruleSet = rules.load(err);
    int failed = 0;
    for (RuleCase c : read) {
      CaseResult r = c.run(ruleSet, rules.experiments());
      failed += r.passed() ? 0 : 1;
      out.println(r.report());
    }
    out.println((read.size() - failed) + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : Main.INPUT_ERROR;
  }
}
