package dev.outreach.core.decision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to make a contact, in the customer's local time: on a {@code date} (default: the plan's
 * day), at a time ({@code start} with no {@code end}) or within a daily window ({@code start} to
 * {@code end}). All fields {@code null} means as soon as the plan runs.
 */
public record Timing(LocalDate date, LocalTime start, LocalTime end)
    implements java.io.Serializable {
  /** As soon as the plan runs. */
  public static final Timing NOW = new Timing(null, null, null);

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  public Timing {
    if (end != null && start == null) {
      throw new InvalidDecisionException("a window needs a start time");
    }
    if (end != null && !end.isAfter(start)) {
      throw new InvalidDecisionException(
          "window "
              + start
              + "-"
              + end
              + " ends before it starts (windows may not cross midnight)");
    }
  }

  /** This timing on {@code day}. */
  public Timing on(LocalDate day) {
    return new Timing(day, start, end);
  }

  /** This timing at exactly {@code time} ("HH:mm"); a time or window may be set only once. */
  public Timing at(String time) {
    requireNoTime("at(\"" + time + "\")");
    return new Timing(date, parse(time, "at"), null);
  }

  /** This timing within the daily window {@code from}-{@code to} ("HH:mm"); set only once. */
  public Timing window(String from, String to) {
    requireNoTime("window(\"" + from + "\", \"" + to + "\")");
    return new Timing(date, parse(from, "window start"), parse(to, "window end"));
  }

  private void requireNoTime(String call) {
    if (start != null) {
      String set =
          end == null
              ? "at(\"" + HH_MM.format(start) + "\")"
              : "window(\"" + HH_MM.format(start) + "\", \"" + HH_MM.format(end) + "\")";
      throw new InvalidDecisionException(
          call + " after " + set + ": a decision has one time or one window");
    }
  }

  /** Whether this is a window rather than a point in time. */
  public boolean isWindow() {
    return end != null;
  }

  /** Rules repeat the same few times for every customer: parse each text once. */
  private static final ConcurrentHashMap<String, LocalTime> PARSED = new ConcurrentHashMap<>();

  private static LocalTime parse(String time, String what) {
    if (time == null) {
      throw new InvalidDecisionException(what + " time is null; expected HH:mm");
    }
    LocalTime t = PARSED.get(time);
    if (t != null) {
      return t;
    }
    try {
      t = LocalTime.parse(time, HH_MM);
    } catch (DateTimeParseException e) {
      throw new InvalidDecisionException(what + " \"" + time + "\" is not a time of day as HH:mm");
    }
    if (PARSED.size() < 10_000) {
      PARSED.put(time, t);
    }
    return t;
  }
}
