package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.guardrail.Verdict;
import dev.outreach.core.guardrail.Wanted;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plans one customer at a time from what the rules decided for them: conflicts, timing, consent,
 * jurisdiction and every guardrail, as {@link Planner} does. It reads no other customer, so it runs
 * wherever the customers are (a thread per core, a Spark partition); a {@link PlanAssembler} of the
 * same planner and instant puts the results together. Thread-safe.
 *
 * <pre>{@code
 * CustomerPlanner each = planner.customerPlanner(asOf);
 * CustomerPlan p = each.plan(customer, rulingsForThatCustomer);
 * }</pre>
 */
public final class CustomerPlanner {
  private final Guardrails guardrails;
  private final ZoneId zone;
  private final OffsetDateTime asOf;
  private final Batches caps;

  /**
   * Equal request keys, requests, timings, placements and reasons met before, shared: customer
   * plans then refer to one object where they are equal, so a batch of them is smaller to keep and
   * to send (serialization writes an object once per stream, and a reference after).
   */
  private final java.util.concurrent.ConcurrentHashMap<Object, Object> shared =
      new java.util.concurrent.ConcurrentHashMap<>();

  CustomerPlanner(Guardrails guardrails, ZoneId zone, OffsetDateTime asOf) {
    this.guardrails = guardrails;
    this.zone = zone;
    this.asOf = asOf;
    this.caps =
        new Batches(guardrails, asOf, zone); // only its frequency check, which reads no state
  }

  /**
   * Plans customers under {@code guardrails} as of {@code asOf} (truncated to whole seconds) in a
   * plan of {@code zone}: what {@link Planner#customerPlanner} gives for a planner of that zone and
   * those guardrails, made where the planner is not (say in a Spark executor, from the policy and a
   * broadcast history).
   */
  public static CustomerPlanner of(Guardrails guardrails, ZoneId zone, OffsetDateTime asOf) {
    return new CustomerPlanner(
        Objects.requireNonNull(guardrails, "guardrails == null"),
        Objects.requireNonNull(zone, "zone == null"),
        asOf.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /**
   * What {@code customer} adds to the plan, given the rules' decisions for them in the order the
   * rules made them (none: the customer is undecided).
   *
   * @throws IllegalArgumentException if a decision is for another customer
   */
  public CustomerPlan plan(Customer customer, List<Ruling> decisions) {
    Objects.requireNonNull(customer, "customer == null");
    for (Ruling d : decisions) {
      if (!d.customerId().equals(customer.loanId())) {
        throw new IllegalArgumentException(
            "rule \""
                + d.rule()
                + "\" decided for "
                + d.customerId()
                + ", not "
                + customer.loanId());
      }
    }
    CustomerPlan p = new CustomerPlan(customer.loanId());
    decide(customer, decisions, p.recorder(this::shared));
    return p;
  }

  private Object shared(Object v) {
    if (v == null) {
      return null;
    }
    if (shared.size() > 4_096) { // a few hundred distinct requests is a large strategy
      shared.clear();
    }
    Object s = shared.putIfAbsent(v, v);
    return s != null && s.getClass() == v.getClass() ? s : v;
  }

  /** Plans {@code customer}, telling {@code out} what that adds to the plan. */
  void decide(Customer customer, List<Ruling> decisions, Effects out) {
    String id = customer.loanId();
    if (decisions.isEmpty()) {
      out.undecided(id);
      out.arm(id, ArmTally.Outcome.UNDECIDED, Set.of());
      return;
    }
    Conflicts.Resolved r = Conflicts.resolve(decisions);
    r.overrides().forEach(out::overridden);
    if (r.suppression() != null) {
      Suppression s = r.suppression();
      for (Ruling d : decisions) {
        if (d instanceof Contact && ((Contact) d).batched()) {
          out.exclude((Contact) d, "suppressed by rule \"" + s.rule() + "\": " + s.reason());
        }
      }
      out.suppressed(new Suppressed(id, s.reason(), s.rule()));
      out.arm(id, ArmTally.Outcome.SUPPRESSED, Set.of());
      return;
    }
    Set<Channel> reached = EnumSet.noneOf(Channel.class);
    List<Guardrails.Planned> planned = new ArrayList<>(2); // what shared caps count
    ZoneId local = CustomerZones.zoneOf(customer, zone);
    String jurisdiction = guardrails.policy().jurisdictions().of(customer);
    Guardrails own = guardrails.ofJurisdiction(jurisdiction);
    ZonedDateTime localNow = asOf.atZoneSameInstant(local);
    for (List<Contact> candidates : r.candidates().values()) {
      Contact winner = null;
      for (Contact c : candidates) {
        if (winner != null) {
          Overridden lost = Conflicts.lostTo(c, winner);
          out.overridden(lost);
          excludeFromBatch(c, "lost to rule \"" + winner.rule() + "\" (" + lost.why() + ")", out);
          continue;
        }
        String refused =
            guardrails.policy().consent().refusal(customer, c.channel(), asOf.toInstant());
        if (refused != null) {
          out.warning(
              new Warning("CONSENT", id, c.rule(), c.channel() + " not planned: " + refused));
          excludeFromBatch(c, "CONSENT: " + refused, out);
          continue;
        }
        TimingResolver.Resolution slot = TimingResolver.resolve(c.timing(), localNow, local);
        if (slot instanceof TimingResolver.Passed passed) {
          String why = passed.why();
          out.warning(
              new Warning("TIMING_PASSED", id, c.rule(), c.channel() + " not planned: " + why));
          excludeFromBatch(c, why, out);
          continue;
        }
        Wanted wanted = ((TimingResolver.Slot) slot).wanted();
        if (c.batched() && own != guardrails) {
          String why =
              "a batch campaign follows the plan's policy, and this customer's jurisdiction ("
                  + guardrails.policy().jurisdictions().attribute()
                  + " "
                  + jurisdiction
                  + ") has its own; make their calls direct";
          out.warning(new Warning("JURISDICTION", id, c.rule(), "CALL not planned: " + why));
          out.exclude(c, "JURISDICTION: " + why);
          continue;
        }
        Verdict v = own.check(id, c.channel(), local, wanted, planned);
        ZonedDateTime notBefore;
        ZonedDateTime notAfter;
        if (v instanceof Verdict.Blocked b) {
          out.warning(
              new Warning(
                  b.guardrail().name(), id, c.rule(), c.channel() + " not planned: " + b.why()));
          excludeFromBatch(c, b.guardrail() + ": " + b.why(), out);
          continue;
        } else if (v instanceof Verdict.Moved m) {
          out.warning(new Warning(m.guardrail().name(), id, c.rule(), m.why()));
          notBefore = m.notBefore();
          notAfter = m.notAfter();
        } else {
          notBefore = ((Verdict.Allowed) v).notBefore();
          notAfter = ((Verdict.Allowed) v).notAfter();
        }
        String capped = c.batched() ? caps.capProblem(c, notBefore) : null;
        if (capped != null) {
          out.warning(
              new Warning("FREQUENCY_CAP", id, c.rule(), c.channel() + " not planned: " + capped));
          out.exclude(c, "FREQUENCY_CAP: " + capped);
          continue;
        }
        winner = c;
        planned.add(new Guardrails.Planned(c.channel(), notBefore.toInstant()));
        if (c.batched()) {
          out.batch(c, local, notBefore);
        } else {
          out.group(
              Group.Key.of(
                  c, inPlanZone(notBefore), notAfter == null ? null : inPlanZone(notAfter)),
              c,
              new Group.Placement(local, wanted, jurisdiction));
        }
        reached.add(c.channel());
      }
    }
    out.done(reached);
    out.arm(id, reached.isEmpty() ? ArmTally.Outcome.DROPPED : ArmTally.Outcome.CONTACTED, reached);
  }

  private static void excludeFromBatch(Contact c, String why, Effects out) {
    if (c.batched()) {
      out.exclude(c, why);
    }
  }

  /**
   * Instants are shown in the plan's zone, so customers of different zones share a step when they
   * can.
   */
  private OffsetDateTime inPlanZone(ZonedDateTime t) {
    return t.withZoneSameInstant(zone).toOffsetDateTime();
  }
}
