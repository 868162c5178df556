package dev.outreach.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds DRL code that would end the whole program ({@code System.exit}, {@code
 * Runtime.getRuntime().exit} or {@code .halt}) so that compiling refuses it, naming file, line,
 * column and rule. Comments and string literals are ignored. A rule can still reach {@code exit}
 * another way (reflection, a helper class): {@link ExitGuard} makes that fail loudly.
 */
final class ProgramExits {
  private static final Pattern EXIT = Pattern.compile("\\bSystem\\s*\\.\\s*exit\\b");
  private static final Pattern RUNTIME = Pattern.compile("\\bRuntime\\s*\\.\\s*getRuntime\\b");
  private static final Pattern BLOCK = Pattern.compile("(?m)^[ \\t]*(rule|function|query)\\b");
  private static final Pattern RULE = Pattern.compile("rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
  private static final Pattern FUNCTION =
      Pattern.compile("function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");
  private static final Pattern QUERY = Pattern.compile("query\\s+(?:\"([^\"]*)\"|(\\S+))");

  private ProgramExits() {}

  /** Each place in {@code drl} that would end the program, as an error in {@code file}. */
  static List<RuleProblem> find(String file, String drl) {
    String code = blank(drl);
    List<RuleProblem> out = new ArrayList<>();
    for (Pattern p : List.of(EXIT, RUNTIME)) {
      Matcher m = p.matcher(code);
      while (m.find()) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
          if (code.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        String call =
            p == EXIT ? "calls System.exit" : "uses Runtime.getRuntime() (which can exit or halt)";
        out.add(
            new RuleProblem(
                file,
                line,
                m.start() - lineStart + 1,
                true,
                where(code, drl, m.start())
                    + " "
                    + call
                    + ", which would end the whole program: rules may only decide (insert decisions), never stop the"
                    + " program; remove the call"));
      }
    }
    return out;
  }

  /**
   * {@code rule "NAME"}, {@code function NAME} or {@code query "NAME"} around {@code at}, else "the
   * file".
   */
  private static String where(String code, String drl, int at) {
    Matcher b = BLOCK.matcher(code);
    int start = -1;
    while (b.find() && b.start(1) < at) {
      start = b.start(1);
    }
    if (start < 0) {
      return "the file";
    }
    String head =
        drl.substring(
            start,
            Math.min(
                drl.length(),
                drl.indexOf('\n', start) < 0 ? drl.length() : drl.indexOf('\n', start)));
    Matcher m = RULE.matcher(head);
    if (m.lookingAt()) {
      return "rule \""
          + (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
          + "\"";
    }
    m = FUNCTION.matcher(head);
    if (m.lookingAt()) {
      return "function " + m.group(1);
    }
    m = QUERY.matcher(head);
    return m.lookingAt()
        ? "query \"" + (m.group(1) != null ? m.group(1) : m.group(2)) + "\""
        : "the file";
  }

  /**
   * {@code drl} with comments and the insides of string and character literals blanked, lines kept.
   */
  static String blank(String drl) {
    StringBuilder sb = new StringBuilder(drl.length());
    int i = 0;
    int n = drl.length();
    while (i < n) {
      char c = drl.charAt(i);
      char next = i + 1 < n ? drl.charAt(i + 1) : 0;
      if (c == '/' && next == '/') {
        while (i < n && drl.charAt(i) != '\n') {
          sb.append(' ');
          i++;
        }
      } else if (c == '/' && next == '*') {
        int end = drl.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (; i < end; i++) {
          sb.append(drl.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else if (c == '"' || c == '\'') {
        sb.append(c);
        i++;
        while (i < n && drl.charAt(i) != c && drl.charAt(i) != '\n') {
          if (drl.charAt(i) == '\\' && i + 1 < n && drl.charAt(i + 1) != '\n') {
            sb.append(' ');
            i++;
          }
          sb.append(' ');
          i++;
        }
        if (i < n && drl.charAt(i) == c) {
          sb.append(c);
          i++;
        }
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }
}
