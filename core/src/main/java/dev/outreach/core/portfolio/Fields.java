package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import dev.outreach.core.Phones;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The API's record fields by their wire name ({@code loan_id}, {@code emi_due_date}, …), each with its
 * parser. Any other column is a custom attribute.
 */
final class Fields {
  private Fields() {}

  static final String LOAN_ID = "loan_id";

  /** Parses {@code text} into a builder, or throws {@link IllegalArgumentException} saying why not. */
  private static final Map<String, BiConsumer<Customer.Builder, String>> SETTERS = Map.ofEntries(
      Map.entry("first_name", Customer.Builder::firstName),
      Map.entry("last_name", Customer.Builder::lastName),
      Map.entry("phone_number", (b, s) -> b.phoneNumber(phone(s))),
      Map.entry("loan_amount", (b, s) -> b.loanAmount(amount(s))),
      Map.entry("emi_amount", (b, s) -> b.emiAmount(amount(s))),
      Map.entry("loan_period", (b, s) -> b.loanPeriod(whole(s))),
      Map.entry("current_emi", (b, s) -> b.currentEmi(amount(s))),
      Map.entry("emi_due_date", (b, s) -> b.emiDueDate(date(s))),
      Map.entry("payment_status", Customer.Builder::paymentStatus),
      Map.entry("language", Customer.Builder::language),
      Map.entry("lead_id", Customer.Builder::leadId),
      Map.entry("lead_date", (b, s) -> b.leadDate(date(s))));

  /** The wire name for a column header: record fields also match in camelCase ({@code emiDueDate}). */
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
    String s = text.strip();
    checkLength(s);
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("holds a line break, which no " + name + " has; most often a quote (\")"
          + " opens the field and is never closed, so the lines after it were read into it");
    }
    SETTERS.get(name).accept(b, s);
  }

  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  /** The longest value a record field (loan_id, names, status, …) may have. */
  static final int MAX_FIELD_LENGTH = 1_000;

  /** Refuses a record field value longer than {@value #MAX_FIELD_LENGTH} characters, without quoting all of it. */
  static void checkLength(String s) {
    if (s.length() > MAX_FIELD_LENGTH) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s is %,d characters long; a record"
          + " field holds at most %,d", quote(s), s.length(), MAX_FIELD_LENGTH));
    }
  }

  /** The custom attribute holding a customer's time zone; see {@code guardrail.CustomerZones}. */
  static final String TIMEZONE = "timezone";

  /** Refuses a {@value #TIMEZONE} attribute that is not an IANA zone id, so the file's line is named. */
  static Object checked(String name, Object value) {
    if (TIMEZONE.equals(name)) {
      try {
        java.time.ZoneId.of(value.toString().strip());
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException(name + " " + quote(value.toString())
            + " is not a time zone (an IANA id like Asia/Kolkata)");
      }
    }
    return value;
  }

  /**
   * A custom attribute from CSV text: {@code true}/{@code false} become booleans, plain decimal numbers
   * (no leading zeros, so codes like {@code 007} stay text) become {@link BigDecimal}, the rest text.
   */
  static Object customValue(String text) {
    String s = text.strip();
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    if (s.length() <= MAX_NUMBER_LENGTH && NUMBER.matcher(s).matches()) {
      return new BigDecimal(s);
    }
    return s;
  }

  /** The most digits an amount may have before its decimal point. */
  static final int MAX_WHOLE_DIGITS = 15;
  /** The most decimal places an amount may have (trailing zeros aside). */
  static final int MAX_DECIMALS = 4;
  /** Longer text is not parsed as a number: no amount needs it, and parsing it would be slow. */
  private static final int MAX_NUMBER_LENGTH = 40;

  static BigDecimal decimal(String s) {
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
   * {@value #MAX_DECIMALS} decimal places (so {@code -5}, {@code NaN}, {@code Infinity}, {@code 1e400} and
   * {@code 0.000000001} are refused).
   */
  static BigDecimal amount(String s) {
    BigDecimal d = decimal(s);
    if (d.signum() < 0) {
      throw new IllegalArgumentException(quote(s) + " is negative; amounts are zero or more");
    }
    if (d.precision() - d.scale() > MAX_WHOLE_DIGITS) {
      throw new IllegalArgumentException(quote(s) + " is too large for an amount (at most " + MAX_WHOLE_DIGITS
          + " digits before the decimal point)");
    }
    if (d.scale() > MAX_DECIMALS && d.signum() != 0 && d.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw new IllegalArgumentException(quote(s) + " has more than " + MAX_DECIMALS
          + " decimal places; round it (e.g. 12500.50)");
    }
    return d;
  }

  private static Integer whole(String s) {
    BigDecimal d = decimal(s);
    if (d.signum() < 0) {
      throw new IllegalArgumentException(quote(s) + " is negative; expected a whole number, zero or more");
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(quote(s)
          + (d.precision() - d.scale() > 9 ? " is too large" : " is not a whole number"));
    }
  }

  private static String phone(String s) {
    if (!Phones.isValid(s)) {
      boolean spreadsheet = s.matches("[0-9.]+[eE]\\+?[0-9]+");
      throw new IllegalArgumentException(Phones.invalid(s) + (spreadsheet
          ? "; a spreadsheet turned it into a number: format the column as text and export again" : ""));
    }
    return s;
  }

  static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(quote(s) + " is not a date (expected YYYY-MM-DD)");
    }
  }

  /** {@code s} in quotes for a message, cut short when long (a cell may hold megabytes). */
  static String quote(String s) {
    return s.length() <= 40 ? "\"" + s + "\"" : "\"" + s.substring(0, 30) + "…\" (" + s.length() + " characters)";
  }
}
