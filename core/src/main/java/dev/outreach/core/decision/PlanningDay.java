package dev.outreach.core.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The moment a plan is made for: {@code asOf} fixes what "today" means, so plans are reproducible.
 *
 * @param zone the plan's zone; {@link #date()} is {@code asOf} seen in it
 */
public record PlanningDay(OffsetDateTime asOf, ZoneId zone) implements java.io.Serializable {
  public PlanningDay {
    Objects.requireNonNull(asOf, "asOf == null");
    Objects.requireNonNull(zone, "zone == null");
  }

  /** The calendar date of {@code asOf} in the plan's zone. */
  public LocalDate date() {
    return asOf.atZoneSameInstant(zone).toLocalDate();
  }
}
