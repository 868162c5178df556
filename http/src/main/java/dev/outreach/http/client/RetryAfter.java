package dev.outreach.http.client;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A date counts
 * from the response's {@code Date} header when it has one (the server's own clock), else from
 * {@code clock}. A date in the past is a zero wait; anything unreadable is absent. Waits are capped
 * at one day.
 */
final class RetryAfter {
  static final Duration MAX = Duration.ofDays(1);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss zzz", Locale.ROOT);

  private RetryAfter() {}

  static Optional<Duration> of(HttpHeaders headers, Clock clock) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    String v = value.get();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(min(Duration.ofSeconds(Long.parseLong(v))));
      } catch (NumberFormatException e) {
        return Optional.of(MAX); // more digits than a long holds: a very long wait
      }
    }
    Optional<Instant> at = date(v);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    Instant now = headers.firstValue("Date").flatMap(RetryAfter::date).orElseGet(clock::instant);
    Duration d = Duration.between(now, at.get());
    return Optional.of(d.isNegative() ? Duration.ZERO : min(d));
  }

  /**
   * An IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}); a wrong day name is ignored, not fatal.
   */
  private static Optional<Instant> date(String v) {
    String t = v.trim();
    int comma = t.indexOf(',');
    try {
      return Optional.of(
          ZonedDateTime.parse(comma >= 0 ? t.substring(comma + 1).trim() : t, DATE).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
