package dev.outreach.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says Drools' messages (compiler errors, and exceptions thrown while rules run) in a rule author's
 * words, keeping the original detail.
 */
final class DroolsMessages {
  private DroolsMessages() {}

  private static final Pattern NEAR =
      Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}\\]");
  private static final Pattern EXPRESSION =
      Pattern.compile("Unable to Analyse Expression (.+?):\\s*$", Pattern.MULTILINE);
  private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");

  /**
   * A compiler message as a {@link RuleProblem}: in the user's file, at the most precise line and
   * column the text allows (Drools reports errors in a consequence at the rule's first line), in
   * plain words.
   */
  static RuleProblem problem(org.kie.api.builder.Message m, Sources sources, String onlyFile) {
    String text = sources.rewrite(m.getText());
    String file = sources.userName(m.getPath());
    if (file == null) {
      file = onlyFile;
    }
    int line = Math.max(0, m.getLine());
    int column = Math.max(0, m.getColumn());
    if (column == 0) {
      column = DrlSyntax.column(text);
    }
    Sources.Location at = null;
    Matcher method = METHOD.matcher(text);
    if (method.find() && file != null) {
      at = sources.find(file, line, "." + method.group(1) + "(");
    }
    if (at == null && (file == null || line == 0)) {
      Matcher near = NEAR.matcher(text);
      Matcher expr = EXPRESSION.matcher(text);
      String snippet =
          near.find() ? near.group(1).strip() : expr.find() ? expr.group(1).strip() : null;
      at = sources.find(file, 0, snippet);
    }
    if (at != null) {
      file = at.file();
      line = at.line();
      column = at.column();
    }
    String said = explain(text);
    DecisionTables.Cell cell = file == null ? null : sources.cell(file, line);
    if (cell != null) {
      // A decision table: point at the row the rule came from, not at the DRL Drools generated.
      line = cell.row();
      column = cell.columnNumber();
      said = "row " + cell.row() + " (the rule made from cell " + cell + "): " + said;
    }
    return new RuleProblem(
        file == null ? "(rules)" : file,
        line,
        column,
        m.getLevel() == org.kie.api.builder.Message.Level.ERROR,
        said);
  }

  /** A failure while rules ran, located in the user's files where the text allows. */
  static String runtime(Throwable e, Sources sources) {
    StringBuilder sb = new StringBuilder(sources.rewrite(e.getMessage()).strip());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root.getMessage() != null && !sb.toString().contains(root.getMessage())) {
        sb.append(": ").append(sources.rewrite(root.getMessage()).strip());
        break;
      }
    }
    String text = sb.toString();
    Matcher unc = UNCOMPARABLE.matcher(text);
    if (unc.find()) {
      text =
          unc.replaceFirst(
              Matcher.quoteReplacement(
                  "cannot compare "
                      + unc.group(1)
                      + " with "
                      + unc.group(2)
                      + " (a text value where a number is expected?)"));
    }
    Matcher near = NEAR.matcher(text);
    if (near.find()) {
      Sources.Location at = sources.find(null, 0, near.group(1).strip());
      String what =
          text.startsWith("[Error: ")
              ? text.substring(8, Math.max(8, text.indexOf(']')))
              : firstLine(text);
      return (at != null ? at + ": " : "")
          + "cannot evaluate "
          + near.group(1).strip()
          + ": "
          + what;
    }
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern UNKNOWN_CALL =
      Pattern.compile(
          "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(([^)]+)\\)");
  private static final Pattern UNCOMPARABLE =
      Pattern.compile("uncomparable values <<(.*?)>> and <<(.*?)>>");
  private static final Pattern UNKNOWN_METHOD =
      Pattern.compile("The method (\\w+\\([^)]*\\)) is undefined for the type (\\w+)");

  static String explain(String drools) {
    String text = drools.strip();
    String syntax = DrlSyntax.explain(text);
    if (syntax != null) {
      return syntax;
    }
    Matcher m = UNKNOWN_FIELD.matcher(text);
    if (m.find()) {
      String type = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
      return "unknown field \""
          + m.group(2)
          + "\" on "
          + type
          + hint(type)
          + " ("
          + firstLine(text)
          + ")";
    }
    m = UNKNOWN_CALL.matcher(text);
    if (m.find()) {
      String type = simple(m.group(1));
      String args =
          java.util.Arrays.stream(m.group(3).split(","))
              .map(a -> simple(a.strip()))
              .collect(java.util.stream.Collectors.joining(", "));
      return "unknown method " + m.group(2) + "(" + args + ") on " + type + hint(type);
    }
    m = UNKNOWN_METHOD.matcher(text);
    if (m.find()) {
      return "unknown method " + m.group(1) + " on " + m.group(2) + hint(m.group(2));
    }
    return firstLines(text);
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String hint(String type) {
    switch (type) {
      case "Customer":
        return "; Customer has loanId, firstName, lastName, phoneNumber, loanAmount, emiAmount, loanPeriod,"
            + " currentEmi, emiDueDate, paymentStatus, language, leadId, leadDate and custom[\"name\"]";
      case "Decision":
        return "; Decision has call/sms/whatsapp/suppress, agent, disposition, template, conversation,"
            + " on, at, window and priority";
      case "Today":
        return "; Today has date(), zone(), daysUntil(date) and daysSince(date)";
      default:
        return "";
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl).strip();
  }

  private static String firstLines(String text) {
    String[] lines = text.split("\\R");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(3, lines.length); i++) {
      if (!lines[i].isBlank()) {
        sb.append(sb.length() == 0 ? "" : " ").append(lines[i].strip());
      }
    }
    return sb.toString();
  }
}
