package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run did: one result per plan step, in plan order (none left out), customer totals per channel,
 * and why the run stopped early, if it did.
 *
 * @param byChannel totals for every channel (zero where the plan had no steps)
 * @param stopReason why the run stopped before sending everything (e.g. HTTP 401), when it did
 * @param notes things the operator should know that are not about one step (e.g. a journal's torn last line)
 */
public record ExecutionReport(String campaignId, List<StepResult> steps, Map<Channel, ChannelTotals> byChannel,
    Optional<String> stopReason, List<String> notes) {

  public ExecutionReport {
    Objects.requireNonNull(campaignId, "campaignId == null");
    steps = List.copyOf(steps);
    EnumMap<Channel, ChannelTotals> m = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      m.put(c, byChannel.getOrDefault(c, ChannelTotals.ZERO));
    }
    byChannel = Collections.unmodifiableMap(m);
    Objects.requireNonNull(stopReason, "stopReason == null");
    notes = List.copyOf(notes);
  }

  /** Whether every step was sent and everything it asked for happened. */
  public boolean allDone() {
    return steps.stream().allMatch(StepResult::done);
  }

  /** How many steps came to {@code outcome} (a {@link StepOutcome#outcome()} name). */
  public long count(String outcome) {
    return steps.stream().filter(s -> s.outcome().outcome().equals(outcome)).count();
  }

  /**
   * Customers of one channel by what became of them. Counts come from the server's {@code results} when
   * it gave them, else from the step's planned customers.
   *
   * @param initiated customers the server initiated (a 200 without readable results counts all)
   * @param failed customers the server reported failed, or whose request was rejected, throttled, failed
   *     with proof that nothing happened, or provably not sent: none of these was contacted, as far as the
   *     API says
   * @param unknown customers of requests with an {@code unknown} outcome, an opaque 5xx, or a 207 without
   *     readable results: they may or may not have been contacted; check before sending again
   * @param notAttempted customers of steps that expired or were not run
   */
  public record ChannelTotals(int initiated, int failed, int unknown, int notAttempted) {
    /** All zero. */
    public static final ChannelTotals ZERO = new ChannelTotals(0, 0, 0, 0);

    ChannelTotals plus(ChannelTotals o) {
      return new ChannelTotals(initiated + o.initiated, failed + o.failed, unknown + o.unknown,
          notAttempted + o.notAttempted);
    }
  }
}
