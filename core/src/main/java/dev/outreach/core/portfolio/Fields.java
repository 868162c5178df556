package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
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
      Map.entry("phone_number", Customer.Builder::phoneNumber),
      Map.entry("loan_amount", (b, s) -> b.loanAmount(decimal(s))),
      Map.entry("emi_amount", (b, s) -> b.emiAmount(decimal(s))),
      Map.entry("loan_period", (b, s) -> b.loanPeriod(whole(s))),
      Map.entry("current_emi", (b, s) -> b.currentEmi(decimal(s))),
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
    SETTERS.get(name).accept(b, text.strip());
  }

  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  /** The custom attribute holding a customer's time zone; see {@code guardrail.CustomerZones}. */
  static final String TIMEZONE = "timezone";

  /** Refuses a {@value #TIMEZONE} attribute that is not an IANA zone id, so the file's line is named. */
  static Object checked(String name, Object value) {
    if (TIMEZONE.equals(name)) {
      try {
        java.time.ZoneId.of(value.toString().strip());
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException(name + " \"" + value + "\" is not a time zone (an IANA id like Asia/Kolkata)");
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
    if (NUMBER.matcher(s).matches()) {
      return new BigDecimal(s);
    }
    return s;
  }

  static BigDecimal decimal(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not a number (expected e.g. 12500.50)");
    }
  }

  private static Integer whole(String s) {
    try {
      return decimal(s).intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not a whole number");
    }
  }

  static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not a date (expected YYYY-MM-DD)");
    }
  }
}
