/**
 * The planner: {@link dev.outreach.core.plan.Planner} turns decisions into a {@link
 * dev.outreach.core.plan.Plan} of requests, with the conflict and timing policy and a check that
 * every request selects exactly its audience; {@link dev.outreach.core.plan.PlanJson} is its wire
 * format, and {@link dev.outreach.core.plan.PlanValidation} finds every problem of a plan (read
 * from a file or built by hand) before anything of it is sent.
 */
package dev.outreach.core.plan;
