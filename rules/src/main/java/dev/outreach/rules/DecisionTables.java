package dev.outreach.rules;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables through Drools' own {@link SpreadsheetCompiler}, turned into DRL before compiling so
 * that errors can be traced back to the spreadsheet cell a rule came from.
 */
final class DecisionTables {
  private static final Pattern ROW_MARKER = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");

  private DecisionTables() {}

  /** The DRL Drools generates for a table source. */
  static String toDrl(RuleSource table) {
    InputType type = table.kind() == RuleSource.Kind.CSV_TABLE ? InputType.CSV : InputType.XLS;
    return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), type);
  }

  /** The cell (e.g. {@code A10}) whose row made the rule at {@code line} of the generated DRL, or null. */
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
