package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One channel's use of its daily capacity (the policy's {@code capacity}) on one day of the plan's
 * zone.
 *
 * @param capacity the most contacts the channel may make that day
 * @param used the contacts planned that day (at most {@code capacity})
 * @param movedIn contacts moved to this day from a full earlier day (counted in {@code used})
 * @param movedOut contacts wanted this day that found it full and were moved to a later day
 * @param dropped contacts wanted this day that found it and every later day within the horizon full
 *     (or whose rule fixed this day), and were not planned
 */
public record CapacityDay(
    Channel channel,
    LocalDate date,
    int capacity,
    int used,
    int movedIn,
    int movedOut,
    int dropped) {
  public CapacityDay {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(date, "date == null");
    if (capacity < 1 || used < 0 || used > capacity || movedIn < 0 || movedIn > used) {
      throw new IllegalArgumentException(
          "capacity " + capacity + ", used " + used + ", moved in " + movedIn + " do not add up");
    }
    if (movedOut < 0 || dropped < 0) {
      throw new IllegalArgumentException("moved out and dropped are counts");
    }
  }
}
