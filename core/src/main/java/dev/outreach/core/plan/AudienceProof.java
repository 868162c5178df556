package dev.outreach.core.plan;

import java.util.List;

/**
 * Proves that every step's body selects exactly the step's customers from the portfolio, applied as
 * the API applies it (its {@code filters}: {@code ids}, {@code exclude_ids} and every attribute
 * constraint). {@link PlanAssembler#finish(List)} proves the plan itself against the portfolio it
 * is given; an engine that keeps the portfolio elsewhere (Spark's partitions) proves it there. A
 * plan is never returned unless its proof passed.
 */
@FunctionalInterface
public interface AudienceProof {
  /**
   * Returns when each of {@code steps} that contacts customers through an initiation request (batch
   * campaigns and uploads aside: {@link StepKind#contacts()} and not {@link StepKind#batch()})
   * selects exactly its {@link Step#customerIds()} from the portfolio.
   *
   * @throws IllegalStateException naming the first step that selects other customers
   */
  void verify(List<Step> steps);
}
