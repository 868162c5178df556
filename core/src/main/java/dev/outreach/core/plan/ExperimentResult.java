package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How each arm of an experiment fared in a plan: the same counts as the {@link Summary}, per arm,
 * so a champion and a challenger strategy can be compared side by side.
 */
public record ExperimentResult(String experiment, List<ArmResult> arms) {
  public ExperimentResult {
    Objects.requireNonNull(experiment, "experiment == null");
    arms = List.copyOf(arms);
  }

  /** One arm's counts; {@code byChannel} counts customers reached per channel. */
  public record ArmResult(
      String arm,
      int weight,
      int customers,
      int contacted,
      int suppressed,
      int undecided,
      int dropped,
      Map<Channel, Integer> byChannel) {
    public ArmResult {
      Objects.requireNonNull(arm, "arm == null");
      EnumMap<Channel, Integer> m = new EnumMap<>(Channel.class);
      for (Channel c : Channel.values()) {
        m.put(c, byChannel.getOrDefault(c, 0));
      }
      byChannel = Collections.unmodifiableMap(m);
    }
  }
}
