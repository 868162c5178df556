package dev.outreach.rules;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Tells a {@link Decision} being built which rule is building it: the rule whose consequence runs
 * on this thread right now. Drools runs a consequence on the thread that fires it, between these
 * two events, so a thread-local is exact; outside a consequence there is no rule.
 */
final class RuleStamp extends DefaultAgendaEventListener {
  /** The rule that made a decision, and its salience. */
  record Stamp(String rule, int salience) {
    static final Stamp HOST = new Stamp("(made outside a rule)", 0);
  }

  private static final ThreadLocal<Stamp> CURRENT = new ThreadLocal<>();

  static final RuleStamp LISTENER = new RuleStamp();

  private RuleStamp() {}

  static Stamp current() {
    Stamp s = CURRENT.get();
    return s == null ? Stamp.HOST : s;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent e) {
    Rule rule = e.getMatch().getRule();
    CURRENT.set(new Stamp(rule.getName(), salience(rule)));
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent e) {
    CURRENT.remove();
  }

  /** A rule's fixed salience; 0 when it is dynamic. */
  private static int salience(Rule rule) {
    if (rule instanceof RuleImpl && !((RuleImpl) rule).isSalienceDynamic()) {
      return ((RuleImpl) rule).getSalienceValue();
    }
    return 0;
  }
}
