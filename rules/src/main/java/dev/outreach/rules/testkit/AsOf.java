package dev.outreach.rules.testkit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A case's {@code as_of} cell: a moment with an offset ({@code 2025-08-05T09:00:00+05:30}), a local
 * date-time ({@code 2025-08-05T09:00}) or a date ({@code 2025-08-05}, the start of that day), the
 * last two in the plan's zone.
 *
 * @param zone the plan's zone: the given one, else the cell's offset, else UTC
 * @param problem what is wrong with the cell, or {@code null}
 */
record AsOf(OffsetDateTime moment, ZoneId zone, String problem) {
  private static final String FORMS =
      "write e.g. 2025-08-05T09:00:00+05:30, or a date 2025-08-05 for the start" + " of that day";

  static AsOf parse(String text, ZoneId zone) {
    if (text == null) {
      return new AsOf(null, null, "is empty; " + FORMS);
    }
    ZoneId z = zone != null ? zone : ZoneOffset.UTC;
    try {
      OffsetDateTime t = OffsetDateTime.parse(text);
      return new AsOf(t, zone != null ? zone : t.getOffset(), null);
    } catch (DateTimeParseException notOffset) {
      try {
        return new AsOf(LocalDateTime.parse(text).atZone(z).toOffsetDateTime(), z, null);
      } catch (DateTimeParseException notLocal) {
        try {
          return new AsOf(LocalDate.parse(text).atStartOfDay(z).toOffsetDateTime(), z, null);
        } catch (DateTimeParseException notDate) {
          return new AsOf(null, null, "\"" + text + "\" is not a moment; " + FORMS);
        }
      }
    }
  }
}
