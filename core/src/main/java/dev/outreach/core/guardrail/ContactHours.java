package dev.outreach.core.guardrail;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * The local hours a channel may be used in: a contact may start at {@code from} or later and must
 * be over by {@code to}. Hours may not cross midnight.
 */
public record ContactHours(LocalTime from, LocalTime to) implements java.io.Serializable {
  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  public ContactHours {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "from "
              + HH_MM.format(from)
              + " is not before to "
              + HH_MM.format(to)
              + " (hours may not cross midnight)");
    }
  }

  /**
   * The hours {@code from}–{@code to}, each as {@code HH:mm}, e.g. {@code of("08:00", "19:00")}.
   */
  public static ContactHours of(String from, String to) {
    return new ContactHours(parse(from), parse(to));
  }

  /** Parses {@code HH:mm}, or throws {@link IllegalArgumentException} saying what is wrong. */
  static LocalTime parse(String time) {
    try {
      return LocalTime.parse(Objects.requireNonNull(time, "time == null"), HH_MM);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + time + "\" is not a time as HH:mm", e);
    }
  }

  /** {@code 08:00–19:00}. */
  @Override
  public String toString() {
    return HH_MM.format(from) + "–" + HH_MM.format(to);
  }
}
