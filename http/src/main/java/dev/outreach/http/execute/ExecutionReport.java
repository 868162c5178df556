package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import dev.outreach.http.journal.Result;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run did: one result per plan step, in plan order (none left out), customer totals per
 * channel, and why the run stopped early, if it did.
 *
 * @param byChannel totals for every channel (zero where the plan had no steps)
 * @param stopReason why the run stopped before sending everything (e.g. HTTP 401), when it did
 * @param notes things the operator should know that are not about one step (e.g. a journal's torn
 *     last line)
 */
public record ExecutionReport(
    String campaignId,
    List<StepResult> steps,
    Map<Channel, ChannelTotals> byChannel,
    Optional<String> stopReason,
    List<String> notes) {

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
   * Customers the plan's steps of {@code channel} were planned to reach (the sum of their {@link
   * StepResult#customers()}), whatever became of them.
   */
  public int planned(Channel channel) {
    return steps.stream()
        .filter(s -> s.kind().contacts() && s.kind().channel() == channel)
        .mapToInt(StepResult::customers)
        .sum();
  }

  /**
   * Steps whose success reply claims more than the step planned (more customers initiated, records
   * added), one line each: the API may have contacted customers the plan did not select.
   */
  public List<String> warnings() {
    return steps.stream()
        .filter(
            s ->
                s.outcome() instanceof StepOutcome.Sent sent
                    && sent.result() == Result.DONE
                    && sent.succeeded().isPresent()
                    && sent.succeeded().getAsInt() > s.customers())
        .map(
            s ->
                "step "
                    + s.stepId()
                    + " "
                    + s.kind()
                    + ": the API reports "
                    + ((StepOutcome.Sent) s.outcome()).succeeded().getAsInt()
                    + (s.kind().contacts() ? " customers initiated" : " records added")
                    + ", more than"
                    + " the "
                    + s.customers()
                    + " planned: check in the provider's dashboard who was contacted")
        .toList();
  }

  /**
   * Customers of one channel by what became of them; {@link #planned(Channel)} is how many the
   * steps planned. Counts come from the server's {@code results} when it gave them, else from the
   * step's planned customers.
   *
   * @param initiated customers the API said it initiated (a 2xx with no {@code results} at all
   *     counts all)
   * @param failed customers the API said it did not initiate: its {@code results.failed}, those a
   *     reply left out when it initiated fewer than planned ({@code short}, a 207), or all of a 5xx
   *     whose results show nobody was initiated
   * @param unknown customers of requests that were sent but whose outcome is unknown (a timeout or
   *     dropped connection, an opaque 5xx, a 207 without readable results): they may or may not
   *     have been contacted; check before contacting them again
   * @param notAttempted customers of steps never carried out: expired, not run (stopped by a
   *     refused token, interrupted, blocked by an upload), refused by the API (4xx), throttled
   *     until the step's attempts ran out, or never reached (no connection)
   */
  public record ChannelTotals(int initiated, int failed, int unknown, int notAttempted) {
    /** All zero. */
    public static final ChannelTotals ZERO = new ChannelTotals(0, 0, 0, 0);

    ChannelTotals plus(ChannelTotals o) {
      return new ChannelTotals(
          initiated + o.initiated,
          failed + o.failed,
          unknown + o.unknown,
          notAttempted + o.notAttempted);
    }
  }
}
