/**
 * Dry-run reports of a {@link dev.outreach.core.plan.Plan} for people; phone numbers never appear.
 * The text report is here, with {@link dev.outreach.report.PlanIndex} (where each customer ended
 * up); the HTML pages, per-customer explanations and plan diffs are in the sub-packages {@code
 * html}, {@code explain} and {@code diff}.
 */
package dev.outreach.report;
