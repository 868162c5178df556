/**
 * Money at stake and days past due, in a collections manager's terms: {@link
 * dev.outreach.report.money.MoneyFormat} writes amounts in a currency with lakh/crore or plain
 * grouping (never the JVM's locale), {@link dev.outreach.report.money.Buckets} sorts days past due
 * into delinquency buckets, {@link dev.outreach.report.money.CustomerMoney} reads a customer's EMI,
 * overdue amount and days past due, and {@link dev.outreach.report.money.Tally} sums them exactly.
 * This package knows customers, not plans: the report packages call into it.
 */
package dev.outreach.report.money;
