package dev.outreach.core.guardrail;

import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem in a file, keeping the first {@value #KEPT}. */
final class FileProblems {
  static final int KEPT = 50;

  private final String file;
  private final String outcome;
  private final List<Problem> kept = new ArrayList<>();
  private int total;

  FileProblems(String file, String outcome) {
    this.file = file;
    this.outcome = outcome;
  }

  void add(long line, String field, String message) {
    total++;
    if (kept.size() < KEPT) {
      kept.add(new Problem(line, field, message));
    }
  }

  boolean any() {
    return total > 0;
  }

  void throwIfAny() throws GuardrailFileException {
    if (total > 0) {
      List<Problem> sorted = new ArrayList<>(kept);
      sorted.sort(Comparator.comparingLong(Problem::line));
      throw new GuardrailFileException(file, sorted, total, outcome);
    }
  }
}
