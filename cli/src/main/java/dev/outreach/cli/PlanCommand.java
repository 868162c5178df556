package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.report.TextReport;
import dev.outreach.report.html.HtmlReport;
import dev.outreach.rules.RuleSet;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code outreach plan}: rules + portfolio → a plan, as a report (text or HTML) or as JSON. Sends
 * nothing.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate the rules over a portfolio and print the plan (a dry run: nothing is sent).")
final class PlanCommand implements Callable<Integer> {
  enum Format {
    TEXT,
    JSON,
    HTML
  }

  @Spec CommandSpec spec;

  /** Where the portfolio is read and the rules evaluated; {@code null} for this process. */
  private final PlanEngine engine;

  PlanCommand() {
    this(null);
  }

  PlanCommand(PlanEngine engine) {
    this.engine = engine;
  }

  @Mixin RuleOptions rules;

  @Mixin PlanOptions inputs;

  @Mixin Progress.Option progressOption;

  @Mixin MoneyOptions money;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json|html",
      description =
          "text: the dry-run report; json: the plan; html: the report as one self-contained page with "
              + "charts and a customer search (use with --out) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(
      names = "--chart-by",
      paramLabel = "ATTRIBUTE",
      description =
          "html: chart contacts by this attribute's most frequent values (language, payment_status or a "
              + "custom column such as branch); repeatable (default: language, and branch when the portfolio has it).")
  List<String> chartBy = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = progressOption.to(err);
    if (engine != null) {
      return callOnEngine(err, progress);
    }
    // The rules compile on another core while the portfolio is read; a bad portfolio is still
    // reported
    // first, and compiler warnings are printed after the reading's progress, not within it.
    StringWriter warnings = new StringWriter();
    Background<RuleSet> compiling =
        Background.start("outreach-compile", () -> rules.load(new PrintWriter(warnings, true)));
    List<Customer> portfolio;
    try {
      portfolio = inputs.read(progress);
      checkChartBy(portfolio);
    } catch (Exception | Error e) {
      compiling.cancel();
      throw e;
    }
    RuleSet ruleSet;
    try {
      ruleSet =
          progress.step(
              "compiling rules",
              compiling::get,
              r ->
                  String.format(
                      Locale.ROOT,
                      "%d rules, compiled in %.1f s while reading",
                      r.ruleNames().size(),
                      compiling.seconds()));
    } finally {
      err.print(warnings);
      err.flush();
    }
    PlanInputs in = inputs.inputs(ruleSet, portfolio, rules, inputs.policy);
    FiredRuleLog fired = format == Format.HTML ? new FiredRuleLog() : null;
    DecisionSource source =
        fired == null
            ? in.rules().decisions(in.experiments())
            : in.rules().decisions(in.experiments(), fired);
    Plan plan =
        progress.step(
            "planning",
            () -> in.plan(progress.evaluating(source)),
            p ->
                String.format(
                    Locale.ROOT,
                    "%,d requests for %,d customers",
                    p.summary().steps(),
                    p.summary().contacted()));
    if (out == null) {
      write(spec.commandLine().getOut(), plan, portfolio, fired);
      spec.commandLine().getOut().flush();
      return 0;
    }
    progress.step(
        "writing " + out.getFileName(),
        () -> {
          try (Writer w =
              new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            write(w, plan, portfolio, fired);
          }
          return Files.size(out);
        },
        size -> String.format(Locale.ROOT, "%,d bytes", size));
    err.printf(
        Locale.ROOT,
        "outreach: wrote %s (%,d requests for %,d customers)%n",
        out,
        plan.summary().steps(),
        plan.summary().contacted());
    return 0;
  }

  /**
   * The same command on {@link #engine}: the rules compile here first, so that errors in them are
   * reported before any work is sent; then the engine reads the portfolio and evaluates the rules,
   * and the plan is made and written here as always.
   */
  private int callOnEngine(PrintWriter err, Progress progress) throws Exception {
    StringWriter warnings = new StringWriter();
    RuleSet ruleSet;
    try {
      ruleSet =
          progress.step(
              "compiling rules",
              () -> rules.load(new PrintWriter(warnings, true)),
              r -> String.format(Locale.ROOT, "%d rules", r.ruleNames().size()));
    } finally {
      err.print(warnings);
      err.flush();
    }
    // The policy and history are read once, before the engine: its rules need the history.
    PlanInputs probe = inputs.inputs(ruleSet, List.of(), rules, inputs.policy);
    if (format != Format.HTML) {
      // Each customer is planned where the engine keeps them: the plan alone needs no customer
      // here, and the text report's money adds up the customers sent back.
      PlanEngine.Reported made =
          progress.step(
              "reading " + inputs.customers.getFileName() + " and planning each customer",
              () -> planOnEngine(probe),
              r ->
                  r == null
                      ? "not on this engine"
                      : String.format(
                          Locale.ROOT,
                          "%,d requests for %,d customers",
                          r.plan().summary().steps(),
                          r.plan().summary().contacted()));
      if (made != null) {
        if (format == Format.TEXT) { // the plan alone charts nothing
          checkChartBy(made.portfolio());
        }
        return written(err, made.plan(), made.portfolio(), null);
      }
    }
    PlanEngine.Evaluated evaluated =
        progress.step(
            "reading " + inputs.customers.getFileName() + " and evaluating the rules",
            () ->
                engine.evaluate(
                    inputs.customers,
                    probe.rules(), // with the history, as Attempt facts
                    probe.experiments(),
                    new dev.outreach.core.decision.PlanningDay(inputs.at(), inputs.zone()),
                    format == Format.HTML),
            e -> String.format(Locale.ROOT, "%,d customers", e.portfolio().size()));
    List<Customer> portfolio = evaluated.portfolio();
    checkChartBy(portfolio);
    PlanInputs in = probe.withCustomers(portfolio);
    Plan plan = progress.step("planning", () -> in.plan(evaluated.decisions()), p -> "done");
    java.util.function.Function<String, List<String>> fired =
        format == Format.HTML ? evaluated.firedRules()::get : null;
    return written(err, plan, portfolio, fired);
  }

  /**
   * The plan made on {@link #engine}, with the customers for the text report; null when the engine
   * does not plan.
   */
  private PlanEngine.Reported planOnEngine(PlanInputs probe) throws Exception {
    if (format == Format.TEXT) {
      return engine.planForReport(
          inputs.customers, probe.rules(), probe.experiments(), probe.planner(), inputs.at());
    }
    Plan plan =
        engine.plan(
            inputs.customers, probe.rules(), probe.experiments(), probe.planner(), inputs.at());
    return plan == null ? null : new PlanEngine.Reported(plan, List.of());
  }

  /** Writes {@code plan} (and its report) to {@link #out}, or to standard output. */
  private int written(
      PrintWriter err,
      Plan plan,
      List<Customer> portfolio,
      java.util.function.Function<String, List<String>> fired)
      throws Exception {
    if (out == null) {
      write(spec.commandLine().getOut(), plan, portfolio, fired);
      spec.commandLine().getOut().flush();
      return 0;
    }
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      write(w, plan, portfolio, fired);
    }
    err.printf(
        Locale.ROOT,
        "outreach: wrote %s (%,d requests for %,d customers)%n",
        out,
        plan.summary().steps(),
        plan.summary().contacted());
    return 0;
  }

  /** Refuses a {@code --chart-by} attribute the portfolio lacks, listing those it has. */
  private void checkChartBy(List<Customer> portfolio) {
    if (chartBy.isEmpty()) {
      return;
    }
    Set<String> known = new TreeSet<>();
    portfolio.forEach(c -> known.addAll(c.custom().keySet()));
    List<String> valid = new ArrayList<>(List.of("language", "payment_status"));
    valid.addAll(known);
    for (String a : chartBy) {
      if (!valid.contains(a)) {
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for option '--chart-by': '"
                + a
                + "' is not an attribute of "
                + inputs.customers.getFileName()
                + "; chart by one of: "
                + String.join(", ", valid));
      }
    }
  }

  /** The attributes to break the undecided down by: --chart-by, else branch when present. */
  private List<String> attributes(List<Customer> portfolio) {
    if (!chartBy.isEmpty()) {
      return chartBy;
    }
    return portfolio.stream().anyMatch(c -> c.attribute("branch") != null)
        ? List.of("branch")
        : List.of();
  }

  private void write(
      Writer w,
      Plan plan,
      List<Customer> portfolio,
      java.util.function.Function<String, List<String>> fired)
      throws Exception {
    switch (format) {
      case JSON:
        PlanJson.write(plan, w);
        break;
      case HTML:
        HtmlReport.Builder b =
            HtmlReport.builder(plan)
                .customers(portfolio)
                .firedRules(fired)
                .money(money.format(plan.zone(), portfolio), money.buckets());
        if (!chartBy.isEmpty()) {
          b.chartBy(chartBy);
        }
        b.build().write(w);
        break;
      default:
        w.write(
            TextReport.render(
                plan,
                money.summary(
                    dev.outreach.report.PlanIndex.of(plan), portfolio, attributes(portfolio))));
    }
  }
}
