package dev.outreach.rules;

/**
 * One compile error or warning in a DRL file.
 *
 * @param file the {@link RuleSource#name()} the problem is in
 * @param line 1-based, or 0 when Drools gave none
 * @param column 1-based, or 0 when Drools gave none
 */
public record RuleProblem(String file, int line, int column, boolean error, String message) {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(error ? "error: " : "warning: ").append(message).toString();
  }
}
