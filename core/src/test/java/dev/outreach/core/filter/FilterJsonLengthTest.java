package dev.outreach.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiler weighs bodies by {@link FilterJson#length}: it must be the written JSON's length,
 * escapes included.
 */
class FilterJsonLengthTest {
  private static final String CHARS = "AZaz09-_/\"\\\n\t\u0001é₹😀 ";

  @Test
  void isTheLengthOfTheWrittenJsonForIdListsOfAnyCharacters() {
    Random r = new Random(7);
    for (int round = 0; round < 500; round++) {
      List<String> ids = r.nextInt(4) == 0 ? null : ids(r);
      List<String> excluded = r.nextInt(3) == 0 ? null : ids(r);
      Filters f =
          new Filters(
              ids,
              excluded,
              r.nextBoolean() ? List.of("bounced", "part\"paid") : null,
              r.nextBoolean() ? List.of("hindi") : null,
              r.nextBoolean() ? new Filters.DateRange(LocalDate.of(2025, 8, 1), null) : null,
              r.nextBoolean() ? new Filters.AmountRange(null, new BigDecimal("5000.50")) : null,
              r.nextBoolean() ? Map.of("branch", List.of("pune", 3)) : null);
      assertThat(FilterJson.length(f))
          .as("%s", f)
          .isEqualTo(FilterJson.toJson(f).toString().length());
    }
  }

  private static List<String> ids(Random r) {
    List<String> out = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder("L");
      for (int k = r.nextInt(6); k > 0; k--) {
        b.append(
            r.nextInt(3) == 0
                ? CHARS.charAt(r.nextInt(CHARS.length()))
                : (char) ('0' + r.nextInt(10)));
      }
      out.add(b.toString());
    }
    return out;
  }
}
