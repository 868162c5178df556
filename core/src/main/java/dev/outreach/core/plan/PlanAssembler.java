package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.filter.PartialSnapshot;
import dev.outreach.core.filter.SnapshotIndex;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Puts a plan together from each customer's {@link CustomerPlan}, given in loan-id order: daily
 * capacity, grouping into requests, filters and the exact-audience proof, as {@link Planner} does.
 * Only what the plan itself lists is kept per customer until {@link #finish}. Not thread-safe; used
 * once.
 *
 * <pre>{@code
 * PlanAssembler assembler = planner.assembler(asOf);
 * customerPlansInLoanIdOrder.forEach(assembler::add);
 * Plan plan = assembler.finish(portfolio);
 * }</pre>
 */
public final class PlanAssembler {
  private final Planner planner;
  private final OffsetDateTime asOf;
  private final ZoneId zone;
  private final TreeMap<Group.Key, Group> groups = new TreeMap<>(Group.ORDER);
  private final List<Suppressed> suppressed = new ArrayList<>();
  private final List<String> undecided = new ArrayList<>();
  private final List<Overridden> overrides = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final EnumMap<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
  private final ArmTally arms;
  private final Batches batches;

  /** With a daily capacity, every customer's effects are held until the days are filled. */
  private final Capacity capacity;

  private final Effects to;
  private int contacted;
  private int dropped;
  private long added;
  private String last;
  private boolean finished;
  private List<CapacityDay> capacityDays = List.of();

  PlanAssembler(Planner planner, OffsetDateTime asOf) {
    this.planner = planner;
    this.asOf = asOf;
    this.zone = planner.zone;
    this.arms = new ArmTally(planner.experiments);
    this.batches = new Batches(planner.guardrails, asOf, zone);
    this.capacity =
        Capacity.applies(planner.guardrails) ? new Capacity(planner.guardrails, zone) : null;
    Effects self = new Applied();
    this.to = capacity == null ? self : capacity;
  }

  /**
   * Adds one customer's plan; customers come in loan-id order ({@link String#compareTo}), each
   * once.
   *
   * @throws IllegalArgumentException if {@code p}'s loan id is not after the last one added
   */
  public void add(CustomerPlan p) {
    String id = p.loanId();
    if (last != null && last.compareTo(id) >= 0) {
      throw new IllegalArgumentException(
          last.equals(id)
              ? "the portfolio has loan id " + id + " more than once"
              : "customer plans must come in loan id order: " + id + " after " + last);
    }
    last = id;
    added++;
    p.applyTo(to);
  }

  /** Where the planner tells a customer's effects directly, without recording them. */
  Effects target(String loanId) {
    if (last != null && last.compareTo(loanId) >= 0) {
      throw new IllegalArgumentException("customers must come in loan id order: " + loanId);
    }
    last = loanId;
    added++;
    return to;
  }

  /**
   * The plan: capacity applied, customers grouped into requests, each request's filters chosen
   * against {@code portfolio} and proved to select exactly its customers from it.
   *
   * @param portfolio every customer added, in the portfolio's order (the filters are chosen in that
   *     order, so the same order gives the same bytes); only the attributes filters read are needed
   *     ({@code payment_status}, {@code language}, {@code emi_due_date}, {@code emi_amount}, custom
   *     attributes), and the whole record when the plan uploads the customers
   * @throws IllegalArgumentException if {@code portfolio} is not the customers added
   */
  public Plan finish(List<Customer> portfolio) {
    return finish(Objects.requireNonNull(portfolio, "portfolio == null"), null, null);
  }

  /**
   * {@link #finish(List)}, with the steps proved by {@code proof} where the portfolio is kept (say
   * in Spark's partitions) instead of against {@code portfolio} here.
   */
  public Plan finish(List<Customer> portfolio, AudienceProof proof) {
    Objects.requireNonNull(proof, "proof == null");
    return finish(Objects.requireNonNull(portfolio, "portfolio == null"), null, proof);
  }

  /**
   * {@link #finish(List, AudienceProof)} with the portfolio given as the index of what filters read
   * ({@link SnapshotIndex#builder}), for a planner that chooses filters ({@link
   * FilterCompiler.Mode#COMPACT}) and uploads no customers: no whole customer is kept.
   *
   * @throws IllegalStateException if the planner lists ids alone or uploads customers
   * @throws IllegalArgumentException if {@code snapshot} is not the customers added
   */
  public Plan finish(SnapshotIndex snapshot, AudienceProof proof) {
    compactOnly(snapshot, proof, "an index alone");
    start(snapshot.size());
    List<Step> steps =
        steps(
            List.of(),
            new FilterCompiler(snapshot, planner.filterMode, planner.maxIdsPerStep, true));
    return proved(steps, proof, snapshot.size());
  }

  /**
   * {@link #finish(SnapshotIndex, AudienceProof)} with the portfolio kept where it is, only the
   * customers the requests name indexed here ({@link PartialSnapshot}): the filters are chosen in
   * rounds, each asking the snapshot's engine everything the groups still need, and are the same as
   * over the whole portfolio.
   *
   * @throws IllegalStateException if the planner lists ids alone or uploads customers
   * @throws IllegalArgumentException if {@code snapshot} is not the customers added
   */
  public Plan finish(PartialSnapshot snapshot, AudienceProof proof) {
    compactOnly(snapshot, proof, "a partial snapshot");
    start(snapshot.size());
    List<Step> steps =
        steps(
            List.of(),
            new FilterCompiler(snapshot, planner.filterMode, planner.maxIdsPerStep, true),
            snapshot);
    return proved(steps, proof, snapshot.size());
  }

  /** Refuses a finish from {@code snapshot} ({@code what}) for a planner it cannot serve. */
  private void compactOnly(Object snapshot, AudienceProof proof, String what) {
    Objects.requireNonNull(snapshot, "snapshot == null");
    Objects.requireNonNull(proof, "proof == null");
    if (planner.filterMode != FilterCompiler.Mode.COMPACT || planner.upload) {
      throw new IllegalStateException(
          "only a plan that chooses filters and uploads nobody is made from " + what);
    }
  }

  /**
   * The plan of a planner whose requests list ids ({@link FilterCompiler.Mode#IDS}) and that
   * uploads no customers: such a plan needs no customer's attributes, only the loan ids added, so
   * no portfolio is kept anywhere; {@code proof} proves the steps where the portfolio is.
   *
   * @throws IllegalStateException if the planner chooses filters or uploads customers
   */
  public Plan finishByIds(AudienceProof proof) {
    Objects.requireNonNull(proof, "proof == null");
    if (planner.filterMode != FilterCompiler.Mode.IDS || planner.upload) {
      throw new IllegalStateException(
          "only a plan of id lists that uploads nobody is made without the portfolio");
    }
    return finish(null, null, proof);
  }

  /**
   * {@link #finish(List)}, with the portfolio already indexed by loan id when {@code byId}, proved
   * by {@code proof} when given; {@code portfolio} null for a plan of ids alone.
   */
  Plan finish(List<Customer> portfolio, Map<String, Customer> byId, AudienceProof proof) {
    start(portfolio == null ? added : portfolio.size());
    int customers = portfolio == null ? Math.toIntExact(added) : portfolio.size();
    List<Step> steps =
        portfolio == null
            ? steps(
                List.of(),
                new FilterCompiler(
                    List.of(), FilterCompiler.Mode.IDS, planner.maxIdsPerStep, !planner.upload))
            : compiled(portfolio, byId, proof == null);
    return proved(steps, proof, customers);
  }

  /** Checks that {@code customers} were added, once, and applies the daily capacity. */
  private void start(long customers) {
    if (finished) {
      throw new IllegalStateException("the plan was already made");
    }
    if (customers != added) {
      throw new IllegalArgumentException(
          "the portfolio has " + customers + " customers, and " + added + " were planned");
    }
    finished = true;
    if (capacity != null) {
      capacityDays = capacity.allocate();
      capacity.replay(new Applied());
    }
  }

  private Plan proved(List<Step> steps, AudienceProof proof, int customers) {
    AudienceCheck.limits(steps);
    if (proof != null) {
      proof.verify(steps); // the index is gone by now: the proof may need the memory
    }
    return plan(steps, customers, capacityDays);
  }

  /**
   * The steps, their filters chosen against {@code portfolio}, and proved here when {@code prove}.
   */
  private List<Step> compiled(List<Customer> portfolio, Map<String, Customer> byId, boolean prove) {
    int threads = planner.threads;
    // Indexed once: the compiler probes it for each group, the proof for each step.
    SnapshotIndex index =
        planner.filterMode == FilterCompiler.Mode.IDS ? null : SnapshotIndex.of(portfolio);
    if (index != null) { // each column built by one thread while the others build theirs
      Parallel.map(
          threads,
          index.attributes(),
          a -> {
            index.build(a);
            return a;
          });
    }
    Map<String, Customer> ids = byId;
    if (ids == null && index == null && prove) {
      ids = new HashMap<>(portfolio.size() * 2);
      for (Customer c : portfolio) {
        if (ids.putIfAbsent(c.loanId(), c) != null) {
          throw new IllegalArgumentException(
              "the portfolio has loan id " + c.loanId() + " more than once");
        }
      }
    }
    Function<String, Customer> lookup =
        ids != null ? ids::get : index != null ? byPosition(index, portfolio) : null;
    List<Step> steps =
        steps(
            portfolio,
            index == null
                ? new FilterCompiler(
                    portfolio, planner.filterMode, planner.maxIdsPerStep, !planner.upload)
                : new FilterCompiler(
                    index, planner.filterMode, planner.maxIdsPerStep, !planner.upload));
    if (prove) {
      AudienceCheck.verify(steps, portfolio, lookup, index, threads);
    }
    return steps;
  }

  private Plan plan(List<Step> steps, long customers, List<CapacityDay> capacityDays) {
    Summary summary =
        new Summary(
            Math.toIntExact(customers),
            contacted,
            suppressed.size(),
            undecided.size(),
            dropped,
            steps.size(),
            byChannel);
    return new Plan(
        planner.campaignId,
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

  private static Function<String, Customer> byPosition(
      SnapshotIndex index, List<Customer> portfolio) {
    return id -> {
      int p = index.position(id);
      return p < 0 ? null : portfolio.get(p);
    };
  }

  private List<Step> steps(List<Customer> portfolio, FilterCompiler compiler) {
    return steps(portfolio, compiler, null);
  }

  /**
   * Each group's requests; over a snapshot asked about in rounds ({@code asked}), the groups not
   * compiled yet are attempted again after each round of questions.
   */
  private List<List<FilterCompiler.Compiled>> compiled(
      List<Group> all, FilterCompiler compiler, PartialSnapshot asked) {
    int threads = planner.filterMode == FilterCompiler.Mode.IDS ? 1 : planner.threads;
    if (asked == null) {
      // in loan id order: customers came sorted
      return Parallel.map(threads, all, g -> compiler.compileIds(g.customerIds));
    }
    List<List<FilterCompiler.Compiled>> out =
        new ArrayList<>(java.util.Collections.nCopies(all.size(), null));
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      pending.add(i);
    }
    while (!pending.isEmpty()) {
      List<List<FilterCompiler.Compiled>> tried =
          Parallel.map(threads, pending, i -> compiler.attempt(all.get(i).customerIds));
      List<Integer> left = new ArrayList<>();
      for (int k = 0; k < pending.size(); k++) {
        if (tried.get(k) == null) {
          left.add(pending.get(k));
        } else {
          out.set(pending.get(k), tried.get(k));
        }
      }
      if (!left.isEmpty() && !asked.answer()) {
        throw new IllegalStateException("internal error: groups wait on answers nobody asked for");
      }
      pending = left;
    }
    return out;
  }

  private List<Step> steps(
      List<Customer> portfolio, FilterCompiler compiler, PartialSnapshot asked) {
    List<Step> steps = new ArrayList<>();
    String campaignId = planner.campaignId;
    if (planner.upload) {
      OffsetDateTime now = asOf.atZoneSameInstant(zone).toOffsetDateTime();
      for (jakarta.json.JsonObject body :
          BulkAdd.bodies(campaignId, portfolio, BulkAdd.MAX_RECORDS)) {
        List<String> ids = new ArrayList<>();
        body.getJsonArray("records").forEach(r -> ids.add(r.asJsonObject().getString("loan_id")));
        steps.add(
            new Step(
                stepId(steps),
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
    List<List<FilterCompiler.Compiled>> compiled = compiled(all, compiler, asked);
    for (int i = 0; i < all.size(); i++) {
      Group g = all.get(i);
      StepKind kind = StepKind.initiate(g.key.channel());
      for (FilterCompiler.Compiled c : compiled.get(i)) {
        steps.add(
            new Step(
                stepId(steps),
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

  private static String stepId(List<Step> steps) {
    return String.format(Locale.ROOT, "s%04d", steps.size() + 1);
  }

  /** The effects, applied to the plan being made. */
  private final class Applied implements Effects {
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
  }
}
