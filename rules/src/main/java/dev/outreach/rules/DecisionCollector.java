package dev.outreach.rules;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which rule inserted each {@link Decision}, and forgets those deleted again, so authors never
 * name the rule and a rule that retracts a decision really takes it back.
 */
final class DecisionCollector implements RuleRuntimeEventListener {
  private final Map<Decision, String> live = new IdentityHashMap<>();

  @Override
  public void objectInserted(ObjectInsertedEvent e) {
    if (e.getObject() instanceof Decision) {
      live.put((Decision) e.getObject(), e.getRule() == null ? "(inserted by the host)" : e.getRule().getName());
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent e) {
    if (e.getOldObject() instanceof Decision && e.getObject() != e.getOldObject()) {
      String rule = live.remove(e.getOldObject());
      if (e.getObject() instanceof Decision) {
        live.put((Decision) e.getObject(), rule);
      }
    }
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent e) {
    if (e.getOldObject() instanceof Decision) {
      live.remove(e.getOldObject());
    }
  }

  void forEach(BiConsumer<Decision, String> action) {
    live.forEach(action);
  }
}
