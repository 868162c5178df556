package dev.outreach.rules.testkit;

import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.List;

/**
 * A cases file could not be read. The message lists every problem found (up to a cap), each with
 * the file, line and column, so a whole file can be fixed in one pass; no case is run.
 */
public final class CaseFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  CaseFileException(String source, List<Problem> problems, int total) {
    super(PortfolioException.report(source, problems, total, "no case was run"));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
