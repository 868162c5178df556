package dev.outreach.cycle;

import dev.outreach.core.Customer;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import dev.outreach.report.TextReport;
import dev.outreach.report.html.HtmlReport;
import dev.outreach.rules.RuleSet;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One day of a collections strategy: reads the contact history from the store (every attempt its
 * runs journaled, and the outcome feeds), plans as of now with the rules seeing that history as
 * {@code Attempt} facts, writes the plan and its reports into a new run of the store, sends the
 * steps due today, and journals them there. The policy's {@code oncePerDay} is always set, so a
 * customer already contacted on a channel today (by an earlier run, even one that died mid-step) is
 * moved to another day: running the cycle again the same day sends nothing twice. Steps the plan
 * puts on later days are left to those days' cycles, which plan again.
 *
 * <pre>{@code
 * DailyCycle.Result r = DailyCycle.builder("CAMP-1", rules, customers, client)
 *     .policy(GuardrailPolicy.usRegF())
 *     .zone(ZoneId.of("America/New_York"))
 *     .build()
 *     .run(FolderStore.open(Path.of("/var/lib/outreach")));
 * }</pre>
 */
public final class DailyCycle {
  private final Builder b;

  private DailyCycle(Builder b) {
    this.b = b;
  }

  /**
   * A cycle of campaign {@code campaignId} for {@code customers} under {@code rules}, sending
   * through {@code client}.
   */
  public static Builder builder(
      String campaignId, RuleSet rules, List<Customer> customers, OutreachClient client) {
    return new Builder(campaignId, rules, customers, client);
  }

  /**
   * What one run did.
   *
   * @param run the run's place in the store (a folder: plan.json, report.txt, report.html,
   *     journal.jsonl; or a row)
   * @param history the contact history the plan was made with
   * @param plan the whole plan, later days included
   * @param sent the execution of the steps due today
   */
  public record Result(String run, ContactHistory history, Plan plan, ExecutionReport sent) {}

  /**
   * Runs the cycle now (the builder's clock), holding the store's lock for the campaign throughout:
   * a cycle started meanwhile elsewhere waits, then plans with this one's attempts.
   */
  public Result run(Store store) throws Exception {
    AutoCloseable held = store.lock(b.campaignId);
    try {
      return runLocked(store);
    } finally {
      held.close();
    }
  }

  private Result runLocked(Store store) throws IOException, GuardrailFileException {
    OffsetDateTime now = OffsetDateTime.now(b.clock).atZoneSameInstant(b.zone).toOffsetDateTime();
    ContactHistory history = store.history();
    GuardrailPolicy policy = b.policy.toBuilder().oncePerDay(true).build();
    Plan plan =
        Planner.builder(b.campaignId)
            .zone(b.zone)
            .experiments(b.experiments)
            .filters(b.filters)
            .guardrails(new Guardrails(policy, history))
            .build()
            .plan(b.customers, b.rules.withHistory(history).decisions(b.experiments), now);
    Store.Run run = store.begin(now.toInstant());
    run.write(FolderStore.PLAN, PlanJson.write(plan));
    run.write("report.txt", TextReport.render(plan));
    StringWriter html = new StringWriter();
    HtmlReport.builder(plan).customers(b.customers).build().write(html);
    run.write("report.html", html.toString());
    Plan today = dueBy(plan, now.toLocalDate().plusDays(1).atStartOfDay(b.zone).toOffsetDateTime());
    PlanExecutor executor =
        PlanExecutor.builder(b.client).clock(b.clock).respectSchedule(b.respectSchedule).build();
    ExecutionReport sent;
    try (Journal journal = run.journal(today, b.client.baseUri())) {
      sent = executor.execute(today, journal);
    }
    return new Result(run.name(), history, plan, sent);
  }

  /** {@code plan} with only the steps that start before {@code end}. */
  static Plan dueBy(Plan plan, OffsetDateTime end) {
    List<Step> steps = new ArrayList<>();
    for (Step s : plan.steps()) {
      if (s.notBefore().isBefore(end)) {
        steps.add(s);
      }
    }
    return new Plan(
        plan.campaignId(),
        plan.asOf(),
        plan.zone(),
        plan.summary(),
        steps,
        plan.suppressed(),
        plan.undecided(),
        plan.overrides(),
        plan.warnings(),
        plan.experiments(),
        plan.capacity());
  }

  /** Configures a {@link DailyCycle}. */
  public static final class Builder {
    private final String campaignId;
    private final RuleSet rules;
    private final List<Customer> customers;
    private final OutreachClient client;
    private GuardrailPolicy policy = GuardrailPolicy.defaults();
    private ZoneId zone = ZoneId.systemDefault();
    private List<Experiment> experiments = List.of();
    private FilterCompiler.Mode filters = FilterCompiler.Mode.COMPACT;
    private Clock clock = Clock.systemUTC();
    private boolean respectSchedule = true;

    private Builder(
        String campaignId, RuleSet rules, List<Customer> customers, OutreachClient client) {
      this.campaignId = Objects.requireNonNull(campaignId, "campaignId == null");
      this.rules = Objects.requireNonNull(rules, "rules == null");
      this.customers = List.copyOf(customers);
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /** The guardrails (its {@code oncePerDay} is set whatever it says). Default: RBI's. */
    public Builder policy(GuardrailPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** The plan's zone: its day is "today". Default: this machine's. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone == null");
      return this;
    }

    public Builder experiments(List<Experiment> experiments) {
      this.experiments = List.copyOf(experiments);
      return this;
    }

    public Builder filters(FilterCompiler.Mode filters) {
      this.filters = Objects.requireNonNull(filters, "filters == null");
      return this;
    }

    /** What "now" is, for the plan and the executor. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Whether to wait for each of today's steps' {@code notBefore} (default), or send them all at
     * once (a simulation, or a catch-up run).
     */
    public Builder respectSchedule(boolean respect) {
      this.respectSchedule = respect;
      return this;
    }

    public DailyCycle build() {
      return new DailyCycle(this);
    }
  }
}
