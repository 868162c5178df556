package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.MoneyFormat;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How reports write money and bucket days past due: the options {@code plan} and {@code diff}
 * share.
 */
final class MoneyOptions {
  @Option(
      names = "--currency",
      paramLabel = "INR|USD|EUR|GBP|none|CODE",
      converter = OptionValues.Currency.class,
      description =
          "Write amounts in this currency: INR (₹, lakh/crore grouping), USD, EUR, GBP, none (no "
              + "symbol, plain grouping) or another ISO 4217 code (default: INR when the plan's zone is "
              + "Asia/Kolkata, else none).")
  MoneyFormat currency;

  @Option(
      names = "--buckets",
      paramLabel = "0,30,60,90",
      converter = OptionValues.BucketEdges.class,
      description =
          "Days-past-due buckets by their upper edges: 0,30,60,90 gives current, 1-30, 31-60, 61-90, "
              + "90+ (and unknown) (default: 0,30,60,90).")
  Buckets buckets;

  /**
   * The currency given, else the one the portfolio's {@code currency} column names, else the
   * default for a plan in {@code zone}.
   */
  MoneyFormat format(ZoneId zone, List<Customer> portfolio) {
    return currency != null ? currency : MoneyFormat.forData(zone, portfolio);
  }

  Buckets buckets() {
    return buckets != null ? buckets : Buckets.DEFAULT;
  }

  /**
   * The money of {@code index}'s plan over {@code portfolio}, undecided also by {@code attributes}.
   */
  MoneySummary summary(PlanIndex index, List<Customer> portfolio, List<String> attributes) {
    return MoneySummary.of(
        index, portfolio, format(index.plan().zone(), portfolio), buckets(), attributes);
  }
}
