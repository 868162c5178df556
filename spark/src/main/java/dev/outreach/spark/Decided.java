package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules decided for one part of a partition's customers, in the order they decided it, or
 * the rules' error ({@code failure}), which the driver reports.
 */
record Decided(Map<String, List<Ruling>> byId, String failure) {

  /** The rules' decisions for {@code customers} as of {@code day}, in one rule session. */
  static Decided of(DecisionSource rules, List<Customer> customers, PlanningDay day) {
    Map<String, List<Ruling>> decided = new HashMap<>();
    try {
      rules.decide(
          customers,
          day,
          ruling -> {
            synchronized (decided) {
              decided.computeIfAbsent(ruling.customerId(), k -> new ArrayList<>()).add(ruling);
            }
          });
    } catch (RuntimeException e) {
      return new Decided(decided, String.valueOf(e.getMessage()));
    }
    return new Decided(decided, null);
  }

  /** The decisions for {@code loanId}, none for {@code null}. */
  List<Ruling> of(String loanId) {
    return loanId == null ? List.of() : byId.getOrDefault(loanId, List.of());
  }
}
