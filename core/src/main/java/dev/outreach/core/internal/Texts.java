package dev.outreach.core.internal;

import dev.outreach.core.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The words guardrail messages are made of, for collections managers rather than programmers. */
public final class Texts {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME_SECONDS =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME_SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private Texts() {}

  /** {@code call}, {@code SMS}, {@code WhatsApp message}. */
  public static String noun(Channel c) {
    return c == Channel.CALL ? "call" : c == Channel.SMS ? "SMS" : "WhatsApp message";
  }

  /** The noun for {@code n} of them: {@code 1 call}, {@code 7 calls}, {@code 2 SMS}. */
  public static String plural(Channel c, long n) {
    return n == 1 || c == Channel.SMS ? noun(c) : noun(c) + "s";
  }

  /** {@code calling hours}, {@code SMS hours}, {@code WhatsApp hours}. */
  public static String hoursName(Channel c) {
    return c == Channel.CALL ? "calling hours" : c == Channel.SMS ? "SMS hours" : "WhatsApp hours";
  }

  /** {@code 7 days}, {@code 1 day}, {@code 36 hours}, {@code 90 minutes}. */
  public static String duration(Duration d) {
    if (d.toSeconds() % 86_400 == 0) {
      long days = d.toDays();
      return days + (days == 1 ? " day" : " days");
    }
    if (d.toSeconds() % 3_600 == 0) {
      long hours = d.toHours();
      return hours + (hours == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + " minutes";
  }

  /** {@code Sat 2025-08-16 22:00} (with seconds only when there are some). */
  public static String dateTime(ZonedDateTime t) {
    return (hasSeconds(t) ? DATE_TIME_SECONDS : DATE_TIME).format(t);
  }

  /** {@code Mon 2025-08-18}. */
  public static String date(LocalDate d) {
    return DATE.format(d);
  }

  /** {@code 22:00} (with seconds only when there are some). */
  public static String time(ZonedDateTime t) {
    return (hasSeconds(t) ? TIME_SECONDS : TIME).format(t);
  }

  /** {@code 22:00}. */
  public static String time(java.time.LocalTime t) {
    return (t.getSecond() != 0 || t.getNano() != 0 ? TIME_SECONDS : TIME).format(t);
  }

  /** {@code 22:00}, or {@code Sat 2025-08-16 22:00} when {@code withDate}. */
  public static String at(ZonedDateTime t, boolean withDate) {
    return withDate ? dateTime(t) : time(t);
  }

  /** {@code Sunday}. */
  public static String day(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static boolean hasSeconds(ZonedDateTime t) {
    return t.getSecond() != 0 || t.getNano() != 0;
  }
}
