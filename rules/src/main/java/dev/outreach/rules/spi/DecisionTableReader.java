package dev.outreach.rules.spi;

/**
 * Turns a decision table into DRL. {@link dev.outreach.rules.RuleSet} finds the implementation with
 * {@link java.util.ServiceLoader}: the artifact {@code dev.outreach:outreach-decisiontables}
 * provides one (Drools' spreadsheet support, which brings Apache POI), so a DRL-only application
 * does not carry POI. Without one, a decision table is refused with a message naming that artifact.
 */
public interface DecisionTableReader {
  /**
   * The DRL for a table, with a {@code // rule values at A10} comment before each rule (as Drools'
   * {@code SpreadsheetCompiler} writes), so problems can be traced back to the row they came from.
   *
   * @param content the file's bytes
   * @param csv true for a CSV table, false for a spreadsheet ({@code .xls}, {@code .xlsx})
   * @throws RuntimeException when the table cannot be read
   */
  String toDrl(byte[] content, boolean csv);
}
