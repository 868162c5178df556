package dev.outreach.rules.testkit;

import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.List;

/**
 * A cases file could not be read. The message lists every problem found (up to a cap), each with the
 * file, line and column, so a whole file can be fixed in one pass; no case is run.
 */
public final class CaseFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  CaseFileException(String source, List<Problem> problems, int total) {
    super(message(source, problems, total));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems, int total) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    String shortName = source.substring(slash + 1);
    StringBuilder sb = new StringBuilder();
    sb.append(source).append(": ").append(total).append(total == 1 ? " problem" : " problems")
        .append(", no case was run");
    for (Problem p : problems) {
      sb.append("\n  ").append(shortName).append(':').append(p.line()).append(": ");
      if (p.field() != null) {
        sb.append(p.field()).append(": ");
      }
      sb.append(p.message());
    }
    if (total > problems.size()) {
      sb.append("\n  … and ").append(total - problems.size()).append(" more");
    }
    return sb.toString();
  }
}
