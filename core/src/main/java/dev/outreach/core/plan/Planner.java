package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.filter.SnapshotIndex;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.guardrail.Verdict;
import dev.outreach.core.guardrail.Wanted;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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

  private final String campaignId;
  private final ZoneId zone;
  private final int maxIdsPerStep;
  private final FilterCompiler.Mode filterMode;
  private final boolean upload;
  private final Guardrails guardrails;
  private final List<Experiment> experiments;
  private final int threads;

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
    return new Assembly(at, byId, perCustomer).build(portfolio);
  }

  /** One plan being put together; not thread-safe, used once. */
  private final class Assembly implements Effects {
    private final OffsetDateTime asOf;
    private final Map<String, Customer> byId;
    private final Map<String, List<Ruling>> perCustomer;
    private final TreeMap<Group.Key, Group> groups = new TreeMap<>(Group.ORDER);
    private final List<Suppressed> suppressed = new ArrayList<>();
    private final List<String> undecided = new ArrayList<>();
    private final List<Overridden> overrides = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final EnumMap<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
    private final ArmTally arms = new ArmTally(experiments);
    private final Batches batches;
    private int contacted;
    private int dropped;
    private List<CapacityDay> capacityDays = List.of();

    Assembly(
        OffsetDateTime asOf, Map<String, Customer> byId, Map<String, List<Ruling>> perCustomer) {
      this.asOf = asOf;
      this.byId = byId;
      this.perCustomer = perCustomer;
      this.batches = new Batches(guardrails, asOf, zone);
    }

    Plan build(List<Customer> portfolio) {
      List<String> ids = new ArrayList<>(byId.keySet());
      ids.sort(null);
      // With a daily capacity, every customer's effects are held until the days are filled.
      Capacity capacity = Capacity.applies(guardrails) ? new Capacity(guardrails, zone) : null;
      Effects to = capacity == null ? this : capacity;
      PerCustomer.run(
          threads,
          ids,
          id -> {
            Effects.Recorded r = new Effects.Recorded();
            decide(id, perCustomer.getOrDefault(id, List.of()), r);
            return r;
          },
          id -> decide(id, perCustomer.getOrDefault(id, List.of()), to),
          r -> r.applyTo(to));
      if (capacity != null) {
        capacityDays = capacity.allocate();
        capacity.replay(this);
      }
      // Indexed once: the compiler probes it for each group, the proof for each step.
      SnapshotIndex index =
          filterMode == FilterCompiler.Mode.IDS ? null : SnapshotIndex.of(portfolio);
      if (index
          != null) { // each column built by one thread while the others build theirs, not waited on
        Parallel.map(
            threads,
            index.attributes(),
            a -> {
              index.build(a);
              return a;
            });
      }
      List<Step> steps =
          steps(
              index == null
                  ? new FilterCompiler(portfolio, filterMode, maxIdsPerStep, !upload)
                  : new FilterCompiler(index, filterMode, maxIdsPerStep, !upload));
      AudienceCheck.verify(steps, portfolio, byId, index, threads);
      Summary summary =
          new Summary(
              byId.size(),
              contacted,
              suppressed.size(),
              undecided.size(),
              dropped,
              steps.size(),
              byChannel);
      return new Plan(
          campaignId,
          asOf.atZoneSameInstant(zone).toOffsetDateTime(),
          zone,
          summary,
          steps,
          suppressed,
          undecided,
          overrides,
          warnings,
          arms.results(),
          capacityDays);
    }

    /**
     * Plans one customer, telling {@code out} what that adds to the plan; reads only shared,
     * unchanging state.
     */
    private void decide(String id, List<Ruling> decisions, Effects out) {
      if (decisions.isEmpty()) {
        out.undecided(id);
        out.arm(id, ArmTally.Outcome.UNDECIDED, Set.of());
        return;
      }
      Conflicts.Resolved r = Conflicts.resolve(decisions);
      r.overrides().forEach(out::overridden);
      if (r.suppression() != null) {
        Suppression s = r.suppression();
        for (Ruling d : decisions) {
          if (d instanceof Contact && ((Contact) d).batched()) {
            out.exclude((Contact) d, "suppressed by rule \"" + s.rule() + "\": " + s.reason());
          }
        }
        out.suppressed(new Suppressed(id, s.reason(), s.rule()));
        out.arm(id, ArmTally.Outcome.SUPPRESSED, Set.of());
        return;
      }
      Set<Channel> reached = EnumSet.noneOf(Channel.class);
      List<Guardrails.Planned> planned = new ArrayList<>(2); // what shared caps count
      ZoneId local = CustomerZones.zoneOf(byId.get(id), zone);
      Guardrails own = guardrails.of(byId.get(id)); // the customer's jurisdiction's
      ZonedDateTime localNow = asOf.atZoneSameInstant(local);
      for (List<Contact> candidates : r.candidates().values()) {
        Contact winner = null;
        for (Contact c : candidates) {
          if (winner != null) {
            Overridden lost = Conflicts.lostTo(c, winner);
            out.overridden(lost);
            excludeFromBatch(c, "lost to rule \"" + winner.rule() + "\" (" + lost.why() + ")", out);
            continue;
          }
          String refused =
              guardrails.policy().consent().refusal(byId.get(id), c.channel(), asOf.toInstant());
          if (refused != null) {
            out.warning(
                new Warning("CONSENT", id, c.rule(), c.channel() + " not planned: " + refused));
            excludeFromBatch(c, "CONSENT: " + refused, out);
            continue;
          }
          TimingResolver.Resolution slot = TimingResolver.resolve(c.timing(), localNow, local);
          if (slot instanceof TimingResolver.Passed passed) {
            String why = passed.why();
            out.warning(
                new Warning("TIMING_PASSED", id, c.rule(), c.channel() + " not planned: " + why));
            excludeFromBatch(c, why, out);
            continue;
          }
          Wanted wanted = ((TimingResolver.Slot) slot).wanted();
          if (c.batched() && own != guardrails) {
            String why =
                "a batch campaign follows the plan's policy, and this customer's jurisdiction ("
                    + guardrails.policy().jurisdictions().attribute()
                    + " "
                    + guardrails.policy().jurisdictions().of(byId.get(id))
                    + ") has its own; make their calls direct";
            out.warning(new Warning("JURISDICTION", id, c.rule(), "CALL not planned: " + why));
            out.exclude(c, "JURISDICTION: " + why);
            continue;
          }
          Verdict v = own.check(id, c.channel(), local, wanted, planned);
          ZonedDateTime notBefore;
          ZonedDateTime notAfter;
          if (v instanceof Verdict.Blocked) {
            Verdict.Blocked b = (Verdict.Blocked) v;
            out.warning(
                new Warning(
                    b.guardrail().name(), id, c.rule(), c.channel() + " not planned: " + b.why()));
            excludeFromBatch(c, b.guardrail() + ": " + b.why(), out);
            continue;
          } else if (v instanceof Verdict.Moved) {
            Verdict.Moved m = (Verdict.Moved) v;
            out.warning(new Warning(m.guardrail().name(), id, c.rule(), m.why()));
            notBefore = m.notBefore();
            notAfter = m.notAfter();
          } else {
            notBefore = ((Verdict.Allowed) v).notBefore();
            notAfter = ((Verdict.Allowed) v).notAfter();
          }
          String capped = c.batched() ? batches.capProblem(c, notBefore) : null;
          if (capped != null) {
            out.warning(
                new Warning(
                    "FREQUENCY_CAP", id, c.rule(), c.channel() + " not planned: " + capped));
            out.exclude(c, "FREQUENCY_CAP: " + capped);
            continue;
          }
          winner = c;
          planned.add(new Guardrails.Planned(c.channel(), notBefore.toInstant()));
          if (c.batched()) {
            out.batch(c, local, notBefore);
          } else {
            out.group(
                Group.Key.of(
                    c, inPlanZone(notBefore), notAfter == null ? null : inPlanZone(notAfter)),
                c,
                new Group.Placement(local, wanted, own));
          }
          reached.add(c.channel());
        }
      }
      out.done(reached);
      out.arm(
          id, reached.isEmpty() ? ArmTally.Outcome.DROPPED : ArmTally.Outcome.CONTACTED, reached);
    }

    private void excludeFromBatch(Contact c, String why, Effects out) {
      if (c.batched()) {
        out.exclude(c, why);
      }
    }

    @Override
    public void overridden(Overridden o) {
      overrides.add(o);
    }

    @Override
    public void warning(Warning w) {
      warnings.add(w);
    }

    @Override
    public void suppressed(Suppressed s) {
      suppressed.add(s);
    }

    @Override
    public void undecided(String id) {
      undecided.add(id);
    }

    @Override
    public void exclude(Contact c, String why) {
      batches.exclude(c, why);
    }

    @Override
    public void batch(Contact c, ZoneId local, ZonedDateTime notBefore) {
      batches.add(c, local, notBefore);
    }

    @Override
    public void group(Group.Key key, Contact c, Group.Placement placement) {
      groups.computeIfAbsent(key, Group::new).add(c);
    }

    @Override
    public void arm(String id, ArmTally.Outcome outcome, Set<Channel> reached) {
      arms.add(id, outcome, reached);
    }

    @Override
    public void done(Set<Channel> reached) {
      reached.forEach(ch -> byChannel.merge(ch, 1, Integer::sum));
      if (reached.isEmpty()) {
        dropped++;
      } else {
        contacted++;
      }
    }

    /**
     * Instants are shown in the plan's zone, so customers of different zones share a step when they
     * can.
     */
    private OffsetDateTime inPlanZone(ZonedDateTime t) {
      return t.withZoneSameInstant(zone).toOffsetDateTime();
    }

    private List<Step> steps(FilterCompiler compiler) {
      List<Step> steps = new ArrayList<>();
      if (upload) {
        OffsetDateTime now = asOf.atZoneSameInstant(zone).toOffsetDateTime();
        for (jakarta.json.JsonObject body :
            BulkAdd.bodies(campaignId, new ArrayList<>(byId.values()), BulkAdd.MAX_RECORDS)) {
          List<String> ids = new ArrayList<>();
          body.getJsonArray("records").forEach(r -> ids.add(r.asJsonObject().getString("loan_id")));
          steps.add(
              new Step(
                  String.format(Locale.ROOT, "s%04d", steps.size() + 1),
                  StepKind.BULK_ADD_CUSTOMERS,
                  "POST",
                  BulkAdd.PATH,
                  now,
                  null,
                  body,
                  ids,
                  List.of()));
        }
      }
      batches.steps(steps, warnings); // they start now: the server waits for scheduled_at
      // Each group's filters are worked out on their own (the index is shared, read-only), in
      // parallel.
      List<Group> all = new ArrayList<>(groups.values());
      List<List<FilterCompiler.Compiled>> compiled =
          Parallel.map(
              filterMode == FilterCompiler.Mode.IDS ? 1 : threads,
              all,
              g -> {
                List<Customer> audience = new ArrayList<>(g.customerIds.size());
                for (String id :
                    g.customerIds) { // already in loan id order: customers were visited sorted
                  audience.add(byId.get(id));
                }
                return compiler.compile(audience);
              });
      for (int i = 0; i < all.size(); i++) {
        Group g = all.get(i);
        StepKind kind = StepKind.initiate(g.key.channel());
        for (FilterCompiler.Compiled c : compiled.get(i)) {
          String stepId = String.format(Locale.ROOT, "s%04d", steps.size() + 1);
          steps.add(
              new Step(
                  stepId,
                  kind,
                  "POST",
                  kind.path(campaignId),
                  g.key.notBefore(),
                  g.key.notAfter(),
                  RequestBodies.initiate(g.key, c.filters(), c.customerIds().size()),
                  c.customerIds(),
                  List.copyOf(g.rules)));
        }
      }
      return steps;
    }
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
