package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.OptionalInt;

/** The executor's meters; every tag is low-cardinality (no ids, phone numbers, URLs or tokens). */
final class Meters {
  static final String REQUESTS = "outreach.http.requests";
  static final String INITIATED = "outreach.customers.initiated";
  static final String FAILED = "outreach.customers.failed";
  static final String UNKNOWN = "outreach.customers.unknown";
  static final String NOT_ATTEMPTED = "outreach.customers.not_attempted";
  static final String STEPS = "outreach.steps";
  static final String RETRIES = "outreach.retries";

  private final MeterRegistry registry;

  Meters(MeterRegistry registry) {
    this.registry = registry;
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  /**
   * One request: {@code endpoint} is a path template, e.g. {@code
   * /api/v1/initiate/{campaignId}/calls}.
   */
  void request(
      String method, String endpoint, OptionalInt status, String outcome, Timer.Sample sample) {
    Timer timer =
        Timer.builder(REQUESTS)
            .description("Requests sent to the outreach API, by endpoint, status and outcome")
            .tag("method", method)
            .tag("endpoint", endpoint)
            .tag("status", status.isPresent() ? Integer.toString(status.getAsInt()) : "NONE")
            .tag("outcome", outcome)
            .register(registry);
    sample.stop(timer);
  }

  /**
   * A re-send, tagged with why it was safe: {@code not_sent}, {@code throttled}, {@code
   * failed_nothing}, …
   */
  void retry(String reason) {
    Counter.builder(RETRIES)
        .description(
            "Requests sent again because the earlier attempt provably had no effect"
                + " or the endpoint is idempotent")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** A step's end; {@code channel} is {@code null} for steps that contact nobody. */
  void step(StepOutcome outcome, Channel channel, ChannelTotals counts) {
    Counter.builder(STEPS)
        .description("Plan steps executed, by outcome")
        .tag("outcome", outcome.outcome())
        .register(registry)
        .increment();
    if (channel == null) {
      return;
    }
    String c = channel.name().toLowerCase(Locale.ROOT);
    Counter.builder(INITIATED)
        .description("Customers the outreach API initiated a call or message for")
        .tag("channel", c)
        .register(registry)
        .increment(counts.initiated());
    Counter.builder(FAILED)
        .description("Customers the outreach API said it did not initiate")
        .tag("channel", c)
        .register(registry)
        .increment(counts.failed());
    Counter.builder(UNKNOWN)
        .description("Customers of requests sent whose outcome is unknown")
        .tag("channel", c)
        .register(registry)
        .increment(counts.unknown());
    Counter.builder(NOT_ATTEMPTED)
        .description(
            "Customers of steps never carried out (expired, not run, refused,"
                + " throttled out, not reached)")
        .tag("channel", c)
        .register(registry)
        .increment(counts.notAttempted());
  }
}
