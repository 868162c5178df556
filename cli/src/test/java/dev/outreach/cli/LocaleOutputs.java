package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.TextReport;
import dev.outreach.report.diff.DiffJson;
import dev.outreach.report.diff.DiffText;
import dev.outreach.report.diff.PlanDiff;
import dev.outreach.report.explain.ExplainJson;
import dev.outreach.report.explain.ExplainText;
import dev.outreach.report.explain.Explanation;
import dev.outreach.report.html.HtmlDiff;
import dev.outreach.report.html.HtmlReport;
import dev.outreach.rules.CustomerTrace;
import dev.outreach.rules.RuleSet;
import dev.outreach.sandbox.SandboxServer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link LocaleIndependenceTest} under some default locale and time zone:
 * writes, for the sample, what {@code plan} (JSON, text, HTML), {@code explain} (text, JSON) and
 * {@code diff} (text, JSON, HTML) write, made as those commands make them but with each rule set
 * compiled once (to keep the test fast), and the journal of executing the plan against an
 * in-process sandbox with a clock fixed at the plan's {@code asOf} (so the journal's times are the
 * same in every run), into the directory {@code args[0]}.
 */
final class LocaleOutputs {
  static final String CAMPAIGN = "C1";
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
  static final String CHANGED_RULES = "src/test/resources/outreach/rules-change";
  static final String LOAN = "LOAN-2025-00017";
  static final String TOKEN = "locale-T0ken";

  private LocaleOutputs() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<Customer> portfolio = PortfolioReader.read(CliTest.PORTFOLIO);
    RuleSet rules = RuleSet.load(List.of(CliTest.RULES));
    RuleSet changed = RuleSet.load(List.of(Path.of(CHANGED_RULES)));

    FiredRuleLog fired = new FiredRuleLog();
    Plan plan =
        inputs(rules, portfolio, GuardrailPolicy.defaults())
            .plan(rules.decisions(List.of(), fired));
    write(dir, "plan.json", w -> w.write(PlanJson.write(plan)));
    write(
        dir,
        "plan.txt",
        w ->
            w.write(
                TextReport.render(
                    plan,
                    dev.outreach.report.MoneySummary.of(
                        PlanIndex.of(plan),
                        portfolio,
                        dev.outreach.report.money.MoneyFormat.inr(),
                        dev.outreach.report.money.Buckets.DEFAULT,
                        List.of("branch")))));
    write(
        dir,
        "plan-usd.txt",
        w ->
            w.write(
                TextReport.render(
                    plan,
                    dev.outreach.report.MoneySummary.of(
                        PlanIndex.of(plan),
                        portfolio,
                        dev.outreach.report.money.MoneyFormat.of("USD"),
                        dev.outreach.report.money.Buckets.parse("0,7,30"),
                        List.of()))));
    write(
        dir,
        "plan.html",
        w ->
            HtmlReport.builder(plan)
                .customers(portfolio)
                .firedRules(fired)
                .chartBy(List.of("language", "payment_status"))
                .build()
                .write(w));

    Customer customer =
        portfolio.stream().filter(c -> c.loanId().equals(LOAN)).findFirst().orElseThrow();
    CustomerTrace trace =
        rules.trace(List.of(customer), new PlanningDay(plan.asOf(), plan.zone()), List.of()).get(0);
    Explanation e =
        Explanation.of(
            PlanIndex.of(plan),
            customer,
            CustomerZones.zoneOf(customer, plan.zone()),
            trace.firedRules(),
            trace.decisions());
    write(dir, "explain.txt", w -> w.write(ExplainText.render(e)));
    write(dir, "explain.json", w -> w.write(ExplainJson.write(e)));

    Plan after = inputs(changed, portfolio, GuardrailPolicy.usRegF()).plan();
    PlanDiff diff =
        PlanDiff.of(plan, after, "rules sample; policy rbi", "rules change; policy us-reg-f");
    dev.outreach.report.diff.DiffMoney money =
        dev.outreach.report.diff.DiffMoney.of(
            diff,
            portfolio,
            dev.outreach.report.money.MoneyFormat.inr(),
            dev.outreach.report.money.Buckets.DEFAULT,
            List.of("branch"));
    write(dir, "diff.txt", w -> w.write(DiffText.render(diff, 20, money)));
    write(dir, "diff.json", w -> w.write(DiffJson.write(diff, money)));
    write(dir, "diff.html", w -> HtmlDiff.write(diff, 20, w, money));

    try (SandboxServer sandbox = SandboxServer.start(TOKEN, Map.of(CAMPAIGN, portfolio));
        Journal journal = PlanExecutor.openJournal(dir.resolve("plan.journal"), plan)) {
      PlanExecutor.builder(OutreachClient.builder(sandbox.uri()).token(TOKEN).build())
          .maxInFlight(1)
          .respectSchedule(false)
          .clock(Clock.fixed(plan.asOf().toInstant(), ZoneOffset.UTC))
          .build()
          .execute(plan, journal);
    }
  }

  static PlanInputs inputs(RuleSet rules, List<Customer> portfolio, GuardrailPolicy policy) {
    return new PlanInputs(
        rules,
        portfolio,
        CAMPAIGN,
        AS_OF,
        ZONE,
        List.of(),
        new Guardrails(policy, ContactHistory.empty()),
        FilterCompiler.Mode.COMPACT,
        false);
  }

  interface Output {
    void to(Writer w) throws Exception;
  }

  static void write(Path dir, String name, Output output) throws Exception {
    try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
      output.to(w);
    }
  }
}
