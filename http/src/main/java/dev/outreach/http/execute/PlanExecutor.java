package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.http.client.InitiationOutcome;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends a plan's steps in plan order through an {@link OutreachClient}, each at most once, under its
 * {@link IdempotencyKeys idempotency key}, and reports what became of every step.
 *
 * <p>Nothing is retried: an {@link InitiationOutcome.Unknown} step is reported as such, never re-sent. A
 * refused token ({@link InitiationOutcome.Unauthorized}) stops the run at once; every later step is
 * reported {@link StepOutcome.NotRun}. Meters: see the module's {@code outreach.*} meters in
 * {@link Builder#meterRegistry(MeterRegistry)}.
 */
public final class PlanExecutor {
  private final OutreachClient client;
  private final Meters meters;
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean respectSchedule;

  private PlanExecutor(Builder b) {
    this.client = b.client;
    this.meters = new Meters(b.registry);
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.respectSchedule = b.respectSchedule;
  }

  /** Starts an executor that sends through {@code client}. */
  public static Builder builder(OutreachClient client) {
    return new Builder(client);
  }

  /**
   * Runs {@code plan} on the calling thread and returns one result per step, in plan order. If the
   * thread is interrupted while waiting for a step's {@code notBefore}, the run stops, the remaining
   * steps are reported not run and the interrupt flag stays set.
   */
  public ExecutionReport execute(Plan plan) {
    Objects.requireNonNull(plan, "plan == null");
    for (Step step : plan.steps()) {
      if (step.kind().batch()) { // refused before anything is sent: nothing half-done
        throw new IllegalArgumentException("step " + step.id() + " is a " + step.kind()
            + " step; this executor sends uploads and initiations only, so nothing was sent");
      }
    }
    List<StepResult> results = new ArrayList<>();
    Map<Channel, ChannelTotals> totals = new EnumMap<>(Channel.class);
    String stopped = null;
    for (Step step : plan.steps()) {
      String key = IdempotencyKeys.of(plan, step);
      StepOutcome outcome = stopped != null ? new StepOutcome.NotRun(stopped) : run(step, key);
      if (stopped == null) {
        stopped = stopReason(step, outcome);
      }
      Channel channel = step.kind().channel();
      ChannelTotals counts = Tally.of(step.customerIds().size(), outcome);
      if (step.kind().contacts()) { // an upload contacts nobody: it counts as a step, not as customers reached
        totals.merge(channel, counts, ChannelTotals::plus);
      }
      meters.step(outcome, channel, counts);
      results.add(new StepResult(step.id(), step.kind(), step.customerIds().size(), key, outcome));
    }
    return new ExecutionReport(plan.campaignId(), results, totals);
  }

  private StepOutcome run(Step step, String key) {
    if (respectSchedule) {
      Instant notBefore = step.notBefore().toInstant();
      for (Instant now = clock.instant(); ; now = clock.instant()) {
        if (step.notAfter() != null && now.isAfter(step.notAfter().toInstant())) {
          return new StepOutcome.Expired(step.notAfter(), now);
        }
        if (!now.isBefore(notBefore)) {
          break;
        }
        try {
          sleeper.sleep(Duration.between(now, notBefore));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new StepOutcome.NotRun("interrupted while waiting until " + step.notBefore());
        }
      }
    }
    if (Thread.currentThread().isInterrupted()) {
      return new StepOutcome.NotRun("interrupted before sending");
    }
    Timer.Sample sample = meters.start();
    InitiationOutcome response = client.send(step, key);
    meters.request(step.kind(), response, sample);
    return new StepOutcome.Sent(response);
  }

  /** Why later steps must not run after {@code outcome}, or {@code null} to go on. */
  private static String stopReason(Step step, StepOutcome outcome) {
    if (outcome instanceof StepOutcome.NotRun notRun) {
      return notRun.reason();
    }
    if (outcome instanceof StepOutcome.Sent sent && sent.response() instanceof InitiationOutcome.Unauthorized u) {
      return "run stopped: step " + step.id() + " got HTTP " + u.status() + " (" + u.message()
          + "); check the token and run again";
    }
    return null;
  }

  @Override
  public String toString() {
    return "PlanExecutor[" + client + ", respectSchedule=" + respectSchedule + "]";
  }

  /** Configures a {@link PlanExecutor}; only the client is required. */
  public static final class Builder {
    private final OutreachClient client;
    private MeterRegistry registry = Metrics.globalRegistry;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private boolean respectSchedule = true;

    private Builder(OutreachClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /**
     * Where to record meters. Default: {@link Metrics#globalRegistry}. Meters (all tags low-cardinality):
     * Timer {@code outreach.http.requests} tagged {@code endpoint} (the path template, e.g.
     * {@code /api/v1/initiate/{campaignId}/calls}), {@code status} (HTTP status or {@code NONE}) and
     * {@code outcome}; Counters {@code outreach.customers.initiated} and {@code outreach.customers.failed}
     * tagged {@code channel} ({@code call}, {@code sms}, {@code whatsapp}); Counter {@code outreach.steps}
     * tagged {@code outcome} (a {@link StepOutcome#outcome()}).
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry == null");
      return this;
    }

    /** The clock a step's {@code notBefore} and {@code notAfter} are checked against. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How to wait until a step's {@code notBefore}. Default: {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Whether to keep each step's schedule. When {@code true}, wait until its {@code notBefore} and skip
     * (as {@link StepOutcome.Expired}, never sent) a step whose {@code notAfter} has passed. When
     * {@code false} (a "now" run), send every step at once, ignoring both. Default: {@code true}.
     */
    public Builder respectSchedule(boolean respectSchedule) {
      this.respectSchedule = respectSchedule;
      return this;
    }

    /** The executor; it may run any number of plans, one at a time per calling thread. */
    public PlanExecutor build() {
      return new PlanExecutor(this);
    }
  }
}
