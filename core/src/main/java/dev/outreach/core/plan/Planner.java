package dev.outreach.core.plan;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Compiles decisions into a {@link Plan}: the smallest correct set of requests.
 *
 * <p>Policy, applied per customer: a {@link Suppression} beats every contact; on each channel one
 * contact wins: the one with the highest {@code priority} (then salience, then rule name) whose
 * timing can still be honoured; a decision whose date or time has passed is dropped with a warning
 * and the next one is considered. Timing is resolved in the customer's own zone (a {@code timezone}
 * attribute, else the plan's), then every winner must pass the {@link Guardrails} (moved or
 * dropped, with a warning, when it does not); a dropped decision lets the next one on its channel
 * try. Each winner's slot becomes its step's {@code notBefore}/{@code notAfter}. Customers who
 * share channel, ids, template and slot share a step. Before a plan is returned, every step's body
 * is applied to the portfolio as the API would apply it, and must select exactly the step's
 * customers.
 *
 * <pre>{@code
 * Planner planner = Planner.builder("CAMP-1").zone(ZoneId.of("Asia/Kolkata")).build();
 * Plan plan = planner.plan(customers, decisionSource, OffsetDateTime.now());
 * }</pre>
 */
public final class Planner {
  /** How many customers of an {@link Iterator} the rules see at once. */
  static final int PART = 65_536;

  final String campaignId;
  final ZoneId zone;
  final int maxIdsPerStep;
  final FilterCompiler.Mode filterMode;
  final boolean upload;
  final Guardrails guardrails;
  final List<Experiment> experiments;
  final int threads;

  private Planner(Builder b) {
    this.threads = b.threads;
    this.campaignId = b.campaignId;
    this.zone = b.zone;
    this.maxIdsPerStep = b.maxIdsPerStep;
    this.filterMode = b.filterMode;
    this.upload = b.upload;
    this.guardrails = b.guardrails;
    this.experiments = List.copyOf(b.experiments);
  }

  /** A planner for the campaign {@code campaignId} (the API's campaign holding the customers). */
  public static Builder builder(String campaignId) {
    return new Builder(campaignId);
  }

  /**
   * Plans outreach to {@code portfolio} as of {@code asOf} (truncated to whole seconds).
   *
   * @throws IllegalArgumentException when the portfolio repeats a loan id, or a decision names a
   *     customer not in the portfolio
   */
  public Plan plan(List<Customer> portfolio, DecisionSource source, OffsetDateTime asOf) {
    OffsetDateTime at = asOf.truncatedTo(ChronoUnit.SECONDS);
    Map<String, Customer> byId = new HashMap<>(portfolio.size() * 2);
    index(portfolio, byId);
    PlanningDay day = new PlanningDay(at, zone);
    ConcurrentLinkedQueue<Ruling> decided = new ConcurrentLinkedQueue<>();
    source.decide(portfolio, day, decided::add);
    return assemble(at, portfolio, byId, decided);
  }

  /**
   * Plans outreach to customers of unknown number, as {@code customers} yields them (rows of a
   * database cursor, a file read lazily): the rules decide for each part of 65,536 customers as
   * soon as it has arrived, so rule evaluation overlaps the source's own work and no second list of
   * the input is built. The plan is the one {@link #plan(List, DecisionSource, OffsetDateTime)}
   * gives for the same customers in the same order. The customers are kept until the plan is made:
   * every step is proved against all of them.
   *
   * @throws IllegalArgumentException when the customers repeat a loan id (before the rules see the
   *     part holding the repeat), or a decision names a customer not among them
   */
  public Plan plan(
      Iterator<? extends Customer> customers, DecisionSource source, OffsetDateTime asOf) {
    Objects.requireNonNull(customers, "customers == null");
    OffsetDateTime at = asOf.truncatedTo(ChronoUnit.SECONDS);
    Map<String, Customer> byId = new HashMap<>();
    List<Customer> portfolio = new ArrayList<>();
    PlanningDay day = new PlanningDay(at, zone);
    ConcurrentLinkedQueue<Ruling> decided = new ConcurrentLinkedQueue<>();
    List<Customer> part = new ArrayList<>(PART);
    while (customers.hasNext()) {
      part.add(Objects.requireNonNull(customers.next(), "customers yielded null"));
      if (part.size() == PART || !customers.hasNext()) {
        index(part, byId);
        int from = portfolio.size();
        portfolio.addAll(part);
        part.clear();
        source.decide(portfolio.subList(from, portfolio.size()), day, decided::add);
      }
    }
    return assemble(at, portfolio, byId, decided);
  }

  /**
   * {@link #plan(Iterator, DecisionSource, OffsetDateTime)} over {@code customers}, which is closed
   * when the plan is made or planning fails.
   */
  public Plan plan(
      Stream<? extends Customer> customers, DecisionSource source, OffsetDateTime asOf) {
    try (Stream<? extends Customer> s = customers) {
      return plan(s.iterator(), source, asOf);
    }
  }

  private Plan assemble(
      OffsetDateTime at,
      List<Customer> portfolio,
      Map<String, Customer> byId,
      ConcurrentLinkedQueue<Ruling> decided) {
    Map<String, List<Ruling>> perCustomer = new HashMap<>();
    for (Ruling d : decided) {
      if (!byId.containsKey(d.customerId())) {
        throw new IllegalArgumentException(
            "rule \""
                + d.rule()
                + "\" decided for "
                + d.customerId()
                + ", who is not in the portfolio");
      }
      perCustomer.computeIfAbsent(d.customerId(), k -> new ArrayList<>()).add(d);
    }
    List<String> ids = new ArrayList<>(byId.keySet());
    ids.sort(null);
    CustomerPlanner each = customerPlanner(at);
    PlanAssembler assembler = assembler(at);
    PerCustomer.run(
        threads,
        ids,
        id -> each.plan(byId.get(id), perCustomer.getOrDefault(id, List.of())),
        id ->
            each.decide(
                byId.get(id), perCustomer.getOrDefault(id, List.of()), assembler.target(id)),
        assembler::add);
    return assembler.finish(portfolio, byId, null);
  }

  /** The plan's zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The guardrails every contact must pass (the policy, and the history it counts). */
  public Guardrails guardrails() {
    return guardrails;
  }

  /** How requests select customers. */
  public FilterCompiler.Mode filterMode() {
    return filterMode;
  }

  /** Whether the plan first uploads the customers to the campaign. */
  public boolean uploadsCustomers() {
    return upload;
  }

  /**
   * Plans customers one at a time as of {@code asOf} (truncated to whole seconds), wherever they
   * are: the first half of {@link #plan(List, DecisionSource, OffsetDateTime)}, for engines that
   * keep customers apart (see {@link #assembler}).
   */
  public CustomerPlanner customerPlanner(OffsetDateTime asOf) {
    return new CustomerPlanner(guardrails, zone, asOf.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Puts a plan as of {@code asOf} together from customer plans that {@link
   * #customerPlanner(OffsetDateTime)} made for the same instant: the second half of {@link
   * #plan(List, DecisionSource, OffsetDateTime)}, which gives the same plan for the same customers.
   */
  public PlanAssembler assembler(OffsetDateTime asOf) {
    return new PlanAssembler(this, asOf.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Adds {@code customers} to {@code byId}, refusing a loan id seen before. */
  private static void index(List<Customer> customers, Map<String, Customer> byId) {
    for (Customer c : customers) {
      if (byId.putIfAbsent(c.loanId(), c) != null) {
        throw new IllegalArgumentException(
            "the portfolio has loan id " + c.loanId() + " more than once");
      }
    }
  }

  /** Configures a {@link Planner}. */
  public static final class Builder {
    private final String campaignId;
    private ZoneId zone = ZoneOffset.UTC;
    private int maxIdsPerStep = 10_000;
    private List<Experiment> experiments = List.of();
    private FilterCompiler.Mode filterMode = FilterCompiler.Mode.COMPACT;
    private Guardrails guardrails =
        new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty());
    private boolean upload;
    private int threads = Math.min(8, Runtime.getRuntime().availableProcessors());

    private Builder(String campaignId) {
      this.campaignId = Objects.requireNonNull(campaignId, "campaignId == null");
      if (!PlanValidation.isPathSegment(campaignId)) {
        throw new IllegalArgumentException(
            "campaignId must be one path segment (letters, digits, '.', '_', '~', '-';"
                + " not . or ..): "
                + campaignId);
      }
    }

    /** The plan's zone: what "today" and a decision's times mean. Default: UTC. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone == null");
      return this;
    }

    /**
     * How requests select customers. {@link FilterCompiler.Mode#COMPACT} (the default) sends the
     * smaller of an {@code ids} list and attribute filters with {@code exclude_ids}, exact over the
     * portfolio given to {@link #plan}; use {@link FilterCompiler.Mode#IDS} when the server's
     * campaign may hold customers that portfolio lacks.
     */
    public Builder filters(FilterCompiler.Mode mode) {
      this.filterMode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * The most loan ids one request may list in {@code ids} or {@code exclude_ids}; larger
     * audiences are split into several requests. Default: 10,000.
     */
    public Builder maxIdsPerStep(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxIdsPerStep must be at least 1: " + max);
      }
      this.maxIdsPerStep = max;
      return this;
    }

    /**
     * The guardrails every contact must pass after the rules: contact hours, working days,
     * holidays, do-not-contact, frequency caps. A contact that breaks one is moved to the next
     * allowed slot or dropped, as the policy says, with a warning either way. Default: {@link
     * GuardrailPolicy#defaults()} (the RBI calling hours, 08:00–19:00 local) and no contact
     * history.
     */
    public Builder guardrails(Guardrails guardrails) {
      this.guardrails = Objects.requireNonNull(guardrails, "guardrails == null");
      return this;
    }

    /**
     * Whether the plan first uploads the whole portfolio to the campaign ({@code
     * BULK_ADD_CUSTOMERS} steps of at most 10,000 records, before any contact), for campaigns that
     * do not hold the customers yet. Every customer needs a phone number and a unique loan id, or
     * planning fails naming them. The uploads never initiate calls or workflows themselves. The
     * documented record has no custom attributes, so such a plan never filters on them. Default:
     * {@code false}.
     */
    public Builder uploadCustomers(boolean upload) {
      this.upload = upload;
      return this;
    }

    /** Experiments whose arms the plan compares (see {@link Plan#experiments()}). Default: none. */
    public Builder experiments(List<Experiment> experiments) {
      this.experiments = List.copyOf(experiments);
      return this;
    }

    /**
     * How many threads plan customers (each customer's timing, guardrails and conflicts); the plan
     * is the same for any number. Default: the machine's cores, at most 8.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Planner build() {
      return new Planner(this);
    }
  }
}
