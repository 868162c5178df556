package dev.outreach.cli;

import dev.outreach.rules.RuleBudget;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --max-rule-firings} and {@code --rule-timeout}: how much work rules may do before they are
 * stopped.
 */
final class RuleBudgetOptions {
  @Option(
      names = "--max-rule-firings",
      paramLabel = "N",
      converter = PositiveInt.class,
      description =
          "Stop when rules fire more than N times per customer in a batch, naming the rule and customer "
              + "(a rule that re-activates itself without no-loop) (default: "
              + RuleBudget.DEFAULT_FIRINGS_PER_CUSTOMER
              + ").")
  Integer maxFirings;

  @Option(
      names = "--rule-timeout",
      paramLabel = "DURATION",
      converter = Timeout.class,
      description =
          "Stop when a batch of customers runs longer than this, e.g. 30s, 500ms, 2m, naming the rule that "
              + "is running and its customer (default: 30s).")
  Duration timeout;

  /** The budget these options ask for, on top of the defaults. */
  RuleBudget budget() {
    RuleBudget b = RuleBudget.DEFAULT;
    if (maxFirings != null) {
      b = b.withMaxFiringsPerCustomer(maxFirings);
    }
    return timeout == null ? b : b.withBatchTimeout(timeout);
  }

  /** A whole number of at least 1. */
  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.strip());
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // told below
      }
      throw new TypeConversionException("'" + value + "' is not a whole number of at least 1");
    }
  }

  /** A positive duration: a number and a unit (ms, s, m, h), or ISO-8601 such as PT30S. */
  static final class Timeout implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      Duration d = null;
      Matcher m = SIMPLE.matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "ms":
            d = Duration.ofMillis(n);
            break;
          case "s":
            d = Duration.ofSeconds(n);
            break;
          case "m":
            d = Duration.ofMinutes(n);
            break;
          default:
            d = Duration.ofHours(n);
        }
      } else if (v.startsWith("pt")) {
        try {
          d = Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          d = null;
        }
      }
      if (d == null || d.isZero() || d.isNegative()) {
        throw new TypeConversionException(
            "'" + value + "' is not a positive duration such as 30s, 500ms, 2m or 1h");
      }
      return d;
    }
  }
}
