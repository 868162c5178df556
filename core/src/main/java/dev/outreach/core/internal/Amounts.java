package dev.outreach.core.internal;

import java.math.BigDecimal;

/** Amounts of money as Outreach reads them from any file, with the messages it gives. */
public final class Amounts {
  private Amounts() {}

  /** The most digits an amount may have before its decimal point. */
  public static final int MAX_WHOLE_DIGITS = 15;

  /** The most decimal places an amount may have (trailing zeros aside). */
  public static final int MAX_DECIMALS = 4;

  /** Longer text is not parsed as a number: no amount needs it, and parsing it would be slow. */
  public static final int MAX_NUMBER_LENGTH = 40;

  /** {@code s} as a number, or an error saying it is not one. */
  public static BigDecimal decimal(String s) {
    try {
      if (s.length() > MAX_NUMBER_LENGTH) {
        throw new NumberFormatException();
      }
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(quote(s) + " is not a number (expected e.g. 12500.50)");
    }
  }

  /**
   * An amount: a plain number, zero or more, below 10^{@value #MAX_WHOLE_DIGITS} and with at most
   * {@value #MAX_DECIMALS} decimal places (so {@code -5}, {@code NaN}, {@code Infinity}, {@code
   * 1e400} and {@code 0.000000001} are refused).
   */
  public static BigDecimal amount(String s) {
    BigDecimal d = decimal(s);
    if (d.signum() < 0) {
      throw new IllegalArgumentException(quote(s) + " is negative; amounts are zero or more");
    }
    if (d.precision() - d.scale() > MAX_WHOLE_DIGITS) {
      throw new IllegalArgumentException(
          quote(s)
              + " is too large for an amount (at most "
              + MAX_WHOLE_DIGITS
              + " digits before the decimal point)");
    }
    if (d.scale() > MAX_DECIMALS
        && d.signum() != 0
        && d.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          quote(s)
              + " has more than "
              + MAX_DECIMALS
              + " decimal places; round it (e.g. 12500.50)");
    }
    return d;
  }

  private static String quote(String s) {
    return s.length() <= 40
        ? "\"" + s + "\""
        : "\"" + s.substring(0, 30) + "…\" (" + s.length() + " characters)";
  }
}
