package dev.outreach.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The plan's day, one fact per evaluation: {@code $t : Today()} then {@code Customer(
 * $t.daysUntil(emiDueDate) <= 3 )}. Fixed by the plan's {@code asOf}, so plans are reproducible.
 *
 * <p>{@link #daysUntil} and {@link #daysSince} return {@code null} for a missing date, and a
 * constraint comparing {@code null} does not match, so customers without the date are simply not
 * selected.
 */
public record Today(LocalDate date, ZoneId zone) {
  public Today {
    Objects.requireNonNull(date, "date == null");
    Objects.requireNonNull(zone, "zone == null");
  }

  /** Days from today to {@code day}: 0 today, 3 in three days, negative when past. */
  public Long daysUntil(LocalDate day) {
    // Called for every customer by rules like Customer( $t.daysUntil(emiDueDate) <= 3 ): keep it
    // cheap.
    return day == null ? null : day.toEpochDay() - date.toEpochDay();
  }

  /** Days from {@code day} to today: 0 today, 5 five days ago, negative when in the future. */
  public Long daysSince(LocalDate day) {
    return day == null ? null : date.toEpochDay() - day.toEpochDay();
  }
}
