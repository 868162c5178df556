package dev.outreach.rules;

import dev.outreach.rules.spi.DecisionTableReader;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decision tables through a {@link DecisionTableReader} (Drools' own spreadsheet compiler, in the
 * {@code outreach-decisiontables} artifact), turned into DRL before compiling so that errors can be
 * traced back to the spreadsheet cell a rule came from.
 */
final class DecisionTables {
  /** The artifact that reads decision tables. */
  static final String ARTIFACT = "dev.outreach:outreach-decisiontables";

  private static final Pattern ROW_MARKER = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");

  private DecisionTables() {}

  /** Thrown when no {@link DecisionTableReader} is on the class path. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing() {
      super(
          "reading a decision table needs the artifact "
              + ARTIFACT
              + " (Drools' spreadsheet support, with"
              + " Apache POI) on the class path; add it, or write these rules in DRL");
    }
  }

  /** The DRL Drools generates for a table source. */
  static String toDrl(RuleSource table) {
    DecisionTableReader reader =
        ServiceLoader.load(DecisionTableReader.class, DecisionTables.class.getClassLoader())
            .findFirst()
            .orElseThrow(Missing::new);
    return reader.toDrl(table.content(), table.kind() == RuleSource.Kind.CSV_TABLE);
  }

  /**
   * The cell (e.g. {@code A10}) whose row made the rule at {@code line} of the generated DRL, or
   * null.
   */
  static Cell cellOf(String generatedDrl, int line) {
    String[] lines = generatedDrl.split("\\R", -1);
    for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      Matcher m = ROW_MARKER.matcher(lines[i].strip());
      if (m.find()) {
        return new Cell(m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    return null;
  }

  /** A spreadsheet cell: column letters and 1-based row. */
  record Cell(String column, int row) {
    int columnNumber() {
      int n = 0;
      for (char ch : column.toCharArray()) {
        n = n * 26 + (ch - 'A' + 1);
      }
      return n;
    }

    @Override
    public String toString() {
      return column + row;
    }
  }
}
