package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What planning one customer adds to the plan. The planner works out customers on every core and
 * each records its effects; they are then applied in loan-id order, so the plan is the same
 * whatever the number of threads, and anything that depends on earlier customers (a batch
 * campaign's settings) is checked in that order.
 */
interface Effects {
  void overridden(Overridden o);

  void warning(Warning w);

  void suppressed(Suppressed s);

  void undecided(String id);

  void exclude(Contact c, String why);

  void batch(Contact c, ZoneId zone, ZonedDateTime notBefore);

  /** {@code c} goes out in the request of {@code key}; {@code placement} says how it got there. */
  void group(Group.Key key, Contact c, Group.Placement placement);

  void arm(String id, ArmTally.Outcome outcome, Set<Channel> reached);

  /** A customer was contacted on {@code reached}, or dropped when it is empty. */
  void done(Set<Channel> reached);

  /** Effects kept in order, to be applied later. */
  final class Recorded implements Effects {
    private final List<Consumer<Effects>> actions = new ArrayList<>();

    void applyTo(Effects to) {
      actions.forEach(a -> a.accept(to));
    }

    @Override
    public void overridden(Overridden o) {
      actions.add(e -> e.overridden(o));
    }

    @Override
    public void warning(Warning w) {
      actions.add(e -> e.warning(w));
    }

    @Override
    public void suppressed(Suppressed s) {
      actions.add(e -> e.suppressed(s));
    }

    @Override
    public void undecided(String id) {
      actions.add(e -> e.undecided(id));
    }

    @Override
    public void exclude(Contact c, String why) {
      actions.add(e -> e.exclude(c, why));
    }

    @Override
    public void batch(Contact c, ZoneId zone, ZonedDateTime notBefore) {
      actions.add(e -> e.batch(c, zone, notBefore));
    }

    @Override
    public void group(Group.Key key, Contact c, Group.Placement placement) {
      actions.add(e -> e.group(key, c, placement));
    }

    @Override
    public void arm(String id, ArmTally.Outcome outcome, Set<Channel> reached) {
      actions.add(e -> e.arm(id, outcome, reached));
    }

    @Override
    public void done(Set<Channel> reached) {
      actions.add(e -> e.done(reached));
    }
  }
}
