package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.StepKind;
import dev.outreach.http.client.InitiationOutcome;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/** The executor's meters; every tag is low-cardinality (no ids, phone numbers, URLs or tokens). */
final class Meters {
  static final String REQUESTS = "outreach.http.requests";
  static final String INITIATED = "outreach.customers.initiated";
  static final String FAILED = "outreach.customers.failed";
  static final String STEPS = "outreach.steps";

  private final MeterRegistry registry;

  Meters(MeterRegistry registry) {
    this.registry = registry;
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void request(StepKind kind, InitiationOutcome outcome, Timer.Sample sample) {
    Timer timer = Timer.builder(REQUESTS)
        .description("Initiate requests sent to the outreach API, by endpoint, status and outcome")
        .tag("endpoint", kind.contacts() ? "/api/v1/initiate/{campaignId}/" + kind.channel().pathSegment()
            : kind.path("{campaignId}"))
        .tag("status", outcome.httpStatus().isPresent() ? Integer.toString(outcome.httpStatus().getAsInt()) : "NONE")
        .tag("outcome", outcome.outcome())
        .register(registry);
    sample.stop(timer);
  }

  void step(StepOutcome outcome, Channel channel, ChannelTotals counts) {
    Counter.builder(STEPS).description("Plan steps executed, by outcome")
        .tag("outcome", outcome.outcome()).register(registry).increment();
    if (channel == null) {
      return;
    }
    String c = channel.name().toLowerCase(Locale.ROOT);
    Counter.builder(INITIATED).description("Customers the outreach API initiated a call or message for")
        .tag("channel", c).register(registry).increment(counts.initiated());
    Counter.builder(FAILED).description("Customers whose initiation failed, was rejected or was not sent")
        .tag("channel", c).register(registry).increment(counts.failed());
  }
}
