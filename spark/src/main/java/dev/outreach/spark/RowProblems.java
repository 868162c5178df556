package dev.outreach.spark;

import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of a portfolio's rows as Spark gives them (in loan-id order), the first {@value
 * #KEPT} in the source's order kept, each numbered as the source holds it when told.
 */
final class RowProblems {
  /** Problems listed in a report; the rest are counted. */
  private static final int KEPT = 50;

  private record One(long row, int seq, String loanId, Problem problem, long firstRow) {}

  private final List<One> kept = new ArrayList<>();
  int total;

  /** A row's problem, or (when {@code problem} is null) its loan id repeating {@code first}'s. */
  void add(long row, int seq, String loanId, Problem problem, long first) {
    total++;
    kept.add(new One(row, seq, loanId, problem, first));
    if (kept.size() > 4 * KEPT) {
      trim();
    }
  }

  private void trim() {
    kept.sort(java.util.Comparator.comparingLong(One::row).thenComparingInt(One::seq));
    kept.subList(Math.min(KEPT, kept.size()), kept.size()).clear();
  }

  PortfolioException exception(String source, boolean csv, long[] firstRow) {
    trim();
    List<Problem> problems = new ArrayList<>();
    for (One o : kept) {
      long n = SparkPlanning.number(o.row(), firstRow);
      // A CSV file's data row n is on line n + 1 (after the header), as the program counts.
      long line = csv ? n + 1 : n;
      if (o.problem() == null) {
        long first = SparkPlanning.number(o.firstRow(), firstRow);
        problems.add(
            new Problem(
                line,
                "loan_id",
                "\""
                    + o.loanId()
                    + "\" appears again (first on "
                    + (csv ? "line " + (first + 1) : "row " + first)
                    + ")"));
      } else {
        Problem p = new Problem(line, o.problem().field(), o.problem().message());
        problems.add(csv ? p : SparkPlanEngine.named(p, o.loanId()));
      }
    }
    return new PortfolioException(source, problems, total);
  }
}
