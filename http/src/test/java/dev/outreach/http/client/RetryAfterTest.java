package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-21T07:28:00Z"), ZoneOffset.UTC);

  static Optional<Duration> of(String... nameValues) {
    Map<String, List<String>> m = new java.util.HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return RetryAfter.of(HttpHeaders.of(m, (a, b) -> true), CLOCK);
  }

  @Test
  void secondsOrAnHttpDate() {
    assertThat(of("Retry-After", "7")).contains(Duration.ofSeconds(7));
    assertThat(of("Retry-After", "Tue, 21 Oct 2025 07:30:00 GMT")).contains(Duration.ofMinutes(2));
    assertThat(of("Retry-After", "Wed, 21 Oct 2025 07:30:00 GMT"))
        .contains(Duration.ofMinutes(2)); // wrong day name
    assertThat(
            of(
                "Date",
                "Tue, 21 Oct 2025 07:29:30 GMT",
                "Retry-After",
                "Tue, 21 Oct 2025 07:30:00 GMT"))
        .contains(Duration.ofSeconds(30)); // the server's clock, not ours
  }

  @Test
  void aPastDateIsNoWaitAndNonsenseIsAbsentAndHugeIsCapped() {
    assertThat(of("Retry-After", "Tue, 21 Oct 2025 07:00:00 GMT")).contains(Duration.ZERO);
    assertThat(of("Retry-After", "soon")).isEmpty();
    assertThat(of("Retry-After", "-5")).isEmpty();
    assertThat(of()).isEmpty();
    assertThat(of("Retry-After", "99999999999999999999999")).contains(Duration.ofDays(1));
    assertThat(of("Retry-After", "604800")).contains(Duration.ofDays(1));
  }
}
