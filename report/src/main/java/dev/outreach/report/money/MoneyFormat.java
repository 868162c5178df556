package dev.outreach.report.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How amounts are written: a currency symbol (or none) and digit grouping, Indian ({@code
 * 12,34,56,789}, words {@code lakh} and {@code crore}) or plain ({@code 123,456,789}, words {@code
 * million} and {@code billion}). Amounts are rounded half-up to whole units when written; digits
 * are ASCII and separators commas whatever the JVM's locale.
 *
 * <pre>{@code
 * MoneyFormat.of("INR").format(new BigDecimal("24123456.50")); // ₹2,41,23,457
 * MoneyFormat.of("INR").words(new BigDecimal("24123456.50"));  // ₹2.4 crore
 * }</pre>
 */
public final class MoneyFormat {
  /** How digits are grouped. */
  public enum Grouping {
    /** Thousands, then pairs: {@code 12,34,56,789}; large amounts in lakh and crore. */
    INDIAN,
    /** Thousands: {@code 123,456,789}; large amounts in million and billion. */
    PLAIN
  }

  private static final BigDecimal LAKH = new BigDecimal(100_000);
  private static final BigDecimal CRORE = new BigDecimal(10_000_000);
  private static final BigDecimal MILLION = new BigDecimal(1_000_000);
  private static final BigDecimal BILLION = new BigDecimal(1_000_000_000);
  private static final Set<String> ZONES_IN_INDIA = Set.of("Asia/Kolkata", "Asia/Calcutta");

  private final String code;
  private final String symbol;
  private final Grouping grouping;

  private MoneyFormat(String code, String symbol, Grouping grouping) {
    this.code = code;
    this.symbol = symbol;
    this.grouping = grouping;
  }

  /** Rupees: {@code ₹}, Indian grouping. */
  public static MoneyFormat inr() {
    return new MoneyFormat("INR", "\u20b9", Grouping.INDIAN);
  }

  /** No currency: plain grouping, no symbol. */
  public static MoneyFormat none() {
    return new MoneyFormat("", "", Grouping.PLAIN);
  }

  /**
   * The format {@code spec} names: {@code INR} (₹, Indian grouping), {@code USD} ($), {@code EUR}
   * (€), {@code GBP} (£), {@code none} (no symbol), or any other ISO 4217 code (written before the
   * amount, e.g. {@code JPY 1,234}); any case.
   *
   * @throws IllegalArgumentException when {@code spec} is none of these
   */
  public static MoneyFormat of(String spec) {
    Objects.requireNonNull(spec, "spec == null");
    String s = spec.strip().toUpperCase(Locale.ROOT);
    switch (s) {
      case "INR":
        return inr();
      case "NONE":
        return none();
      case "USD":
        return new MoneyFormat("USD", "$", Grouping.PLAIN);
      case "EUR":
        return new MoneyFormat("EUR", "\u20ac", Grouping.PLAIN);
      case "GBP":
        return new MoneyFormat("GBP", "\u00a3", Grouping.PLAIN);
      default:
        if (s.matches("[A-Z]{3}")) {
          try {
            Currency.getInstance(s);
            return new MoneyFormat(s, s + " ", Grouping.PLAIN);
          } catch (IllegalArgumentException e) {
            // not ISO 4217: refused below
          }
        }
        throw new IllegalArgumentException(
            "'"
                + spec
                + "' is not a currency: use INR, USD, EUR, GBP, none, or another ISO 4217 code"
                + " such as JPY");
    }
  }

  /**
   * The default for a plan in {@code zone}: rupees for India ({@code Asia/Kolkata}), else no
   * currency and plain grouping.
   */
  public static MoneyFormat forZone(ZoneId zone) {
    return zone != null && ZONES_IN_INDIA.contains(zone.getId()) ? inr() : none();
  }

  /**
   * The default for a portfolio planned in {@code zone}: the currency its {@code currency} column
   * names, when every customer that has one names the same (e.g. {@code INR}); else {@link
   * #forZone}.
   */
  public static MoneyFormat forData(
      ZoneId zone, java.util.List<dev.outreach.core.Customer> customers) {
    String named = null;
    for (dev.outreach.core.Customer c : customers) {
      Object v = c.attribute("currency");
      if (v == null) {
        continue;
      }
      String code = v.toString().strip().toUpperCase(Locale.ROOT);
      if (named != null && !named.equals(code)) {
        return forZone(zone);
      }
      named = code;
    }
    if (named != null) {
      try {
        return of(named);
      } catch (IllegalArgumentException e) {
        return forZone(zone);
      }
    }
    return forZone(zone);
  }

  /** The ISO code, e.g. {@code INR}; empty for no currency. */
  public String code() {
    return code;
  }

  /** The symbol written before amounts, e.g. {@code ₹}; empty for no currency. */
  public String symbol() {
    return symbol;
  }

  /** How digits are grouped. */
  public Grouping grouping() {
    return grouping;
  }

  /** {@code amount} rounded half-up to whole units, as sums are written. */
  public static BigDecimal round(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP);
  }

  /** {@code amount} rounded half-up to whole units and grouped: {@code ₹12,34,568}, {@code -₹5}. */
  public String format(BigDecimal amount) {
    BigDecimal r = round(amount);
    String digits = r.abs().toPlainString();
    return (r.signum() < 0 ? "-" : "") + symbol + group(digits);
  }

  /**
   * {@code amount} in words for a glance: {@code ₹2.4 crore}, {@code ₹3.5 lakh}, {@code 1.2
   * million}, one decimal rounded half-up; amounts below a lakh (or a million) as {@link #format}.
   */
  public String words(BigDecimal amount) {
    BigDecimal a = amount.abs();
    String sign = amount.signum() < 0 ? "-" : "";
    BigDecimal unit;
    String word;
    if (grouping == Grouping.INDIAN) {
      if (a.compareTo(CRORE) >= 0) {
        unit = CRORE;
        word = "crore";
      } else if (a.compareTo(LAKH) >= 0) {
        unit = LAKH;
        word = "lakh";
      } else {
        return format(amount);
      }
    } else if (a.compareTo(BILLION) >= 0) {
      unit = BILLION;
      word = "billion";
    } else if (a.compareTo(MILLION) >= 0) {
      unit = MILLION;
      word = "million";
    } else {
      return format(amount);
    }
    BigDecimal n = a.divide(unit, 1, RoundingMode.HALF_UP);
    String text =
        n.stripTrailingZeros().scale() <= 0 ? n.setScale(0).toPlainString() : n.toPlainString();
    // Above 999 crore the count itself needs grouping: ₹1,234.5 crore.
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String rest = dot < 0 ? "" : text.substring(dot);
    return sign + symbol + group(whole) + rest + " " + word;
  }

  private String group(String digits) {
    int n = digits.length();
    if (n <= 3) {
      return digits;
    }
    StringBuilder sb = new StringBuilder(n + n / 2);
    String head = digits.substring(0, n - 3);
    int step = grouping == Grouping.INDIAN ? 2 : 3;
    int first = head.length() % step == 0 ? step : head.length() % step;
    sb.append(head, 0, first);
    for (int i = first; i < head.length(); i += step) {
      sb.append(',').append(head, i, i + step);
    }
    return sb.append(',').append(digits, n - 3, n).toString();
  }

  @Override
  public String toString() {
    return code.isEmpty() ? "none" : code;
  }
}
