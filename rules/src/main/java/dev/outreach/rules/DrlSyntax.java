package dev.outreach.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says the DRL parser's messages ({@code [ERR 102] Line 4:39 mismatched input 'end' in rule "x"})
 * in plain words ({@code syntax error in rule "x": unexpected "end"}), and reads the column they
 * give.
 */
final class DrlSyntax {
  private static final Pattern ERR =
      Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)$", Pattern.DOTALL);
  private static final Pattern IN_RULE =
      Pattern.compile("\\s+in\\s+(?:pattern\\s+)?rule(?:\\s+\"([^\"]*)\"|\\s+(\\S+))?\\s*$");
  private static final Pattern MISMATCHED =
      Pattern.compile("^mismatched input '(.*?)'(?: expecting (.*))?$", Pattern.DOTALL);
  private static final Pattern NO_VIABLE =
      Pattern.compile("^no viable alternative at input '(.*?)'$", Pattern.DOTALL);
  private static final Pattern EXTRANEOUS =
      Pattern.compile("^extraneous input '(.*?)' expecting (.*)$", Pattern.DOTALL);
  private static final Pattern MISSING =
      Pattern.compile("^missing (.*?) at '(.*?)'$", Pattern.DOTALL);
  private static final Pattern TOKENS =
      Pattern.compile("one of the following tokens: '\\[(.*)\\]'\\.?");
  private static final Pattern CONSEQUENCE =
      Pattern.compile("^Rule Compilation error (Syntax error.*)$", Pattern.DOTALL);

  private DrlSyntax() {}

  /** The 1-based column a parser message gives, or 0. */
  static int column(String text) {
    Matcher m = ERR.matcher(text.strip());
    return m.matches() ? Integer.parseInt(m.group(2)) + 1 : 0;
  }

  /** {@code text} in plain words when it is a syntax error, else {@code null}. */
  static String explain(String text) {
    String t = text.strip();
    Matcher c = CONSEQUENCE.matcher(t);
    if (c.matches()) {
      return "the rule's consequence (then ... end) is not valid Java: "
          + String.join("; ", c.group(1).split("\\s*\\R\\s*"));
    }
    Matcher m = ERR.matcher(t);
    if (!m.matches()) {
      return null;
    }
    String body = m.group(3).strip();
    String where = "";
    boolean inRule = false;
    Matcher r = IN_RULE.matcher(body);
    if (r.find()) {
      inRule = true;
      String name = r.group(1) != null ? r.group(1) : r.group(2);
      where = name == null ? "" : " in rule \"" + name + "\"";
      body = body.substring(0, r.start());
    }
    return "syntax error" + where + ": " + detail(body, inRule, where.isEmpty() && inRule);
  }

  private static String detail(String body, boolean inRule, boolean unnamed) {
    Matcher m = MISMATCHED.matcher(body);
    if (m.matches()) {
      String token = m.group(1);
      String expected = expected(m.group(2));
      if (token.isEmpty() || token.equals("<eof>")) {
        return "the file ends before "
            + (inRule ? "the rule" : "the statement")
            + " is complete (a missing \"end\","
            + " closing bracket or closing quote?)";
      }
      if (unnamed && token.equals("when")) {
        return "the rule has no name: write rule \"A name\" before \"when\"";
      }
      if (token.equals("then")) {
        return "unexpected \"then\": the condition before it is not complete (a missing \")\"?)";
      }
      if (token.equals("=")) {
        return "unexpected \"=\": compare with \"==\"";
      }
      return "unexpected " + quoted(token) + expected;
    }
    m = NO_VIABLE.matcher(body);
    if (m.matches()) {
      return "cannot read "
          + quoted(m.group(1))
          + " here (a missing or extra bracket, comma or quote near it?)";
    }
    m = EXTRANEOUS.matcher(body);
    if (m.matches()) {
      return "unexpected " + quoted(m.group(1)) + expected(m.group(2));
    }
    m = MISSING.matcher(body);
    if (m.matches()) {
      return m.group(1) + " is missing before " + quoted(m.group(2));
    }
    return body;
  }

  private static String expected(String expecting) {
    if (expecting == null || expecting.isBlank()) {
      return "";
    }
    Matcher t = TOKENS.matcher(expecting);
    return " (expected " + (t.find() ? "one of " + t.group(1) : expecting.strip()) + ")";
  }

  private static String quoted(String token) {
    return token.startsWith("\"") ? token : "\"" + token + "\"";
  }
}
