package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

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
}
