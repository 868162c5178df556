package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link GuardrailPolicy}, with a {@link ContactHistory} for its caps and cool-offs, to
 * planned contacts, after the rules and after a decision's timing has become concrete times.
 * Immutable and safe to share between threads; {@link #check} reads no clock.
 *
 * <pre>{@code
 * Guardrails guardrails = new Guardrails(GuardrailPolicy.read(policyFile), ContactHistory.read(historyFile));
 * ZoneId zone = CustomerZones.zoneOf(customer, planZone);
 * Verdict v = guardrails.check(customer.loanId(), Channel.CALL, zone, new Wanted(now, LocalTime.of(10, 0),
 *     LocalTime.of(13, 0), false));
 * }</pre>
 */
public final class Guardrails {
  private static final Guardrails NONE =
      new Guardrails(GuardrailPolicy.none(), ContactHistory.empty());

  private final GuardrailPolicy policy;
  private final ContactHistory history;
  private final List<List<FrequencyCap>> caps = new ArrayList<>();
  private final List<List<CoolOff>> coolOffs = new ArrayList<>();
  private final List<List<SharedCap>> sharedCaps = new ArrayList<>();
  private final java.util.Map<String, Guardrails> byJurisdiction = new java.util.HashMap<>();

  /** A contact this plan already makes to the customer, which shared caps count. */
  public record Planned(Channel channel, Instant at) {
    public Planned {
      Objects.requireNonNull(channel, "channel == null");
      Objects.requireNonNull(at, "at == null");
    }
  }

  public Guardrails(GuardrailPolicy policy, ContactHistory history) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.history = Objects.requireNonNull(history, "history == null");
    for (Channel c : Channel.values()) {
      caps.add(policy.caps().stream().filter(x -> x.channel() == c).toList());
      coolOffs.add(policy.coolOffs().stream().filter(x -> x.channel() == c).toList());
      sharedCaps.add(policy.sharedCaps().stream().filter(x -> x.channels().contains(c)).toList());
    }
    // The plan's do-not-contact list holds in every jurisdiction.
    policy
        .jurisdictions()
        .policies()
        .forEach(
            (value, p) -> {
              java.util.Set<String> dnc = new java.util.HashSet<>(p.doNotContact());
              dnc.addAll(policy.doNotContact());
              byJurisdiction.put(
                  value, new Guardrails(p.toBuilder().doNotContact(dnc).build(), history));
            });
  }

  /**
   * The guardrails of {@code customer}'s jurisdiction (see {@link GuardrailPolicy#jurisdictions}),
   * or these when it has none listed.
   */
  public Guardrails of(dev.outreach.core.Customer customer) {
    return ofJurisdiction(policy.jurisdictions().of(customer));
  }

  /**
   * The guardrails of {@code jurisdiction} (a value {@link Jurisdictions#of} gives), or these when
   * it is {@code null}.
   *
   * @throws IllegalArgumentException if the policy lists no such jurisdiction
   */
  public Guardrails ofJurisdiction(String jurisdiction) {
    if (jurisdiction == null) {
      return this;
    }
    Guardrails g = byJurisdiction.get(jurisdiction);
    if (g == null) {
      throw new IllegalArgumentException("the policy has no jurisdiction " + jurisdiction);
    }
    return g;
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
   * The verdict on one contact: allowed at its own time, moved to its next allowed slot, or
   * blocked.
   *
   * <p>Its own time is the earliest instant at or after {@code wanted.notBefore()} within the
   * decision's time of day on that local day. Its next allowed slot is the earliest instant at or
   * after that which the decision's timing and every guardrail allow, in the customer's zone:
   * within the channel's hours and the decision's time of day ({@link Wanted#from()} to {@link
   * Wanted#to()}, every day alike) on a working day that is not a holiday, with fewer than a cap's
   * {@code max} attempts in the cap's period before it, and past every cool-off. So a contact moved
   * to a later day starts when that day's window opens (10:00 for a 10:00–13:00 window, the hours'
   * start for "as soon as possible"), whatever time of day it was planned at. An {@code at} time
   * the channel's hours never allow (22:00 for hours ending at 19:00) moves like "as soon as
   * possible". The loan being on the do-not-contact list always blocks.
   *
   * <p>A local time the clocks skip (02:30 on a spring-forward day that jumps from 02:00 to 03:00)
   * is reached when they jump past it (03:00); a time they show twice (autumn) is its first
   * occurrence.
   *
   * @param customerZone the customer's zone (its {@code timezone} attribute, else the plan's zone);
   *     days and hours are read in it
   * @throws IllegalArgumentException when {@code wanted.notBefore()} is at or after the end of the
   *     decision's window on its local day, or the clocks skip that whole window that day
   */
  public Verdict check(String loanId, Channel channel, ZoneId customerZone, Wanted wanted) {
    return check(loanId, channel, customerZone, wanted, List.of());
  }

  /**
   * {@link #check(String, Channel, ZoneId, Wanted)} for a customer this plan already contacts as
   * {@code planned} (other channels, each at its time): the policy's shared caps count those
   * contacts too.
   */
  public Verdict check(
      String loanId, Channel channel, ZoneId customerZone, Wanted wanted, List<Planned> planned) {
    Objects.requireNonNull(planned, "planned == null");
    Objects.requireNonNull(loanId, "loanId == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(customerZone, "customerZone == null");
    Objects.requireNonNull(wanted, "wanted == null");
    if (policy.doNotContact().contains(loanId)) {
      return new Verdict.Blocked(
          Guardrail.DO_NOT_CONTACT,
          "the loan is on the do-not-contact list: no "
              + Texts.noun(channel)
              + ", nor any other contact");
    }
    ZonedDateTime from = wanted.notBefore().withZoneSameInstant(customerZone);
    LocalDate day = from.toLocalDate();
    ZonedDateTime start = wanted.startOn(day, customerZone);
    ZonedDateTime end = wanted.endOn(day, customerZone);
    if (start.isAfter(from)) {
      from = start;
    }
    if (end != null && !end.isAfter(from)) {
      throw new IllegalArgumentException(
          "notBefore "
              + wanted.notBefore()
              + " is not before the end of the window "
              + wanted.from()
              + "-"
              + wanted.to()
              + " on "
              + day
              + " in "
              + customerZone
              + " (or the clocks skip the whole window that day): ask from a day the window is still open on");
    }
    return new SlotSearch(
            policy,
            channel,
            new Wanted(from, wanted.from(), wanted.to(), wanted.dateFixed()),
            history.lookup(loanId, channel),
            caps.get(channel.ordinal()),
            coolOffs.get(channel.ordinal()),
            shared(loanId, channel, planned))
        .run();
  }

  /**
   * The verdict on a contact wanted from {@code notBefore}, within the window {@code notBefore} to
   * {@code notAfter} (their local times of day, on whichever day it is moved to), or as soon as
   * possible from {@code notBefore} when {@code notAfter} is {@code null}. The same as {@link
   * #check(String, Channel, ZoneId, Wanted)} with that {@link Wanted}; when a window is already
   * open, pass its start in a {@link Wanted} instead, so a contact moved to a later day starts when
   * the window opens.
   *
   * @param notAfter the end of the decision's window on the same local day, or {@code null} for
   *     none
   * @param dateFixed whether the rule gave an explicit date: the contact may then move within that
   *     day only, and is blocked when that day has no allowed time left
   * @throws IllegalArgumentException when {@code notAfter} is not a later time of the same local
   *     day as {@code notBefore}
   */
  public Verdict check(
      String loanId,
      Channel channel,
      ZoneId customerZone,
      ZonedDateTime notBefore,
      ZonedDateTime notAfter,
      boolean dateFixed) {
    Objects.requireNonNull(customerZone, "customerZone == null");
    Objects.requireNonNull(notBefore, "notBefore == null");
    ZonedDateTime from = notBefore.withZoneSameInstant(customerZone);
    ZonedDateTime to = notAfter == null ? null : notAfter.withZoneSameInstant(customerZone);
    if (to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " is not after notBefore " + notBefore);
    }
    if (to != null
        && (!to.toLocalDate().equals(from.toLocalDate())
            || !to.toLocalTime().isAfter(from.toLocalTime()))) {
      throw new IllegalArgumentException(
          "notAfter "
              + notAfter
              + " is not on the same local day as notBefore "
              + notBefore
              + " in "
              + customerZone
              + " (a window is a time of day)");
    }
    return check(
        loanId,
        channel,
        customerZone,
        new Wanted(
            from,
            to == null ? null : from.toLocalTime(),
            to == null ? null : to.toLocalTime(),
            dateFixed));
  }

  /** Each shared cap on {@code channel}, with the times of the contacts it counts. */
  private List<SlotSearch.Shared> shared(String loanId, Channel channel, List<Planned> planned) {
    List<SharedCap> on = sharedCaps.get(channel.ordinal());
    if (on.isEmpty()) {
      return List.of();
    }
    List<SlotSearch.Shared> out = new ArrayList<>(on.size());
    for (SharedCap cap : on) {
      long[] times = new long[0];
      int n = 0;
      for (Channel c : cap.channels()) {
        Attempts a = history.lookup(loanId, c);
        for (int i = 0; a != null && i < a.size(); i++) {
          times = grow(times, n);
          times[n++] = a.at(i);
        }
      }
      for (Planned p : planned) {
        if (cap.channels().contains(p.channel())) {
          times = grow(times, n);
          times[n++] = p.at().toEpochMilli();
        }
      }
      long[] sorted = java.util.Arrays.copyOf(times, n);
      java.util.Arrays.sort(sorted);
      out.add(new SlotSearch.Shared(cap, sorted));
    }
    return out;
  }

  private static long[] grow(long[] a, int n) {
    return n < a.length ? a : java.util.Arrays.copyOf(a, Math.max(4, 2 * a.length));
  }
}
