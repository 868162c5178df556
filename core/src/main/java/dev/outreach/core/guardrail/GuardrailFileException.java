package dev.outreach.core.guardrail;

import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.List;

/**
 * A guardrail file (a policy, its do-not-contact list, a contact history) could not be read. The
 * message lists every problem found (up to a cap) as portfolio problems are listed, {@code
 * file:line: key: message}, so a whole file can be fixed in one pass. Nothing of the file is used.
 */
public final class GuardrailFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final transient List<Problem> problems;

  GuardrailFileException(String file, List<Problem> problems, int total, String outcome) {
    super(PortfolioException.report(file, problems, total, outcome));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** The file, as it was named. */
  public String file() {
    return file;
  }

  /**
   * The problems in file order. {@link Problem#field()} is the column of a CSV file, or the key
   * path in a policy file (e.g. {@code hours.CALL.from}, {@code caps[0].max}).
   */
  public List<Problem> problems() {
    return problems;
  }
}
