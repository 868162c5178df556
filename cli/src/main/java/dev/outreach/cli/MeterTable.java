package dev.outreach.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Micrometer meters as a small table: timers with count, mean and max; counters with their count.
 */
final class MeterTable {
  private MeterTable() {}

  static String render(MeterRegistry registry) {
    StringBuilder sb = new StringBuilder();
    registry.getMeters().stream()
        .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> tags(m)))
        .forEach(
            m -> {
              String name = m.getId().getName() + "{" + tags(m) + "}";
              if (m instanceof Timer) {
                Timer t = (Timer) m;
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %-80s count=%,d mean=%.2fms max=%.2fms%n",
                        name,
                        t.count(),
                        t.mean(TimeUnit.MILLISECONDS),
                        t.max(TimeUnit.MILLISECONDS)));
              } else if (m instanceof Counter) {
                sb.append(
                    String.format(Locale.ROOT, "  %-80s %,.0f%n", name, ((Counter) m).count()));
              }
            });
    return sb.toString();
  }

  private static String tags(Meter m) {
    return m.getId().getTags().stream()
        .map(Tag::getKey)
        .sorted()
        .map(k -> k + "=" + m.getId().getTag(k))
        .collect(Collectors.joining(","));
  }
}
