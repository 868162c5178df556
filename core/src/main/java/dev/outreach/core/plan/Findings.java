package dev.outreach.core.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The problems found in a plan so far, in the order found. */
final class Findings {
  /** Loan ids shown in one problem before "… N in all". */
  static final int SHOWN_IDS = 10;

  private final List<PlanProblem> problems = new ArrayList<>();

  void add(String stepId, String field, String problem, String fix) {
    problems.add(new PlanProblem(stepId, field, problem, fix));
  }

  List<PlanProblem> list() {
    return List.copyOf(problems);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  /**
   * Up to {@value #SHOWN_IDS} of {@code ids}, then how many there are in all, e.g. {@code L1, L2, …
   * (12 in all)}.
   */
  static String sample(Collection<String> ids) {
    List<String> shown = new ArrayList<>();
    for (String id : ids) {
      if (shown.size() == SHOWN_IDS) {
        break;
      }
      shown.add(id);
    }
    return String.join(", ", shown)
        + (ids.size() > SHOWN_IDS ? ", … (" + ids.size() + " in all)" : "");
  }
}
