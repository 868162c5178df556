package dev.outreach.report.money;

import java.math.BigDecimal;

/**
 * Customers counted with the money they carry: the sum of their EMIs and of their overdue amounts
 * (over those that have one). Sums are exact; round only when writing ({@link MoneyFormat}).
 */
public final class Tally {
  private long customers;
  private BigDecimal emi = BigDecimal.ZERO;
  private BigDecimal overdue = BigDecimal.ZERO;
  private long withOverdue;

  /** An empty tally. */
  public Tally() {}

  /** Counts one customer with {@code emi} and {@code overdue} ({@code null} when unknown). */
  public Tally add(BigDecimal emi, BigDecimal overdue) {
    customers++;
    this.emi = this.emi.add(emi);
    if (overdue != null) {
      this.overdue = this.overdue.add(overdue);
      withOverdue++;
    }
    return this;
  }

  /** Adds everything {@code other} counted. */
  public Tally add(Tally other) {
    customers += other.customers;
    emi = emi.add(other.emi);
    overdue = overdue.add(other.overdue);
    withOverdue += other.withOverdue;
    return this;
  }

  /** How many customers. */
  public long customers() {
    return customers;
  }

  /** The sum of their EMIs, exact. */
  public BigDecimal emi() {
    return emi;
  }

  /** The sum of their overdue amounts, exact (zero when none has one). */
  public BigDecimal overdue() {
    return overdue;
  }

  /** How many of them have an overdue amount. */
  public long withOverdue() {
    return withOverdue;
  }
}
