package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.Amounts;
import dev.outreach.core.internal.Phones;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The API's record fields by their wire name ({@code loan_id}, {@code emi_due_date}, …), each with
 * its parser. Any other column is a custom attribute.
 */
final class Fields {
  private Fields() {}

  static final String LOAN_ID = "loan_id";

  /**
   * Parses a record field's (stripped, checked) text, or throws {@link IllegalArgumentException}
   * saying why not.
   */
  private static final Map<String, Function<String, Object>> PARSERS =
      Map.ofEntries(
          Map.entry("first_name", s -> s),
          Map.entry("last_name", s -> s),
          Map.entry("phone_number", Fields::phone),
          Map.entry("loan_amount", Fields::amount),
          Map.entry("emi_amount", Fields::amount),
          Map.entry("loan_period", Fields::whole),
          Map.entry("current_emi", Fields::amount),
          Map.entry("emi_due_date", Fields::date),
          Map.entry("payment_status", s -> s),
          Map.entry("language", s -> s),
          Map.entry("lead_id", s -> s),
          Map.entry("lead_date", Fields::date));

  /** Sets a record field's parsed value on a builder. */
  private static final Map<String, BiConsumer<Customer.Builder, Object>> SETTERS =
      Map.ofEntries(
          Map.entry("first_name", (b, v) -> b.firstName((String) v)),
          Map.entry("last_name", (b, v) -> b.lastName((String) v)),
          Map.entry("phone_number", (b, v) -> b.phoneNumber((String) v)),
          Map.entry("loan_amount", (b, v) -> b.loanAmount((BigDecimal) v)),
          Map.entry("emi_amount", (b, v) -> b.emiAmount((BigDecimal) v)),
          Map.entry("loan_period", (b, v) -> b.loanPeriod((Integer) v)),
          Map.entry("current_emi", (b, v) -> b.currentEmi((BigDecimal) v)),
          Map.entry("emi_due_date", (b, v) -> b.emiDueDate((LocalDate) v)),
          Map.entry("payment_status", (b, v) -> b.paymentStatus((String) v)),
          Map.entry("language", (b, v) -> b.language((String) v)),
          Map.entry("lead_id", (b, v) -> b.leadId((String) v)),
          Map.entry("lead_date", (b, v) -> b.leadDate((LocalDate) v)));

  /**
   * The wire name for a column header: record fields also match in camelCase ({@code emiDueDate}).
   */
  static String canonical(String header) {
    String h = header.replace("\uFEFF", "").strip();
    String snake = h.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return snake.equals(LOAN_ID) || SETTERS.containsKey(snake) ? snake : h;
  }

  static boolean isRecordField(String name) {
    return name.equals(LOAN_ID) || SETTERS.containsKey(name);
  }

  /** Sets record field {@code name} (a wire name other than loan_id) from {@code text}. */
  static void set(Customer.Builder b, String name, String text) {
    assign(b, name, parse(name, text));
  }

  /** The value of record field {@code name} (a wire name other than loan_id) in {@code text}. */
  static Object parse(String name, String text) {
    String s = text.strip();
    checkLength(s);
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "holds a line break, which no "
              + name
              + " has; most often a quote (\")"
              + " opens the field and is never closed, so the lines after it were read into it");
    }
    return PARSERS.get(name).apply(s);
  }

  /** Sets record field {@code name} to {@code value}, as {@link #parse} gave it. */
  static void assign(Customer.Builder b, String name, Object value) {
    SETTERS.get(name).accept(b, value);
  }

  /** Whether {@code s} is a plain decimal number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}. */
  static boolean isPlainNumber(String s) {
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int whole = i - start;
    if (whole == 0 || (whole > 1 && s.charAt(start) == '0')) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '.' || i == n - 1) {
      return false;
    }
    for (i++; i < n; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The longest value a record field (loan_id, names, status, …) may have. */
  static final int MAX_FIELD_LENGTH = 1_000;

  /**
   * Refuses a record field value longer than {@value #MAX_FIELD_LENGTH} characters, without quoting
   * all of it.
   */
  static void checkLength(String s) {
    if (s.length() > MAX_FIELD_LENGTH) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "%s is %,d characters long; a record" + " field holds at most %,d",
              quote(s),
              s.length(),
              MAX_FIELD_LENGTH));
    }
  }

  /** The custom attribute holding a customer's time zone; see {@code guardrail.CustomerZones}. */
  static final String TIMEZONE = "timezone";

  /**
   * Refuses a {@value #TIMEZONE} attribute that is not an IANA zone id, so the file's line is
   * named.
   */
  static Object checked(String name, Object value) {
    if (TIMEZONE.equals(name)) {
      try {
        java.time.ZoneId.of(value.toString().strip());
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException(
            name
                + " "
                + quote(value.toString())
                + " is not a time zone (an IANA id like Asia/Kolkata)");
      }
    }
    return value;
  }

  /**
   * A custom attribute from CSV text: {@code true}/{@code false} become booleans, plain decimal
   * numbers (no leading zeros, so codes like {@code 007} stay text) become {@link BigDecimal}, the
   * rest text.
   */
  static Object customValue(String text) {
    String s = text.strip();
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    if (s.length() <= MAX_NUMBER_LENGTH && isPlainNumber(s)) {
      return new BigDecimal(s);
    }
    return s;
  }

  /** Longer text is not parsed as a number: no amount needs it, and parsing it would be slow. */
  private static final int MAX_NUMBER_LENGTH = Amounts.MAX_NUMBER_LENGTH;

  static BigDecimal decimal(String s) {
    return Amounts.decimal(s);
  }

  static BigDecimal amount(String s) {
    return Amounts.amount(s);
  }

  static Integer whole(String s) {
    BigDecimal d = decimal(s);
    if (d.signum() < 0) {
      throw new IllegalArgumentException(
          quote(s) + " is negative; expected a whole number, zero or more");
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          quote(s) + (d.precision() - d.scale() > 9 ? " is too large" : " is not a whole number"));
    }
  }

  static String phone(String s) {
    if (!Phones.isValid(s)) {
      boolean spreadsheet = s.matches("[0-9.]+[eE]\\+?[0-9]+");
      throw new IllegalArgumentException(
          Phones.invalid(s)
              + (spreadsheet
                  ? "; a spreadsheet turned it into a number: format the column as text and export again"
                  : ""));
    }
    return s;
  }

  static LocalDate date(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        try {
          return LocalDate.of(y, m, d); // the common case, without the formatter's cost
        } catch (java.time.DateTimeException e) {
          // not a date (2025-02-30): the formatter below says so
        }
      }
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(quote(s) + " is not a date (expected YYYY-MM-DD)");
    }
  }

  /** The number in {@code s.substring(from, to)} if it is only ASCII digits, else -1. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** {@code s} in quotes for a message, cut short when long (a cell may hold megabytes). */
  static String quote(String s) {
    return s.length() <= 40
        ? "\"" + s + "\""
        : "\"" + s.substring(0, 30) + "…\" (" + s.length() + " characters)";
  }
}
