package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.explain.ExplainJson;
import dev.outreach.report.explain.ExplainText;
import dev.outreach.report.explain.Explanation;
import dev.outreach.rules.CustomerTrace;
import dev.outreach.rules.RuleSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outreach explain --customer LOAN-ID}: plans the portfolio exactly as {@code plan} does,
 * then tells for one customer which rules fired, what each decision became and which request
 * reaches them.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain the plan for one customer: the rules that fired, each decision and what became of it "
            + "(planned, overridden, dropped, suppressed) and the request that reaches them. Takes the same inputs as plan.")
final class ExplainCommand implements Callable<Integer> {
  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin RuleOptions rules;

  @Mixin PlanOptions inputs;

  @Mixin Progress.Option progressOption;

  @Mixin MoneyOptions money;

  @Option(
      names = "--customer",
      required = true,
      paramLabel = "LOAN-ID",
      description = "The loan id to explain.")
  String customerId;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = progressOption.to(err);
    List<Customer> portfolio = inputs.read(progress);
    Customer customer =
        portfolio.stream()
            .filter(c -> c.loanId().equals(customerId))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        String.format(
                            Locale.ROOT,
                            "loan id %s is not in %s (%,d customers)",
                            customerId,
                            inputs.customers,
                            portfolio.size())));
    RuleSet ruleSet =
        progress.step(
            "compiling rules", () -> rules.load(err), r -> r.ruleNames().size() + " rules");
    PlanInputs in = inputs.inputs(ruleSet, portfolio, rules, inputs.policy);
    Plan plan =
        progress.step(
            "planning",
            () -> in.plan(progress.evaluating(in.rules().decisions(in.experiments()))),
            p ->
                String.format(
                    Locale.ROOT,
                    "%,d requests for %,d customers",
                    p.summary().steps(),
                    p.summary().contacted()));
    // The rules reason about one customer at a time, so this customer alone decides as in the plan.
    CustomerTrace trace =
        in.rules()
            .trace(List.of(customer), new PlanningDay(plan.asOf(), plan.zone()), in.experiments())
            .get(0);
    Explanation e =
        Explanation.of(
            PlanIndex.of(plan),
            customer,
            CustomerZones.zoneOf(customer, plan.zone()),
            trace.firedRules(),
            trace.decisions());
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format == Format.JSON
            ? ExplainJson.write(e, money.format(plan.zone(), portfolio), money.buckets())
            : ExplainText.render(e, money.format(plan.zone(), portfolio), money.buckets()));
    out.flush();
    return 0;
  }
}
