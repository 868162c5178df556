/** Dry-run reports of a {@link dev.outreach.core.plan.Plan} for people; phone numbers never appear. */
package dev.outreach.core.report;
