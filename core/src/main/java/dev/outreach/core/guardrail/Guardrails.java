package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link GuardrailPolicy}, with a {@link ContactHistory} for its caps and cool-offs, to planned
 * contacts, after the rules and after a decision's timing has become concrete times. Immutable and safe to
 * share between threads; {@link #check} reads no clock.
 *
 * <pre>{@code
 * Guardrails guardrails = new Guardrails(GuardrailPolicy.read(policyFile), ContactHistory.read(historyFile));
 * ZoneId zone = CustomerZones.zoneOf(customer, planZone);
 * Verdict v = guardrails.check(customer.loanId(), Channel.CALL, zone, notBefore, notAfter, false);
 * }</pre>
 */
public final class Guardrails {
  private static final Guardrails NONE = new Guardrails(GuardrailPolicy.none(), ContactHistory.empty());

  private final GuardrailPolicy policy;
  private final ContactHistory history;
  private final List<List<FrequencyCap>> caps = new ArrayList<>();
  private final List<List<CoolOff>> coolOffs = new ArrayList<>();

  public Guardrails(GuardrailPolicy policy, ContactHistory history) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.history = Objects.requireNonNull(history, "history == null");
    for (Channel c : Channel.values()) {
      caps.add(policy.caps().stream().filter(x -> x.channel() == c).toList());
      coolOffs.add(policy.coolOffs().stream().filter(x -> x.channel() == c).toList());
    }
  }

  /** Nothing restricted: every contact is allowed as it is. */
  public static Guardrails none() {
    return NONE;
  }

  public GuardrailPolicy policy() {
    return policy;
  }

  public ContactHistory history() {
    return history;
  }

  /**
   * The verdict on one contact: allowed at its time, moved to the earliest time at or after
   * {@code notBefore} that breaks no guardrail, or blocked.
   *
   * <p>A time is allowed when it is within the channel's hours on a working day that is not a holiday,
   * fewer than a cap's {@code max} attempts fall in the cap's period before it, and it is past every
   * cool-off. A contact with a window ({@code notAfter} set) keeps its daily window
   * ({@code notBefore}'s to {@code notAfter}'s local time), intersected with the channel's hours, on
   * whichever day it is moved to. The loan being on the do-not-contact list always blocks.
   *
   * <p>Local times become instants as {@link ZonedDateTime#of(java.time.LocalDate, java.time.LocalTime, ZoneId)}
   * does: a time in a spring-forward gap moves later by the gap (02:30 becomes 03:30), a time in an
   * autumn overlap takes the earlier offset.
   *
   * @param customerZone the customer's zone (see {@link CustomerZones}); days and hours are read in it
   * @param notAfter the end of the decision's window on the same local day, or {@code null} for none
   * @param dateFixed whether the rule gave an explicit date: the contact may then move within that day
   *     only, and is blocked when that day has no allowed time left
   * @throws IllegalArgumentException when {@code notAfter} is not a later time of the same local day as
   *     {@code notBefore}
   */
  public Verdict check(String loanId, Channel channel, ZoneId customerZone, ZonedDateTime notBefore,
      ZonedDateTime notAfter, boolean dateFixed) {
    Objects.requireNonNull(loanId, "loanId == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(customerZone, "customerZone == null");
    Objects.requireNonNull(notBefore, "notBefore == null");
    if (policy.doNotContact().contains(loanId)) {
      return new Verdict.Blocked(Guardrail.DO_NOT_CONTACT,
          "the loan is on the do-not-contact list: no " + Texts.noun(channel) + ", nor any other contact");
    }
    ZonedDateTime from = notBefore.withZoneSameInstant(customerZone);
    ZonedDateTime to = notAfter == null ? null : notAfter.withZoneSameInstant(customerZone);
    if (to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
    }
    if (to != null && (!to.toLocalDate().equals(from.toLocalDate()) || !to.toLocalTime().isAfter(from.toLocalTime()))) {
      throw new IllegalArgumentException("notAfter " + notAfter + " is not on the same local day as notBefore "
          + notBefore + " in " + customerZone + " (a window is a time of day)");
    }
    return new SlotSearch(policy, channel, from, to, dateFixed, history.lookup(loanId, channel),
        caps.get(channel.ordinal()), coolOffs.get(channel.ordinal())).run();
  }
}
