/**
 * Runs a {@link dev.outreach.core.plan.Plan} against the outreach API: {@link
 * dev.outreach.http.execute.PlanExecutor} sends the steps on schedule, concurrently within limits,
 * re-sending only what provably had no effect, journals every attempt so a crashed run can be
 * resumed, records Micrometer meters and returns an {@link
 * dev.outreach.http.execute.ExecutionReport}.
 */
package dev.outreach.http.execute;
