package dev.outreach.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the execute command's {@code --rate} and duration options. */
final class ExecuteOptions {
  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|second|min|minute))?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)");

  private ExecuteOptions() {}

  /** Refuses {@code --max-in-flight} outside 1-256 and {@code --max-attempts} below 1. */
  static void counts(int maxInFlight, int maxAttempts) {
    if (maxInFlight < 1 || maxInFlight > 256) {
      throw new IllegalArgumentException("--max-in-flight must be 1 to 256, got " + maxInFlight);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("--max-attempts must be at least 1, got " + maxAttempts);
    }
  }

  /**
   * {@code 10}, {@code 10/s} or {@code 600/min} as requests per second; {@code 0} means no limit.
   */
  static double rate(String text) {
    Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--rate must look like 10/s or 600/min (0 for no limit), got " + text);
    }
    double n = Double.parseDouble(m.group(1));
    return m.group(2) != null && m.group(2).startsWith("m") ? n / 60 : n;
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m} or ISO-8601 ({@code PT30S}); positive. */
  static Duration duration(String option, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    Duration d;
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              default -> Duration.ofMinutes(n);
            };
      } else {
        d = Duration.parse(text.trim());
      }
    } catch (
        RuntimeException e) { // not a duration, or one too long to hold (99999999999999999999s)
      throw new IllegalArgumentException(
          option + " must look like 500ms, 30s or 2m, got " + text, e);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " must be positive, got " + text);
    }
    return d;
  }
}
