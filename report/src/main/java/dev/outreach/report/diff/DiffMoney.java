package dev.outreach.report.diff;

import dev.outreach.core.Customer;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.CustomerMoney;
import dev.outreach.report.money.MoneyFormat;
import dev.outreach.report.money.Tally;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The money side of a {@link PlanDiff}: each plan's {@link MoneySummary} over the portfolio, and
 * the EMI of the customers of each kind of change (what a rules change moves).
 *
 * <pre>{@code
 * DiffMoney m = DiffMoney.of(diff, portfolio, MoneyFormat.inr(), Buckets.DEFAULT, List.of());
 * System.out.print(DiffText.render(diff, 20, m));
 * }</pre>
 */
public final class DiffMoney {
  private final MoneySummary base;
  private final MoneySummary changed;
  private final Map<Change.Kind, Tally> byKind = new EnumMap<>(Change.Kind.class);

  private DiffMoney(MoneySummary base, MoneySummary changed) {
    this.base = base;
    this.changed = changed;
  }

  /** The money of {@code d}'s plans over {@code portfolio}, the portfolio both were made from. */
  public static DiffMoney of(
      PlanDiff d,
      List<Customer> portfolio,
      MoneyFormat format,
      Buckets buckets,
      List<String> attributes) {
    Objects.requireNonNull(d, "d == null");
    DiffMoney m =
        new DiffMoney(
            MoneySummary.of(PlanIndex.of(d.base()), portfolio, format, buckets, attributes),
            MoneySummary.of(PlanIndex.of(d.changed()), portfolio, format, buckets, attributes));
    Map<String, Customer> byId = new HashMap<>(portfolio.size() * 4 / 3 + 1);
    portfolio.forEach(c -> byId.put(c.loanId(), c));
    for (Change.Kind k : Change.Kind.values()) {
      m.byKind.put(k, new Tally());
    }
    for (Change c : d.changes()) {
      Customer x = byId.get(c.customerId());
      if (x != null) {
        m.byKind.get(c.kind()).add(CustomerMoney.emi(x), CustomerMoney.overdue(x));
      }
    }
    return m;
  }

  /** The base plan's money. */
  public MoneySummary base() {
    return base;
  }

  /** The changed plan's money. */
  public MoneySummary changed() {
    return changed;
  }

  /** The customers of each kind of change with their EMI (every kind present). */
  public Map<Change.Kind, Tally> byKind() {
    return byKind;
  }

  /**
   * {@code b - a} written with the format, with a sign: {@code +₹1,234}, {@code -₹5}; empty when
   * equal.
   */
  public String change(BigDecimal a, BigDecimal b) {
    BigDecimal d = MoneyFormat.round(b).subtract(MoneyFormat.round(a));
    return d.signum() == 0 ? "" : (d.signum() > 0 ? "+" : "") + changed.money(d);
  }
}
