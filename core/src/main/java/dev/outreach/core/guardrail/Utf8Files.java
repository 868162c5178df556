package dev.outreach.core.guardrail;

import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import dev.outreach.core.portfolio.PortfolioReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Names the first byte of a guardrail file (policy, history, do-not-contact list) that is not
 * UTF-8.
 */
final class Utf8Files {
  private Utf8Files() {}

  /**
   * Where {@code file}, which failed to decode, first stops being UTF-8 (its line, column and
   * byte).
   */
  static List<Problem> notUtf8(Path file) throws IOException {
    try {
      PortfolioReader.checkUtf8(file);
      return List.of(new Problem(1, null, "the file is not UTF-8; re-save it as UTF-8"));
    } catch (PortfolioException e) {
      return e.problems();
    }
  }

  /**
   * Adds to {@code problems} where {@code file}, which failed to decode, first stops being UTF-8.
   */
  static void notUtf8(Path file, FileProblems problems) throws IOException {
    for (Problem p : notUtf8(file)) {
      problems.add(p.line(), p.field(), p.message());
    }
  }
}
