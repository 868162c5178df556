package dev.outreach.rules;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.InvalidDecisionException;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.ContactHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Evaluates a rule base over a portfolio in batches, each in a fresh session, spread over threads,
 * so a large portfolio is never in one working memory at once. Every batch runs on a worker thread,
 * within a {@link RuleBudget}: the calling thread waits for it with a deadline.
 */
final class RuleEvaluator implements DecisionSource {
  static final int DEFAULT_BATCH = 1_000;
  private static final ClassObjectFilter DECISIONS =
      new ClassObjectFilter(dev.outreach.rules.Decision.class);

  private final KieBase base;
  private final Sources sources;
  private final int batchSize;
  private final int threads;
  private final List<Experiment> experiments;
  private final Consumer<CustomerTrace> traces;
  private final RuleBudget budget;
  private final ContactHistory history;

  RuleEvaluator(
      KieBase base,
      Sources sources,
      int batchSize,
      int threads,
      List<Experiment> experiments,
      RuleBudget budget,
      ContactHistory history) {
    this(base, sources, batchSize, threads, experiments, null, budget, history);
  }

  /**
   * With {@code traces}, every customer's {@link CustomerTrace} is passed there as its batch
   * finishes.
   */
  RuleEvaluator(
      KieBase base,
      Sources sources,
      int batchSize,
      int threads,
      List<Experiment> experiments,
      Consumer<CustomerTrace> traces,
      RuleBudget budget,
      ContactHistory history) {
    if (batchSize < 1 || threads < 1) {
      throw new IllegalArgumentException("batchSize and threads must be at least 1");
    }
    this.base = base;
    this.sources = sources;
    this.batchSize = batchSize;
    this.threads = threads;
    this.experiments = List.copyOf(experiments);
    this.traces = traces;
    this.budget = java.util.Objects.requireNonNull(budget, "budget == null");
    this.history = java.util.Objects.requireNonNull(history, "history == null");
  }

  /** Evaluates {@code customers} in one thread, recording which rules fired for whom. */
  List<CustomerTrace> trace(List<Customer> customers, PlanningDay day) {
    PlanningDay today = day;
    List<List<Customer>> batches = batches(customers);
    List<List<CustomerTrace>> each = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      each.add(new ArrayList<>());
    }
    runAll(
        batches,
        1,
        (i, w) -> {
          try {
            traced(w, w.customers(), today, d -> {}, each.get(i)::add);
          } catch (Runaway r) {
            throw runaway(w, today, r);
          }
        });
    List<CustomerTrace> out = new ArrayList<>();
    each.forEach(out::addAll);
    return out;
  }

  /**
   * Runs one batch recording which rules fired, passing decisions to {@code sink} and traces to
   * {@code to}.
   */
  private void traced(
      BatchWatch w,
      List<Customer> batch,
      PlanningDay today,
      Consumer<Ruling> sink,
      Consumer<CustomerTrace> to) {
    FiredRules fired = new FiredRules();
    Map<String, List<Ruling>> decided = new HashMap<>();
    run(
        w,
        batch,
        today,
        d -> decided.computeIfAbsent(d.customerId(), k -> new ArrayList<>()).add(d),
        fired);
    for (Customer c : batch) {
      List<Ruling> mine = decided.getOrDefault(c.loanId(), List.of());
      mine.forEach(sink);
      to.accept(new CustomerTrace(c.loanId(), fired.of(c.loanId()), mine));
    }
  }

  @Override
  public void decide(List<Customer> customers, PlanningDay day, Consumer<Ruling> sink) {
    PlanningDay today = day;
    runAll(batches(customers), threads, (i, w) -> evaluate(w, today, sink));
  }

  private List<List<Customer>> batches(List<Customer> customers) {
    List<List<Customer>> out = new ArrayList<>();
    for (int from = 0; from < customers.size(); from += batchSize) {
      out.add(customers.subList(from, Math.min(customers.size(), from + batchSize)));
    }
    return out;
  }

  /** The work of batch {@code i}. */
  private interface Work {
    void run(int i, BatchWatch w);
  }

  /**
   * Runs every batch on up to {@code threads} daemon worker threads, waiting for each within the
   * budget's time limit; the first failure (or overrun) stops the evaluation.
   */
  private void runAll(List<List<Customer>> batches, int threads, Work work) {
    if (batches.isEmpty()) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, batches.size()),
            r -> {
              Thread t = new Thread(r, "outreach-rules");
              t.setDaemon(true);
              return t;
            });
    try {
      List<BatchWatch> watches = new ArrayList<>();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < batches.size(); i++) {
        BatchWatch w = new BatchWatch(batches.get(i), sources);
        int index = i;
        watches.add(w);
        futures.add(
            pool.submit(
                () -> {
                  w.start();
                  try {
                    work.run(index, w);
                  } catch (StackOverflowError e) {
                    Match m = w.firing();
                    throw new RuleEvaluationException(
                        (m == null ? "the rules" : w.rule(m))
                            + " failed for "
                            + w.customer(m)
                            + ": it recursed without end (stack overflow); does a function or method call itself with no way"
                            + " out?",
                        null);
                  } finally {
                    w.end();
                  }
                }));
      }
      for (int i = 0; i < futures.size(); i++) {
        await(futures.get(i), watches.get(i));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuleEvaluationException("interrupted while evaluating rules", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new RuleEvaluationException("rule evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits for one batch until it ends or has run longer than the budget allows. */
  private void await(Future<?> f, BatchWatch w) throws InterruptedException, ExecutionException {
    long limit =
        budget.batchTimeout().compareTo(Duration.ofDays(365)) > 0
            ? Duration.ofDays(365).toNanos()
            : budget.batchTimeout().toNanos();
    while (true) {
      long started = w.started();
      long wait = started == 0 ? limit : limit - (System.nanoTime() - started);
      if (wait <= 0 && !f.isDone()) {
        Match m = w.firing();
        w.halt();
        f.cancel(true);
        ExitGuard.unwatch(w);
        throw timeout(w, m);
      }
      try {
        f.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        return;
      } catch (TimeoutException e) {
        // look again: the batch may not have started when the wait began
      }
    }
  }

  private RuleEvaluationException timeout(BatchWatch w, Match m) {
    String limit =
        "the limit is "
            + text(budget.batchTimeout())
            + " per batch of up to "
            + String.format(Locale.ROOT, "%,d", batchSize)
            + " customers; RuleBudget.batchTimeout, --rule-timeout";
    if (m != null) {
      return new RuleEvaluationException(
          w.rule(m)
              + " was still running after "
              + text(budget.batchTimeout())
              + " for "
              + w.customer(m)
              + ", so the evaluation stopped ("
              + limit
              + "): does its consequence loop"
              + " or wait? A consequence that never returns keeps one thread busy until the program ends.",
          null);
    }
    Match last = w.last();
    return new RuleEvaluationException(
        "the rules were still running after "
            + text(budget.batchTimeout())
            + " for "
            + w.customer(null)
            + ", so the evaluation stopped ("
            + limit
            + "); no rule's consequence was"
            + " running: a condition or function may loop, or rules fire slowly without end"
            + (last == null
                ? ""
                : "; the last rule to fire was " + w.rule(last) + ", for " + w.customer(last))
            + ".",
        null);
  }

  /** A duration as a person writes it: 90s, 1500ms, 2m. */
  static String text(Duration d) {
    if (d.toMillisPart() != 0 || d.toNanosPart() % 1_000_000 != 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  private void evaluate(BatchWatch w, PlanningDay today, Consumer<Ruling> sink) {
    try {
      if (traces != null) {
        traced(w, w.customers(), today, sink, traces);
        return;
      }
      run(w, w.customers(), today, sink, null);
    } catch (Runaway r) {
      throw runaway(w, today, r);
    } catch (RuleEvaluationException e) {
      throw culprit(w, today, e);
    }
  }

  /**
   * Drools propagates inserts lazily, so a failure in a batch does not say whose data caused it:
   * run the batch again one customer at a time to name the first who fails (a rare, error-only
   * path).
   */
  private RuleEvaluationException culprit(
      BatchWatch w, PlanningDay today, RuleEvaluationException e) {
    List<Customer> batch = w.customers();
    if (batch.size() == 1) {
      return named(e, "customer " + batch.get(0).loanId());
    }
    for (Customer c : batch) {
      try {
        run(w, List.of(c), today, d -> {}, null);
      } catch (RuleEvaluationException single) {
        return named(single, "customer " + c.loanId());
      } catch (Runaway r) {
        return runaway(w, today, r);
      }
    }
    // MVEL may fail only in its compiled form, after earlier customers: say where it happened.
    return named(
        e,
        "one of the customers "
            + batch.get(0).loanId()
            + " to "
            + batch.get(batch.size() - 1).loanId());
  }

  private static RuleEvaluationException named(RuleEvaluationException e, String who) {
    String m = e.getMessage();
    return m.startsWith("rules failed:")
        ? new RuleEvaluationException(
            "rules failed for " + who + m.substring("rules failed".length()), e)
        : e;
  }

  /**
   * Rules fired more often than the budget allows: name the customer (the one the last firing was
   * about, else the first who overruns alone) and the rule that fired most for them, running them
   * again alone.
   */
  private RuleEvaluationException runaway(BatchWatch w, PlanningDay today, Runaway r) {
    String id = r.last == null ? null : BatchWatch.customerOf(r.last);
    for (Customer c : r.batch) {
      if (id != null && !id.equals(c.loanId())) {
        continue;
      }
      RuleCounts counts = new RuleCounts();
      try {
        run(w, List.of(c), today, d -> {}, counts);
      } catch (Runaway alone) {
        return runaway(w, counts.most(), "customer " + c.loanId());
      } catch (RuleEvaluationException ignored) {
        // fails another way alone: not the one that runs away
      }
    }
    return runaway(
        w,
        r.last,
        r.batch.size() == 1
            ? "customer " + r.batch.get(0).loanId()
            : "the customers "
                + r.batch.get(0).loanId()
                + " to "
                + r.batch.get(r.batch.size() - 1).loanId());
  }

  private RuleEvaluationException runaway(BatchWatch w, Match m, String who) {
    String max = String.format(Locale.ROOT, "%,d", budget.maxFiringsPerCustomer());
    return new RuleEvaluationException(
        (m == null ? "the rules" : w.rule(m))
            + " kept firing for "
            + who
            + ": the rules fired more than "
            + max
            + " times per customer, so the evaluation stopped (the limit is"
            + " RuleBudget.maxFiringsPerCustomer, --max-rule-firings). Does a rule change a fact it matches"
            + " (update or modify without no-loop) or keep inserting facts?",
        null);
  }

  /**
   * Rules fired past the budget in a session over {@code batch}; {@code last} is the last firing.
   */
  private static final class Runaway extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Customer> batch;
    private final transient Match last;

    Runaway(List<Customer> batch, Match last) {
      super(null, null, false, false);
      this.batch = batch;
      this.last = last;
    }
  }

  private void run(
      BatchWatch w,
      List<Customer> batch,
      PlanningDay today,
      Consumer<Ruling> sink,
      AgendaEventListener extra) {
    KieSession session = base.newKieSession();
    List<dev.outreach.rules.Decision> made = new ArrayList<>();
    try {
      w.watching(session);
      session.addEventListener(RuleStamp.LISTENER);
      session.addEventListener(w);
      if (extra != null) {
        session.addEventListener(extra);
      }
      session.insert(new Today(today.date(), today.zone()));
      for (Customer c : batch) {
        try {
          session.insert(c);
          for (Attempt a : Attempt.of(history, c, today)) {
            session.insert(a);
          }
          for (Experiment x : experiments) {
            session.insert(new Arm(x.name(), x.armOf(c.loanId()), c));
          }
        } catch (ConsequenceException e) {
          throw failure(e);
        } catch (RuntimeException e) {
          throw new RuleEvaluationException(
              "rules failed for customer " + c.loanId() + ": " + DroolsMessages.runtime(e, sources),
              e);
        }
      }
      int limit = budget.firings(batch.size());
      if (session.fireAllRules(limit + 1) > limit) {
        throw new Runaway(batch, w.last());
      }
      // The session keeps its facts in an identity map, whose order changes from run to run: take
      // the
      // decisions in the order the rules inserted them (by fact handle id), so traces are
      // reproducible.
      List<FactHandle> handles = new ArrayList<>(session.getFactHandles(DECISIONS));
      handles.sort(Comparator.comparingLong(h -> ((InternalFactHandle) h).getId()));
      for (FactHandle h : handles) {
        made.add((dev.outreach.rules.Decision) session.getObject(h));
      }
    } catch (ConsequenceException e) {
      throw failure(e);
    } catch (RuleEvaluationException | Runaway e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RuleEvaluationException("rules failed: " + DroolsMessages.runtime(e, sources), e);
    } finally {
      session.dispose();
    }
    try {
      for (dev.outreach.rules.Decision d : made) {
        sink.accept(d.toCore());
      }
    } catch (InvalidDecisionException e) {
      throw new RuleEvaluationException(e.getMessage(), e);
    }
  }

  private RuleEvaluationException failure(ConsequenceException e) {
    String rule = e.getRule() == null ? "?" : e.getRule().getName();
    String customer =
        e.getMatch() == null
            ? ""
            : e.getMatch().getObjects().stream()
                .filter(Customer.class::isInstance)
                .map(o -> " for " + ((Customer) o).loanId())
                .findFirst()
                .orElse("");
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        root instanceof IllegalArgumentException || root instanceof NullPointerException
            ? root.getMessage()
            : sources.rewrite(root.toString());
    return new RuleEvaluationException("rule \"" + rule + "\" failed" + customer + ": " + why, e);
  }
}
