package dev.outreach.core.internal;

/**
 * Phone numbers: what Outreach accepts as one, and masking for reports and logs (only the country
 * prefix and the last four digits show).
 */
public final class Phones {
  /** The fewest digits a phone number may have. */
  public static final int MIN_DIGITS = 8;

  /** The most digits a phone number may have (E.164's limit). */
  public static final int MAX_DIGITS = 15;

  private Phones() {}

  /**
   * Whether {@code phone} is a phone number: an optional leading {@code +}, then {@value
   * #MIN_DIGITS} to {@value #MAX_DIGITS} digits, which may be grouped by spaces, dashes, dots or
   * brackets ({@code +91 98765-43210}, {@code (212) 555-0100}). Surrounding white space is ignored.
   */
  public static boolean isValid(String phone) {
    if (phone == null) {
      return false;
    }
    String p = phone.strip();
    int digits = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '+' ? i != 0 : c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return false;
      }
    }
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
  }

  /**
   * 10 to 15 digits, optionally with a leading + and single spaces or dashes between them, not part
   * of a longer word (so {@code LOAN-2025-00123} stays as it is).
   */
  private static final java.util.regex.Pattern IN_TEXT =
      java.util.regex.Pattern.compile("(?<![\\w-])\\+?\\d(?:[ -]?\\d){9,14}(?![\\w])");

  /** {@code text} with every phone number in it masked, for quoting input in an error message. */
  public static String maskAll(String text) {
    java.util.regex.Matcher m = IN_TEXT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(mask(m.group())));
    }
    return m.appendTail(sb).toString();
  }

  /** Why {@code phone} is not a phone number, with it masked; for error messages. */
  public static String invalid(String phone) {
    String shown = phone.length() > 40 ? mask(phone.substring(0, 40)) + "…" : mask(phone);
    return "\""
        + shown
        + "\" is not a phone number (expected an optional + and "
        + MIN_DIGITS
        + " to "
        + MAX_DIGITS
        + " digits, e.g. +919812345678; spaces, dashes, dots and brackets may group them)";
  }

  /**
   * Masks {@code phone}, e.g. {@code +919876543210} becomes {@code +91******3210}. Returns {@code
   * ""} for {@code null}; a number of six characters or fewer is masked entirely.
   */
  public static String mask(String phone) {
    if (phone == null) {
      return "";
    }
    int n = phone.length();
    if (n <= 6) {
      return "*".repeat(n);
    }
    int keepStart = phone.startsWith("+") ? 3 : 0;
    StringBuilder sb = new StringBuilder(n);
    sb.append(phone, 0, keepStart);
    for (int i = keepStart; i < n - 4; i++) {
      sb.append(Character.isDigit(phone.charAt(i)) ? '*' : phone.charAt(i));
    }
    return sb.append(phone, n - 4, n).toString();
  }
}
