package dev.outreach.core;

/** Masks phone numbers for reports and logs: only the country prefix and the last four digits show. */
public final class Phones {
  private Phones() {}

  /**
   * Masks {@code phone}, e.g. {@code +919876543210} becomes {@code +91******3210}. Returns {@code ""}
   * for {@code null}; a number of six characters or fewer is masked entirely.
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
