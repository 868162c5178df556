package dev.outreach.report;

import dev.outreach.core.plan.CapacityDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The text report's table of each channel's daily capacity against its use. */
final class CapacityText {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

  private CapacityText() {}

  /** Appends the table, one row per channel and day, when the plan has a capacity. */
  static void append(StringBuilder out, List<CapacityDay> days) {
    if (days.isEmpty()) {
      return;
    }
    out.append(
        "\nCapacity, per channel and day (the policy's capacity; CAPACITY warnings below)\n");
    out.append(
        String.format(
            Locale.ROOT,
            "  %-9s %-15s %11s %11s %9s %9s %9s%n",
            "channel",
            "day",
            "used",
            "capacity",
            "moved in",
            "moved out",
            "dropped"));
    for (CapacityDay d : days) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-9s %-15s %,11d %,11d %,9d %,9d %,9d%s%n",
              d.channel().name(),
              DAY.format(d.date()),
              d.used(),
              d.capacity(),
              d.movedIn(),
              d.movedOut(),
              d.dropped(),
              d.used() == d.capacity() ? "  full" : ""));
    }
  }
}
