package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.plan.Plan.Overridden;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The documented conflict policy for one customer's decisions: a suppression beats every contact
 * (the first by rule name is reported); on each channel the contact with the highest priority that
 * can still be scheduled wins, ties going to the higher salience, then the rule name that sorts
 * first. Every losing contact becomes an {@link Overridden}.
 */
final class Conflicts {
  private Conflicts() {}

  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

  /**
   * Best first; the trailing keys only make the order total, so results never depend on arrival
   * order.
   */
  static final Comparator<Contact> PREFERENCE =
      Comparator.comparingInt(Contact::priority)
          .reversed()
          .thenComparing(Comparator.comparingInt(Contact::salience).reversed())
          .thenComparing(Contact::rule)
          .thenComparing(Contact::agentId, TEXT)
          .thenComparing(Contact::dispositionId, TEXT)
          .thenComparing(Contact::templateId, TEXT)
          .thenComparing(c -> String.valueOf(c.conversation()))
          .thenComparing(c -> String.valueOf(c.timing()))
          .thenComparing(c -> String.valueOf(c.batch()));

  /**
   * One customer's decisions after suppression: either the winning suppression, or the contact
   * candidates per channel in order of preference (the planner takes the first it can schedule).
   */
  record Resolved(
      Suppression suppression,
      Map<Channel, List<Contact>> candidates,
      List<Overridden> overrides) {}

  static Resolved resolve(List<Ruling> decisions) {
    Suppression suppression = null;
    List<Contact> contacts = new ArrayList<>();
    for (Ruling d : decisions) {
      if (d instanceof Suppression) {
        Suppression s = (Suppression) d;
        if (suppression == null
            || s.rule().compareTo(suppression.rule()) < 0
            || (s.rule().equals(suppression.rule())
                && s.reason().compareTo(suppression.reason()) < 0)) {
          suppression = s;
        }
      } else {
        contacts.add((Contact) d);
      }
    }
    contacts.sort(PREFERENCE);
    if (suppression != null) {
      List<Overridden> overrides = new ArrayList<>();
      for (Contact c : contacts) {
        overrides.add(
            new Overridden(
                c.customerId(),
                c.channel(),
                c.rule(),
                suppression.rule(),
                "suppressed: " + suppression.reason()));
      }
      return new Resolved(suppression, Map.of(), overrides);
    }
    Map<Channel, List<Contact>> candidates = new EnumMap<>(Channel.class);
    for (Contact c : contacts) {
      candidates.computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(c);
    }
    return new Resolved(null, candidates, List.of());
  }

  /** The override record for {@code loser}, which lost to {@code winner} on the same channel. */
  static Overridden lostTo(Contact loser, Contact winner) {
    return new Overridden(
        loser.customerId(),
        loser.channel(),
        loser.rule(),
        winner.rule(),
        winner.priority() > loser.priority()
            ? "higher priority on the same channel"
            : winner.salience() > loser.salience()
                ? "same channel and priority; higher salience"
                : "same channel, priority and salience; the rule named first wins");
  }
}
