package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts over a plan. Every customer is exactly one of contacted, suppressed, undecided or dropped,
 * so {@code customers == contacted + suppressed + undecided + dropped}.
 *
 * @param dropped customers whose every contact decision could not be scheduled (see the warnings)
 * @param byChannel customers reached per channel
 */
public record Summary(
    int customers,
    int contacted,
    int suppressed,
    int undecided,
    int dropped,
    int steps,
    Map<Channel, Integer> byChannel) {

  public Summary {
    EnumMap<Channel, Integer> m = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      m.put(c, byChannel.getOrDefault(c, 0));
    }
    byChannel = Collections.unmodifiableMap(m);
  }
}
