package dev.outreach.spark;

import dev.outreach.core.portfolio.CustomerRows;
import dev.outreach.core.portfolio.PortfolioException;
import java.util.List;

/**
 * Reads a source's rows as customers: by column, as the portfolio files' conventions name them, or,
 * for JSON lines, one line of text per row, parsed as {@code outreach plan} parses the file (so a
 * JSON string stays text and a JSON number is a number, which Spark's own JSON reader cannot tell
 * apart once it has one type per column).
 */
final class SourceRows {
  /** The one column of a JSON lines source read as text: each row is one line. */
  static final String JSON_LINE = "__outreach_json_line__";

  private final CustomerRows cells; // null for JSON lines

  private SourceRows(CustomerRows cells) {
    this.cells = cells;
  }

  /**
   * Rows of {@code columns}.
   *
   * @throws PortfolioException if a name is empty or repeated, or there is no {@code loan_id}
   */
  static SourceRows of(String source, List<String> columns) throws PortfolioException {
    return new SourceRows(jsonLines(columns) ? null : CustomerRows.of(source, columns));
  }

  static boolean jsonLines(List<String> columns) {
    return columns.size() == 1 && columns.get(0).equals(JSON_LINE);
  }

  /**
   * The customer of one row; a blank JSON line holds none (no loan id, no customer, no problems).
   *
   * @param line the row's number, given to its problems (0 when rows have none)
   * @param first whether the row is the source's first, whose byte order mark is no problem
   */
  CustomerRows.Result read(long line, String[] row, boolean first) {
    return cells == null ? CustomerRows.jsonLine(line, row[0], first) : cells.read(line, row);
  }
}
