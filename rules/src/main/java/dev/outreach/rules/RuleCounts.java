package dev.outreach.rules;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/** Counts firings per rule, to name the rule that fired most; used only on the error path. */
final class RuleCounts extends DefaultAgendaEventListener {
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, Match> matches = new HashMap<>();

  @Override
  public void afterMatchFired(AfterMatchFiredEvent e) {
    String rule = e.getMatch().getRule().getName();
    counts.merge(rule, 1, Integer::sum);
    matches.put(rule, e.getMatch());
  }

  /** A match of the rule that fired most (ties: the name that sorts first), or {@code null}. */
  Match most() {
    String best = null;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (best == null
          || c.getValue() > counts.get(best)
          || c.getValue().equals(counts.get(best)) && c.getKey().compareTo(best) < 0) {
        best = c.getKey();
      }
    }
    return best == null ? null : matches.get(best);
  }
}
