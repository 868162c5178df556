package dev.outreach.core.portfolio;

import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem in a file (keeping the first {@value #KEPT}) and checks loan ids are
 * unique.
 */
final class Problems {
  static final int KEPT = 50;

  private final String source;
  private final List<Problem> kept = new ArrayList<>();
  private final Map<String, Long> lineOfId = new HashMap<>();
  private int total;

  Problems(String source) {
    this.source = source;
  }

  void add(long line, String field, String message) {
    total++;
    if (kept.size() < KEPT) {
      kept.add(new Problem(line, field, message));
    }
  }

  /** Records that {@code loanId} is on {@code line}; a repeat is a problem. */
  void seen(String loanId, long line) {
    Long first = lineOfId.putIfAbsent(loanId, line);
    if (first != null) {
      add(line, Fields.LOAN_ID, "\"" + loanId + "\" appears again (first on line " + first + ")");
    }
  }

  /** The problems kept, in the order added. */
  List<Problem> kept() {
    return kept;
  }

  boolean any() {
    return total > 0;
  }

  void throwIfAny() throws PortfolioException {
    if (total > 0) {
      throw new PortfolioException(source, kept, total);
    }
  }
}
