package dev.outreach.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which rule (and its salience) inserted each {@link Decision}, and forgets those deleted again,
 * so authors never name the rule and a rule that retracts a decision really takes it back.
 *
 * <p>Inserts are appended to a list (the hot path). A session's first delete or update switches it to an
 * identity map of the live decisions, which is exact whatever happens next.
 */
final class DecisionCollector implements RuleRuntimeEventListener {
  /** A decision with the rule that made it. */
  record Made(Decision decision, String rule, int salience) {
    dev.outreach.core.decision.Decision toCore() {
      return decision.toCore(rule, salience);
    }
  }

  private final List<Made> made = new ArrayList<>();
  private Map<Decision, Made> live; // null until the first delete or update

  @Override
  public void objectInserted(ObjectInsertedEvent e) {
    if (e.getObject() instanceof Decision) {
      Decision d = (Decision) e.getObject();
      Made m = new Made(d, e.getRule() == null ? "(inserted by the host)" : e.getRule().getName(), salience(e.getRule()));
      if (live == null) {
        made.add(m);
      } else {
        live.put(d, m);
      }
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent e) {
    if (e.getOldObject() instanceof Decision && e.getObject() != e.getOldObject()) {
      Made old = live().remove(e.getOldObject());
      if (e.getObject() instanceof Decision && old != null) {
        live.put((Decision) e.getObject(), new Made((Decision) e.getObject(), old.rule(), old.salience()));
      }
    }
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent e) {
    if (e.getOldObject() instanceof Decision) {
      live().remove(e.getOldObject());
    }
  }

  void forEach(Consumer<Made> action) {
    if (live != null) {
      live.values().forEach(action);
    } else {
      made.forEach(action);
    }
  }

  /** A rule's fixed salience; 0 for a dynamic salience or a decision inserted by the host. */
  private static int salience(Rule rule) {
    if (rule instanceof RuleImpl && !((RuleImpl) rule).isSalienceDynamic()) {
      return ((RuleImpl) rule).getSalienceValue();
    }
    return 0;
  }

  private Map<Decision, Made> live() {
    if (live == null) {
      live = new IdentityHashMap<>();
      for (Made m : made) {
        live.put(m.decision(), m);
      }
      made.clear();
    }
    return live;
  }
}
