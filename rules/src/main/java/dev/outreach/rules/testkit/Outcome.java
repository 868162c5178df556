package dev.outreach.rules.testkit;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner will finally do for one customer, after its policy: a suppression, or at most
 * one contact per channel, or nothing.
 *
 * @param firedRules every rule that fired with this customer in its match, in firing order
 * @param suppression the suppression that won (its reason and rule), or empty
 * @param contacts the planned contact per channel (empty when suppressed), in channel order
 * @param overrides decisions that lost to a suppression or to another decision on their channel
 * @param warnings what the planner could not do, e.g. {@code TIMING_PASSED} for a time already gone
 */
public record Outcome(
    String customerId,
    List<String> firedRules,
    Optional<Plan.Suppressed> suppression,
    Map<Channel, PlannedContact> contacts,
    List<Plan.Overridden> overrides,
    List<Plan.Warning> warnings) {

  public Outcome {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(suppression, "suppression == null");
    firedRules = List.copyOf(firedRules);
    contacts =
        Collections.unmodifiableMap(
            contacts.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(contacts));
    overrides = List.copyOf(overrides);
    warnings = List.copyOf(warnings);
  }

  /** The contact planned on {@code channel}, or empty. */
  public Optional<PlannedContact> contact(Channel channel) {
    return Optional.ofNullable(contacts.get(channel));
  }

  /**
   * The channels the customer will be contacted on, in channel order; empty when suppressed or
   * undecided.
   */
  public Set<Channel> channels() {
    return Collections.unmodifiableSet(
        contacts.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(contacts.keySet()));
  }
}
