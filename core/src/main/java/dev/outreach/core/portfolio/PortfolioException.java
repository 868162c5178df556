package dev.outreach.core.portfolio;

import java.util.List;

/**
 * A portfolio file could not be read. The message lists every problem found (up to a cap), each
 * with the file, line and column or field, so a whole file can be fixed in one pass.
 */
public final class PortfolioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Problems found in {@code source}, in its order: the first ones (a report lists them) of {@code
   * total}.
   */
  public PortfolioException(String source, List<Problem> problems, int total) {
    super(report(source, problems, total, "nothing was read"));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Problems in a file as Outreach reports them: a first line with the count and {@code outcome}
   * (e.g. "nothing was read"), then one line per problem, {@code file:line: field: message}.
   *
   * @param total how many problems there were in all; more than listed adds "… and N more"
   */
  public static String report(String file, List<Problem> problems, int total, String outcome) {
    StringBuilder sb = new StringBuilder();
    sb.append(file)
        .append(": ")
        .append(total)
        .append(total == 1 ? " problem" : " problems")
        .append(", ")
        .append(outcome);
    for (Problem p : problems) {
      sb.append("\n  ").append(shortName(file)).append(':').append(p.line()).append(": ");
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

  private static String shortName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(slash + 1);
  }

  /**
   * One problem.
   *
   * @param line the 1-based line in the file
   * @param field the column or field name, or {@code null} when the problem is the whole line
   */
  public record Problem(long line, String field, String message) implements java.io.Serializable {}
}
