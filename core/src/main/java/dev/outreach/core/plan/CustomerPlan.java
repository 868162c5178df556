package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What planning one customer adds to a plan: its contacts with their slots, its warnings,
 * suppression or overrides. A {@link CustomerPlanner} makes it wherever the customer is (another
 * thread, another JVM: it is serializable); a {@link PlanAssembler} takes it in loan-id order.
 */
public final class CustomerPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String loanId;
  private final ArrayList<Event> events = new ArrayList<>(4);

  CustomerPlan(String loanId) {
    this.loanId = Objects.requireNonNull(loanId, "loanId == null");
  }

  /** The customer's loan id. */
  public String loanId() {
    return loanId;
  }

  /**
   * Whether the customer joins a request's audience (unless the daily capacity holds them back):
   * only such customers are named by the requests of the plan, in their filters or customer ids.
   */
  public boolean grouped() {
    for (Event e : events) {
      if (e instanceof Grouped) {
        return true;
      }
    }
    return false;
  }

  /** Tells {@code to} what this customer adds, in the order it was found. */
  void applyTo(Effects to) {
    for (Event e : events) {
      e.applyTo(to);
    }
  }

  /**
   * Where planning the customer records its effects, each value {@code shared} gives for it (an
   * equal one met before, say) kept in its place.
   */
  Effects recorder(UnaryOperator<Object> shared) {
    return new Effects() {
      @SuppressWarnings("unchecked")
      private <T> T share(T v) {
        return (T) shared.apply(v);
      }

      private Contact share(Contact c) {
        return new Contact(
            c.customerId(),
            share(c.request()),
            share(c.timing()),
            c.priority(),
            c.salience(),
            share(c.rule()),
            c.score());
      }

      @Override
      public void overridden(Overridden o) {
        events.add(new Overriding(o));
      }

      @Override
      public void warning(Warning w) {
        events.add(new Warned(w));
      }

      @Override
      public void suppressed(Suppressed s) {
        events.add(
            new Suppressing(new Suppressed(s.customerId(), share(s.reason()), share(s.rule()))));
      }

      @Override
      public void undecided(String id) {
        events.add(new Undecided(id));
      }

      @Override
      public void exclude(Contact c, String why) {
        events.add(new Excluded(share(c), share(why)));
      }

      @Override
      public void batch(Contact c, ZoneId zone, ZonedDateTime notBefore) {
        events.add(new Batched(share(c), share(zone), share(notBefore)));
      }

      @Override
      public void group(Group.Key key, Contact c, Group.Placement placement) {
        events.add(new Grouped(share(key), share(c), share(placement)));
      }

      @Override
      public void arm(String id, ArmTally.Outcome outcome, Set<Channel> reached) {
        events.add(new Armed(id, outcome, reached));
      }

      @Override
      public void done(Set<Channel> reached) {
        events.add(new Done(reached));
      }
    };
  }

  /** One effect, kept to be told later. */
  private interface Event extends Serializable {
    void applyTo(Effects to);
  }

  private record Overriding(Overridden o) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.overridden(o);
    }
  }

  private record Warned(Warning w) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.warning(w);
    }
  }

  private record Suppressing(Suppressed s) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.suppressed(s);
    }
  }

  private record Undecided(String id) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.undecided(id);
    }
  }

  private record Excluded(Contact c, String why) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.exclude(c, why);
    }
  }

  private record Batched(Contact c, ZoneId zone, ZonedDateTime notBefore) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.batch(c, zone, notBefore);
    }
  }

  private record Grouped(Group.Key key, Contact c, Group.Placement placement) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.group(key, c, placement);
    }
  }

  private record Armed(String id, ArmTally.Outcome outcome, Set<Channel> reached) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.arm(id, outcome, reached);
    }
  }

  private record Done(Set<Channel> reached) implements Event {
    @Override
    public void applyTo(Effects to) {
      to.done(reached);
    }
  }
}
