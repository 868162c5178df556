package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What Outreach will send, and why: immutable and deterministic (the same inputs give the same
 * plan, byte for byte, through {@link PlanJson}).
 *
 * @param steps the requests in the order they are to be sent (by {@code notBefore})
 * @param suppressed customers a rule chose not to contact, with the reason
 * @param undecided loan ids no rule decided anything for, sorted
 * @param overrides contact decisions that lost to a suppression or to another decision on the same
 *     channel
 * @param warnings everything the planner changed or could not do, per customer
 * @param experiments per experiment, how each arm fared (empty without experiments)
 * @param capacity per channel with a daily capacity in the policy, each day's use of it, by channel
 *     then date (empty without one)
 */
public record Plan(
    String campaignId,
    OffsetDateTime asOf,
    ZoneId zone,
    Summary summary,
    List<Step> steps,
    List<Suppressed> suppressed,
    List<String> undecided,
    List<Overridden> overrides,
    List<Warning> warnings,
    List<ExperimentResult> experiments,
    List<CapacityDay> capacity) {

  /** A plan made without a daily capacity. */
  public Plan(
      String campaignId,
      OffsetDateTime asOf,
      ZoneId zone,
      Summary summary,
      List<Step> steps,
      List<Suppressed> suppressed,
      List<String> undecided,
      List<Overridden> overrides,
      List<Warning> warnings,
      List<ExperimentResult> experiments) {
    this(
        campaignId,
        asOf,
        zone,
        summary,
        steps,
        suppressed,
        undecided,
        overrides,
        warnings,
        experiments,
        List.of());
  }

  public Plan {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(asOf, "asOf == null");
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(summary, "summary == null");
    steps = List.copyOf(steps);
    suppressed = List.copyOf(suppressed);
    undecided = List.copyOf(undecided);
    overrides = List.copyOf(overrides);
    warnings = List.copyOf(warnings);
    experiments = List.copyOf(experiments);
    capacity = List.copyOf(capacity);
  }

  /** A customer a rule suppressed. */
  public record Suppressed(String customerId, String reason, String rule)
      implements java.io.Serializable {}

  /**
   * A contact decision that was not carried out because another decision won.
   *
   * @param rule the rule whose decision lost
   * @param winner the rule that won (a suppression, or a contact of higher priority on the same
   *     channel)
   */
  public record Overridden(
      String customerId, Channel channel, String rule, String winner, String why)
      implements java.io.Serializable {}

  /**
   * Something the planner changed or could not do.
   *
   * @param code a stable machine-readable code, e.g. {@code TIMING_PASSED}
   */
  public record Warning(String code, String customerId, String rule, String message)
      implements java.io.Serializable {}
}
