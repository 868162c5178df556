/**
 * A test kit for rule authors: {@link dev.outreach.rules.testkit.RuleCheck} tells what the planner
 * will finally do for one customer (after suppression, priority and timing), for JUnit tests;
 * {@link dev.outreach.rules.testkit.CaseFile} reads the same checks from a spreadsheet-friendly CSV
 * of cases, each run with {@link dev.outreach.rules.testkit.RuleCase#run}.
 */
package dev.outreach.rules.testkit;
