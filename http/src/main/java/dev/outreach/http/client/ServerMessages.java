package dev.outreach.http.client;

import dev.outreach.core.internal.Phones;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a server's message safe to keep in outcomes, journals and reports: phone numbers masked,
 * the token (should a server echo it) removed, control characters dropped, at most {@value #MAX}
 * characters.
 */
final class ServerMessages {
  static final int MAX = 500;

  /**
   * 10 to 15 digits, optionally with a leading + and single spaces or dashes between them, not part
   * of a longer word (so {@code LOAN-2025-00123} stays as it is).
   */
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w-])\\+?\\d(?:[ -]?\\d){9,14}(?![\\w])");

  private final String token;

  ServerMessages(String token) {
    this.token = token;
  }

  String clean(String raw) {
    String s = token.isEmpty() ? raw : raw.replace(token, "****");
    Matcher m = PHONE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(Phones.mask(m.group())));
    }
    m.appendTail(sb);
    String out = sb.toString().replaceAll("\\p{Cntrl}", " ");
    return out.length() <= MAX ? out : out.substring(0, MAX) + "…";
  }
}
