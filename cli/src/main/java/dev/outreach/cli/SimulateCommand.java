package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outreach simulate}: a strategy (or two) over simulated days against the sandbox. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run the daily cycle for --days simulated days against an in-process sandbox, customers"
          + " answering, promising and paying as the seeded --response model draws, their outcomes"
          + " coming back as history; with --base-rules, the base (champion) and --rules"
          + " (challenger) side by side. Writes an HTML report. Nothing leaves this machine."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RuleOptions rules;

  @Mixin PlanOptions inputs;

  @Option(
      names = "--base-rules",
      paramLabel = "PATH",
      description = "The champion's rules, run beside --rules (the challenger); repeatable.")
  List<String> baseRules = new ArrayList<>();

  @Option(
      names = "--days",
      defaultValue = "30",
      paramLabel = "N",
      description = "Simulated days, 1-366 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--response",
      required = true,
      paramLabel = "MODEL.json",
      description =
          "The response model: {\"seed\": 7, \"channels\": {\"CALL\": {\"answer\": 0.4, \"promise\":"
              + " 0.3, \"keep\": 0.6, \"pay\": 0.05, \"payWithinDays\": 3, \"cost\": 2.5}, …}}.")
  Path response;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.html",
      description = "Where to write the report.")
  Path out;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "Keep each strategy's store (runs, plans, journals, feeds) here (default: none kept).")
  Path store;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (days < 1 || days > 366) {
      throw new ParameterException(spec.commandLine(), "--days: " + days + " is not from 1 to 366");
    }
    if (inputs.history != null || inputs.upload) {
      throw new ParameterException(
          spec.commandLine(), "--history and --upload are not options of simulate");
    }
    ResponseModel model;
    try {
      model = ResponseModel.read(response);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "--response: " + response + " not found");
    }
    RuleSet challenger = rules.load(err);
    Map<String, RuleSet> strategies = new LinkedHashMap<>();
    if (!baseRules.isEmpty()) {
      strategies.put("base (champion)", rules.load(baseRules, err));
      strategies.put("changed (challenger)", challenger);
    } else {
      strategies.put("strategy", challenger);
    }
    List<Customer> portfolio = inputs.read(Progress.QUIET);
    GuardrailPolicy policy = PlanOptions.policy(inputs.policy);
    OffsetDateTime start = inputs.asOf != null ? inputs.asOf : OffsetDateTime.now(inputs.zone());
    Path root = store != null ? store : Files.createTempDirectory("outreach-simulate-");
    Map<String, List<Simulation.Day>> results = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<String, RuleSet> e : strategies.entrySet()) {
      Simulation s =
          new Simulation(
              inputs.campaign,
              e.getValue(),
              policy,
              OptionValues.distinct(rules.experiments(), spec.commandLine()),
              inputs.zone(),
              model);
      results.put(e.getKey(), s.run(portfolio, start, days, root.resolve("strategy-" + ++n)));
    }
    if (store == null) {
      deleteTree(root);
    }
    Files.writeString(
        out,
        SimulationReport.html(
            "Outreach simulation of "
                + inputs.campaign
                + ", "
                + days
                + " days from "
                + start.toLocalDate(),
            results,
            model,
            policy),
        StandardCharsets.UTF_8);
    results.forEach(
        (name, d) -> {
          SimulationReport.Totals t = SimulationReport.Totals.of(d, model);
          stdout.printf(
              Locale.ROOT,
              "%s: %,d customers paid (%s collected), %,d promises (%,d kept, %,d broken), contacts"
                  + " %s, cost %s%n",
              name,
              t.paid(),
              SimulationReport.money(t.collected()),
              t.promises(),
              t.kept(),
              t.broken(),
              t.contacts(),
              SimulationReport.money(t.totalCost()));
        });
    err.println("outreach: wrote " + out);
    return 0;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
