/**
 * Runs a {@link dev.outreach.core.plan.Plan} against the outreach API:
 * {@link dev.outreach.http.execute.PlanExecutor} sends each step once, on schedule, under a stable
 * idempotency key, records Micrometer meters and returns an {@link dev.outreach.http.execute.ExecutionReport}.
 */
package dev.outreach.http.execute;
