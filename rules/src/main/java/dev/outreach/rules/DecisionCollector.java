package dev.outreach.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which rule inserted each {@link Decision}, and forgets those deleted again, so authors never
 * name the rule and a rule that retracts a decision really takes it back.
 *
 * <p>Inserts are appended to lists (the hot path). A session's first delete or update switches it to an
 * identity map of the live decisions, which is exact whatever happens next.
 */
final class DecisionCollector implements RuleRuntimeEventListener {
  private final List<Decision> decisions = new ArrayList<>();
  private final List<String> rules = new ArrayList<>();
  private Map<Decision, String> live; // null until the first delete or update

  @Override
  public void objectInserted(ObjectInsertedEvent e) {
    if (e.getObject() instanceof Decision) {
      String rule = e.getRule() == null ? "(inserted by the host)" : e.getRule().getName();
      if (live == null) {
        decisions.add((Decision) e.getObject());
        rules.add(rule);
      } else {
        live.put((Decision) e.getObject(), rule);
      }
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent e) {
    if (e.getOldObject() instanceof Decision && e.getObject() != e.getOldObject()) {
      String rule = live().remove(e.getOldObject());
      if (e.getObject() instanceof Decision) {
        live.put((Decision) e.getObject(), rule);
      }
    }
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent e) {
    if (e.getOldObject() instanceof Decision) {
      live().remove(e.getOldObject());
    }
  }

  void forEach(BiConsumer<Decision, String> action) {
    if (live != null) {
      live.forEach(action);
      return;
    }
    for (int i = 0; i < decisions.size(); i++) {
      action.accept(decisions.get(i), rules.get(i));
    }
  }

  private Map<Decision, String> live() {
    if (live == null) {
      live = new IdentityHashMap<>();
      for (int i = 0; i < decisions.size(); i++) {
        live.put(decisions.get(i), rules.get(i));
      }
      decisions.clear();
      rules.clear();
    }
    return live;
  }
}
