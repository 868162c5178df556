package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.guardrail.Verdict;
import dev.outreach.core.guardrail.Wanted;
import dev.outreach.core.internal.Texts;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The policy's daily capacity per channel, applied once every customer has been planned: each
 * customer's effects are held (in loan-id order), each channel's days are filled in order of
 * priority (highest first), then score (highest first, none last), then loan id, and a contact that
 * finds its day full is moved to the next day with room (its next allowed slot from the start of
 * the next day of the plan's zone, every guardrail applying) or, past the policy's horizon or when
 * its rule fixed the date, dropped; both with a {@code CAPACITY} warning. The held effects are then
 * applied with those changes. Contacts made through a batch-call campaign pace themselves (its
 * calls per day) and are not counted.
 */
final class Capacity implements Effects {
  static final String CODE = "CAPACITY";

  /** Who is kept first on a full day. */
  private static final Comparator<Held> ORDER =
      Comparator.<Held>comparingInt(h -> -h.contact.priority())
          .thenComparing(h -> h.contact.score(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(h -> h.contact.customerId());

  private final Guardrails guardrails;
  private final ZoneId planZone;

  /** Every effect, in the order given: {@code Consumer<Effects>}, {@link Held}, Done or Arm. */
  private final List<Object> events = new ArrayList<>();

  private final List<Held> held = new ArrayList<>();

  /** The current customer's contacts (effects come a customer at a time, ending with its arm). */
  private List<Held> family = new ArrayList<>();

  private List<Guardrails.Planned> fixed = new ArrayList<>();

  Capacity(Guardrails guardrails, ZoneId planZone) {
    this.guardrails = guardrails;
    this.planZone = planZone;
  }

  /** Whether {@code guardrails} limit any channel's contacts a day. */
  static boolean applies(Guardrails guardrails) {
    return !guardrails.policy().capacity().isEmpty();
  }

  /** A contact on a channel with a capacity, and where it ends up. */
  private static final class Held {
    final Group.Key key;
    final Contact contact;
    final Group.Placement placement;

    /** The customer's other contacts: held ones (as they are placed now) and the rest. */
    final List<Held> family;

    final List<Guardrails.Planned> fixed;
    Group.Key placed;
    Warning warning;
    boolean dropped;

    Held(
        Group.Key key,
        Contact contact,
        Group.Placement placement,
        List<Held> family,
        List<Guardrails.Planned> fixed) {
      this.key = key;
      this.contact = contact;
      this.placement = placement;
      this.placed = key;
      this.family = family;
      this.fixed = fixed;
    }

    /** The customer's other contacts where they are now, for the shared caps. */
    List<Guardrails.Planned> others() {
      List<Guardrails.Planned> out = new ArrayList<>(fixed);
      for (Held h : family) {
        if (h != this && !h.dropped) {
          out.add(new Guardrails.Planned(h.contact.channel(), h.placed.notBefore().toInstant()));
        }
      }
      return out;
    }
  }

  private record Done(Set<Channel> reached) {}

  private record Arm(String id, ArmTally.Outcome outcome, Set<Channel> reached) {}

  /**
   * Fills every channel's days, in date order; returns each channel's use of each day that has
   * contacts, by channel then date.
   */
  List<CapacityDay> allocate() {
    List<CapacityDay> out = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      OptionalInt limit = guardrails.policy().capacityOf(channel);
      if (limit.isEmpty()) {
        continue;
      }
      int capacity = limit.getAsInt();
      TreeMap<LocalDate, List<Held>> wanted = new TreeMap<>();
      for (Held h : held) {
        if (h.contact.channel() == channel) {
          wanted.computeIfAbsent(day(h.key), d -> new ArrayList<>()).add(h);
        }
      }
      TreeMap<LocalDate, int[]> use = new TreeMap<>(); // used, moved in, moved out, dropped
      while (!wanted.isEmpty()) {
        var entry = wanted.pollFirstEntry();
        LocalDate day = entry.getKey();
        List<Held> contacts = entry.getValue();
        contacts.sort(ORDER);
        int[] u = use.computeIfAbsent(day, d -> new int[4]);
        for (Held h : contacts) {
          if (u[0] < capacity) {
            u[0]++;
            if (h.placed != h.key) {
              u[1]++;
            }
            continue;
          }
          Group.Key later = defer(h, day);
          if (later == null) {
            u[3]++;
            h.dropped = true;
            h.warning = warning(h, capacity, day, null);
          } else {
            u[2]++;
            h.placed = later;
            h.warning = warning(h, capacity, day, later);
            wanted.computeIfAbsent(day(later), d -> new ArrayList<>()).add(h);
          }
        }
      }
      use.forEach(
          (day, u) -> out.add(new CapacityDay(channel, day, capacity, u[0], u[1], u[2], u[3])));
    }
    return out;
  }

  /** Applies every held effect to {@code to}, with the contacts moved or dropped. */
  @SuppressWarnings("unchecked")
  void replay(Effects to) {
    Set<Channel> lost = EnumSet.noneOf(Channel.class);
    for (Object e : events) {
      if (e instanceof Held h) {
        if (h.warning != null) {
          to.warning(h.warning);
        }
        if (h.dropped) {
          lost.add(h.contact.channel());
        } else {
          to.group(h.placed, h.contact, h.placement);
        }
      } else if (e instanceof Done d) {
        to.done(minus(d.reached(), lost));
      } else if (e instanceof Arm a) {
        Set<Channel> reached = minus(a.reached(), lost);
        ArmTally.Outcome outcome =
            a.outcome() == ArmTally.Outcome.CONTACTED && reached.isEmpty()
                ? ArmTally.Outcome.DROPPED
                : a.outcome();
        to.arm(a.id(), outcome, reached);
        lost.clear(); // a customer's effects end with its arm
      } else {
        ((Consumer<Effects>) e).accept(to);
      }
    }
  }

  /**
   * The key of {@code h}'s next allowed slot from the day after {@code full}, or null when it may
   * not move (its rule fixed the date) or has none within the horizon.
   */
  private Group.Key defer(Held h, LocalDate full) {
    Wanted wanted = h.placement.wanted();
    if (wanted.dateFixed()) {
      return null;
    }
    ZoneId local = h.placement.local();
    LocalDate own = wanted.notBefore().withZoneSameInstant(local).toLocalDate();
    ZonedDateTime from = full.plusDays(1).atStartOfDay(planZone).withZoneSameInstant(local);
    for (int tries = 0; tries < 3; tries++) {
      if (wanted.to() != null && !from.toLocalTime().isBefore(wanted.to())) {
        from = from.toLocalDate().plusDays(1).atStartOfDay(local); // that day's window has closed
      }
      Verdict v;
      try {
        v =
            guardrails
                .ofJurisdiction(h.placement.jurisdiction())
                .check(
                    h.contact.customerId(),
                    h.contact.channel(),
                    local,
                    new Wanted(from, wanted.from(), wanted.to(), false),
                    h.others());
      } catch (IllegalArgumentException e) { // the clocks skip that day's window
        from = from.toLocalDate().plusDays(1).atStartOfDay(local);
        continue;
      }
      ZonedDateTime notBefore;
      ZonedDateTime notAfter;
      if (v instanceof Verdict.Allowed a) {
        notBefore = a.notBefore();
        notAfter = a.notAfter();
      } else if (v instanceof Verdict.Moved m) {
        notBefore = m.notBefore();
        notAfter = m.notAfter();
      } else {
        return null;
      }
      long days = ChronoUnit.DAYS.between(own, notBefore.withZoneSameInstant(local).toLocalDate());
      if (days > horizon(h)) {
        return null;
      }
      return Group.Key.of(
          h.contact,
          notBefore.withZoneSameInstant(planZone).toOffsetDateTime(),
          notAfter == null ? null : notAfter.withZoneSameInstant(planZone).toOffsetDateTime());
    }
    return null;
  }

  private Warning warning(Held h, int capacity, LocalDate full, Group.Key later) {
    Channel channel = h.contact.channel();
    String limit =
        String.format(Locale.ROOT, "%,d %s a day", capacity, Texts.plural(channel, capacity))
            + " of "
            + Texts.date(full)
            + " (in "
            + planZone.getId()
            + ") "
            + (capacity == 1 ? "is" : "are")
            + " taken by contacts ranked before it (priority, score, loan id)";
    if (later == null) {
      String why =
          h.placement.wanted().dateFixed()
              ? "the rule fixed the date"
              : "no later day within the horizon of "
                  + horizon(h)
                  + (horizon(h) == 1 ? " day" : " days")
                  + " has room";
      return new Warning(
          CODE,
          h.contact.customerId(),
          h.contact.rule(),
          channel + " not planned: the " + limit + ", and " + why);
    }
    ZoneId local = h.placement.local();
    return new Warning(
        CODE,
        h.contact.customerId(),
        h.contact.rule(),
        Texts.noun(channel)
            + " at "
            + Texts.dateTime(h.key.notBefore().atZoneSameInstant(local))
            + " "
            + local.getId()
            + ": the "
            + limit
            + "; moved to "
            + Texts.dateTime(later.notBefore().atZoneSameInstant(local)));
  }

  /** The days a contact of {@code h}'s customer may move, under its jurisdiction's policy. */
  private int horizon(Held h) {
    return guardrails.ofJurisdiction(h.placement.jurisdiction()).policy().horizonDays();
  }

  private static LocalDate day(Group.Key key) {
    return key.notBefore().toLocalDate(); // keys are in the plan's zone
  }

  private static Set<Channel> minus(Set<Channel> reached, Set<Channel> lost) {
    if (lost.isEmpty()) {
      return reached;
    }
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    out.addAll(reached);
    out.removeAll(lost);
    return out;
  }

  // Held effects.

  @Override
  public void overridden(Overridden o) {
    events.add((Consumer<Effects>) e -> e.overridden(o));
  }

  @Override
  public void warning(Warning w) {
    events.add((Consumer<Effects>) e -> e.warning(w));
  }

  @Override
  public void suppressed(Suppressed s) {
    events.add((Consumer<Effects>) e -> e.suppressed(s));
  }

  @Override
  public void undecided(String id) {
    events.add((Consumer<Effects>) e -> e.undecided(id));
  }

  @Override
  public void exclude(Contact c, String why) {
    events.add((Consumer<Effects>) e -> e.exclude(c, why));
  }

  @Override
  public void batch(Contact c, ZoneId zone, ZonedDateTime notBefore) {
    fixed.add(new Guardrails.Planned(c.channel(), notBefore.toInstant()));
    events.add((Consumer<Effects>) e -> e.batch(c, zone, notBefore));
  }

  @Override
  public void group(Group.Key key, Contact c, Group.Placement placement) {
    if (guardrails.policy().capacityOf(c.channel()).isEmpty()) {
      fixed.add(new Guardrails.Planned(c.channel(), key.notBefore().toInstant()));
      events.add((Consumer<Effects>) e -> e.group(key, c, placement));
      return;
    }
    Held h = new Held(key, c, placement, family, fixed);
    family.add(h);
    events.add(h);
    held.add(h);
  }

  @Override
  public void arm(String id, ArmTally.Outcome outcome, Set<Channel> reached) {
    events.add(new Arm(id, outcome, reached));
    family = new ArrayList<>();
    fixed = new ArrayList<>();
  }

  @Override
  public void done(Set<Channel> reached) {
    events.add(new Done(reached));
  }
}
