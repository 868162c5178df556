package dev.outreach.core.plan;

import java.util.Objects;

/**
 * One thing wrong with a plan, found before anything of it is sent.
 *
 * @param stepId the id of the step it is about, or {@code null} for the plan as a whole (or a step
 *     whose id could not be read)
 * @param field where in the plan's JSON, e.g. {@code steps[2].body.filters.ids}
 * @param problem what is wrong, phone numbers masked
 * @param fix what to do about it, or {@code null} when the problem says it
 */
public record PlanProblem(String stepId, String field, String problem, String fix) {

  public PlanProblem {
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(problem, "problem == null");
  }

  /**
   * One line: field, step, problem and fix, e.g. {@code steps[0].path (step s0001) is "…"; fix: …}.
   */
  @Override
  public String toString() {
    return field
        + (stepId == null ? "" : " (step " + stepId + ")")
        + " "
        + problem
        + (fix == null ? "" : "; " + fix);
  }
}
