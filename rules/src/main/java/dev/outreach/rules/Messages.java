package dev.outreach.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says Drools' compiler messages in a rule author's words, keeping the original detail. */
final class Messages {
  private Messages() {}

  private static final Pattern UNKNOWN_FIELD = Pattern.compile(
      "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern UNKNOWN_METHOD = Pattern.compile(
      "The method (\\w+\\([^)]*\\)) is undefined for the type (\\w+)");

  static String explain(String drools) {
    String text = drools.strip();
    Matcher m = UNKNOWN_FIELD.matcher(text);
    if (m.find()) {
      String type = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
      return "unknown field \"" + m.group(2) + "\" on " + type + hint(type) + " (" + firstLine(text) + ")";
    }
    m = UNKNOWN_METHOD.matcher(text);
    if (m.find()) {
      return "unknown method " + m.group(1) + " on " + m.group(2) + hint(m.group(2));
    }
    return firstLines(text);
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
