package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.rules.RuleSet;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What a plan is made from besides the rules: the options {@code plan}, {@code explain} and {@code
 * diff} share.
 */
final class PlanOptions {
  /** The command this is mixed into, for usage errors. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--customers",
      required = true,
      paramLabel = "FILE",
      description = "The portfolio: CSV with a header row, or JSON Lines (.jsonl).")
  Path customers;

  @Option(
      names = "--campaign",
      required = true,
      paramLabel = "ID",
      converter = OptionValues.Campaign.class,
      description = "The API campaign holding the customers.")
  String campaign;

  @Option(
      names = "--as-of",
      paramLabel = "TIME",
      description =
          "What 'now' means, e.g. 2025-08-05T09:00:00+05:30 (default: the current time). Fixes Today.")
  OffsetDateTime asOf;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "The plan's time zone, e.g. Asia/Kolkata (default: the offset of --as-of, else this machine's zone).")
  ZoneId zone;

  @Option(
      names = "--policy",
      defaultValue = "rbi",
      paramLabel = "rbi|us-reg-f|us|us-fl|us-wa|us-ma|none|FILE",
      converter = OptionValues.Policy.class,
      description =
          "Guardrails applied after the rules: a preset (rbi: contact 08:00-19:00 local; us-reg-f: "
              + "08:00-21:00, 7 calls in 7 days, no call within 7 days of a conversation; us: us-reg-f, "
              + "and by the state attribute us-fl, us-wa (3 contacts a week, 2 calls or texts a day) "
              + "or us-ma (2 calls or texts in 7 days); none) or a policy JSON file "
              + "(default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description =
          "Past contacts for the frequency caps: CSV with loan_id, channel, timestamp, outcome.")
  Path history;

  @Option(
      names = "--filters",
      defaultValue = "compact",
      paramLabel = "compact|ids",
      description =
          "compact: the smallest of ids or attribute filters, exact over --customers; ids: only id "
              + "lists, for a campaign that may hold customers the file lacks (default: ${DEFAULT-VALUE}).")
  FilterCompiler.Mode filters;

  @Option(
      names = "--upload",
      description =
          "Upload every customer to the campaign first (bulk add, 10,000 "
              + "records a request), for a campaign that does not hold them yet. Uploads never ring a phone.")
  boolean upload;

  /** The moment planned for: {@code --as-of}, else now. Fixed once per command. */
  private OffsetDateTime now;

  OffsetDateTime at() {
    if (now == null) {
      now = asOf != null ? asOf : OffsetDateTime.now();
    }
    return now;
  }

  ZoneId zone() {
    return zone != null ? zone : asOf != null ? asOf.getOffset() : ZoneId.systemDefault();
  }

  /** A preset's policy, or the policy file at {@code spec}. */
  static GuardrailPolicy policy(String spec) throws Exception {
    GuardrailPolicy preset =
        GuardrailPolicy.preset(spec.strip().toLowerCase(java.util.Locale.ROOT));
    return preset != null ? preset : GuardrailPolicy.read(Path.of(spec));
  }

  /** The guardrails of {@code policySpec} (a preset or file) over the contact history. */
  Guardrails guardrails(String policySpec) throws Exception {
    return new Guardrails(
        policy(policySpec),
        history == null ? ContactHistory.empty() : ContactHistory.read(history));
  }

  /** Reads the portfolio, telling {@code progress}. */
  List<Customer> read(Progress progress) throws Exception {
    return progress.step(
        "reading " + customers.getFileName(),
        () -> PortfolioReader.read(customers),
        c -> String.format(Locale.ROOT, "%,d customers", c.size()));
  }

  /**
   * The inputs of a plan under {@code rules} and {@code policySpec}; their {@link PlanInputs#rules}
   * see {@code --history} as facts.
   */
  PlanInputs inputs(
      RuleSet rules, List<Customer> portfolio, RuleOptions ruleOptions, String policySpec)
      throws Exception {
    Guardrails guardrails = guardrails(policySpec);
    return new PlanInputs(
        rules.withHistory(guardrails.history()), // the rules see the history as Attempt facts
        portfolio,
        campaign,
        at(),
        zone(),
        OptionValues.distinct(ruleOptions.experiments(), mixee.commandLine()),
        guardrails,
        filters,
        upload);
  }
}
