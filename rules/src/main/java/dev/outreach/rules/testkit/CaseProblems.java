package dev.outreach.rules.testkit;

import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem in a cases file, to report them all at once in file order. */
final class CaseProblems {
  private static final int KEPT = 50;

  private final List<Problem> all = new ArrayList<>();
  private final Map<String, Integer> columnIndex = new HashMap<>();

  /** Orders a line's problems by column: {@code headers} are the header row's cells, in order. */
  void columns(List<String> headers) {
    for (int i = 0; i < headers.size(); i++) {
      columnIndex.putIfAbsent(CaseColumns.key(headers.get(i)), i);
      columnIndex.putIfAbsent(CaseColumns.normal(headers.get(i)), i);
    }
  }

  void add(long line, String column, String message) {
    all.add(new Problem(line, column, message));
  }

  void add(Problem p) {
    all.add(p);
  }

  boolean any() {
    return !all.isEmpty();
  }

  void throwIfAny(String source) throws CaseFileException {
    if (!all.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(all);
      sorted.sort(
          Comparator.comparingLong(Problem::line)
              .thenComparingInt(
                  p ->
                      p.field() == null
                          ? -1
                          : columnIndex.getOrDefault(p.field(), Integer.MAX_VALUE)));
      throw new CaseFileException(
          source, sorted.subList(0, Math.min(KEPT, sorted.size())), sorted.size());
    }
  }
}
