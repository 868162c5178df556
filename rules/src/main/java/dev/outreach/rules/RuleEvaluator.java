package dev.outreach.rules;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Decision;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.InvalidDecisionException;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.experiment.Experiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Evaluates a rule base over a portfolio in batches, each in a fresh session, spread over threads, so a
 * large portfolio is never in one working memory at once.
 */
final class RuleEvaluator implements DecisionSource {
  static final int DEFAULT_BATCH = 1_000;
  private static final ClassObjectFilter DECISIONS = new ClassObjectFilter(dev.outreach.rules.Decision.class);

  private final KieBase base;
  private final Sources sources;
  private final int batchSize;
  private final int threads;
  private final List<Experiment> experiments;
  private final Consumer<CustomerTrace> traces;

  RuleEvaluator(KieBase base, Sources sources, int batchSize, int threads, List<Experiment> experiments) {
    this(base, sources, batchSize, threads, experiments, null);
  }

  /** With {@code traces}, every customer's {@link CustomerTrace} is passed there as its batch finishes. */
  RuleEvaluator(KieBase base, Sources sources, int batchSize, int threads, List<Experiment> experiments,
      Consumer<CustomerTrace> traces) {
    if (batchSize < 1 || threads < 1) {
      throw new IllegalArgumentException("batchSize and threads must be at least 1");
    }
    this.base = base;
    this.sources = sources;
    this.batchSize = batchSize;
    this.threads = threads;
    this.experiments = List.copyOf(experiments);
    this.traces = traces;
  }

  /** Evaluates {@code customers} in one thread, recording which rules fired for whom. */
  List<CustomerTrace> trace(List<Customer> customers, PlanningDay day) {
    Today today = new Today(day.date(), day.zone());
    List<CustomerTrace> out = new ArrayList<>();
    for (int from = 0; from < customers.size(); from += batchSize) {
      traced(customers.subList(from, Math.min(customers.size(), from + batchSize)), today, d -> { }, out::add);
    }
    return out;
  }

  /** Runs one batch recording which rules fired, passing decisions to {@code sink} and traces to {@code to}. */
  private void traced(List<Customer> batch, Today today, Consumer<Decision> sink, Consumer<CustomerTrace> to) {
    FiredRules fired = new FiredRules();
    Map<String, List<Decision>> decided = new HashMap<>();
    run(batch, today, d -> decided.computeIfAbsent(d.customerId(), k -> new ArrayList<>()).add(d), fired);
    for (Customer c : batch) {
      List<Decision> mine = decided.getOrDefault(c.loanId(), List.of());
      mine.forEach(sink);
      to.accept(new CustomerTrace(c.loanId(), fired.of(c.loanId()), mine));
    }
  }

  @Override
  public void decide(List<Customer> customers, PlanningDay day, Consumer<Decision> sink) {
    Today today = new Today(day.date(), day.zone());
    int batches = (customers.size() + batchSize - 1) / batchSize;
    if (batches <= 1 || threads == 1) {
      for (int from = 0; from < customers.size(); from += batchSize) {
        evaluate(customers.subList(from, Math.min(customers.size(), from + batchSize)), today, sink);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, batches), r -> {
      Thread t = new Thread(r, "outreach-rules");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int from = 0; from < customers.size(); from += batchSize) {
        List<Customer> batch = customers.subList(from, Math.min(customers.size(), from + batchSize));
        futures.add(pool.submit(() -> evaluate(batch, today, sink)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuleEvaluationException("interrupted while evaluating rules", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new RuleEvaluationException("rule evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void evaluate(List<Customer> batch, Today today, Consumer<Decision> sink) {
    try {
      if (traces != null) {
        traced(batch, today, sink, traces);
        return;
      }
      run(batch, today, sink, null);
    } catch (RuleEvaluationException e) {
      throw culprit(batch, today, e);
    }
  }

  /**
   * Drools propagates inserts lazily, so a failure in a batch does not say whose data caused it: run the
   * batch again one customer at a time to name the first who fails (a rare, error-only path).
   */
  private RuleEvaluationException culprit(List<Customer> batch, Today today, RuleEvaluationException e) {
    if (batch.size() == 1) {
      return named(e, "customer " + batch.get(0).loanId());
    }
    for (Customer c : batch) {
      try {
        run(List.of(c), today, d -> { }, null);
      } catch (RuleEvaluationException single) {
        return named(single, "customer " + c.loanId());
      }
    }
    // MVEL may fail only in its compiled form, after earlier customers: say where it happened.
    return named(e, "one of the customers " + batch.get(0).loanId() + " to " + batch.get(batch.size() - 1).loanId());
  }

  private static RuleEvaluationException named(RuleEvaluationException e, String who) {
    String m = e.getMessage();
    return m.startsWith("rules failed:")
        ? new RuleEvaluationException("rules failed for " + who + m.substring("rules failed".length()), e) : e;
  }

  private void run(List<Customer> batch, Today today, Consumer<Decision> sink, FiredRules fired) {
    KieSession session = base.newKieSession();
    List<dev.outreach.rules.Decision> made = new ArrayList<>();
    try {
      session.addEventListener(RuleStamp.LISTENER);
      if (fired != null) {
        session.addEventListener(fired);
      }
      session.insert(today);
      for (Customer c : batch) {
        try {
          session.insert(c);
          for (Experiment x : experiments) {
            session.insert(new Arm(x.name(), x.armOf(c.loanId()), c));
          }
        } catch (ConsequenceException e) {
          throw failure(e);
        } catch (RuntimeException e) {
          throw new RuleEvaluationException("rules failed for customer " + c.loanId() + ": "
              + Messages.runtime(e, sources), e);
        }
      }
      session.fireAllRules();
      // The session keeps its facts in an identity map, whose order changes from run to run: take the
      // decisions in the order the rules inserted them (by fact handle id), so traces are reproducible.
      List<FactHandle> handles = new ArrayList<>(session.getFactHandles(DECISIONS));
      handles.sort(Comparator.comparingLong(h -> ((InternalFactHandle) h).getId()));
      for (FactHandle h : handles) {
        made.add((dev.outreach.rules.Decision) session.getObject(h));
      }
    } catch (ConsequenceException e) {
      throw failure(e);
    } catch (RuleEvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RuleEvaluationException("rules failed: " + Messages.runtime(e, sources), e);
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
    String customer = e.getMatch() == null ? "" : e.getMatch().getObjects().stream()
        .filter(Customer.class::isInstance).map(o -> " for " + ((Customer) o).loanId()).findFirst().orElse("");
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root instanceof IllegalArgumentException || root instanceof NullPointerException
        ? root.getMessage() : sources.rewrite(root.toString());
    return new RuleEvaluationException("rule \"" + rule + "\" failed" + customer + ": " + why, e);
  }
}
