package dev.outreach.rules;

import dev.outreach.core.Customer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * One batch of customers being evaluated on a worker thread: when it started, its session, and the
 * rule whose consequence runs now, so the thread that waits for the batch can tell (and stop) a
 * rule that runs too long, and {@link ExitGuard} can tell which rule called {@code System.exit}.
 * Per firing it costs two plain stores.
 */
final class BatchWatch extends DefaultAgendaEventListener {
  private final List<Customer> customers;
  private final Sources sources;
  private final AtomicReference<Match> firing = new AtomicReference<>();
  private volatile Thread thread;
  private volatile long started;
  private volatile KieSession session;
  private Match last;

  BatchWatch(List<Customer> customers, Sources sources) {
    this.customers = customers;
    this.sources = sources;
  }

  List<Customer> customers() {
    return customers;
  }

  /** Called on the worker thread as the batch starts. */
  void start() {
    thread = Thread.currentThread();
    started = System.nanoTime() | 1L; // never 0, which means "not started"
    ExitGuard.watch(this);
  }

  /**
   * Called on the worker thread as the batch ends, however it ends. Lets go of the session and its
   * last match: the evaluation keeps every batch's watch until all batches end, and a disposed
   * session's network memory would otherwise stay reachable (hundreds of megabytes over a million
   * customers).
   */
  void end() {
    ExitGuard.unwatch(this);
    session = null;
    last = null;
    firing.lazySet(null);
  }

  /** {@code System.nanoTime()} when the batch started, or 0 when it has not. */
  long started() {
    return started;
  }

  Thread thread() {
    return thread;
  }

  /** A new session is evaluating (part of) the batch. */
  void watching(KieSession s) {
    session = s;
    last = null;
    firing.lazySet(null);
  }

  /** Asks the session to stop firing rules (it stops after the running consequence returns). */
  void halt() {
    KieSession s = session;
    if (s != null) {
      try {
        s.halt();
      } catch (RuntimeException ignored) {
        // already disposed: nothing to stop
      }
    }
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent e) {
    last = e.getMatch();
    firing.lazySet(last);
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent e) {
    firing.lazySet(null);
  }

  /** The match whose consequence runs now, or {@code null} between consequences. */
  Match firing() {
    return firing.get();
  }

  /** The match that fired last in the current session (read it from the worker thread). */
  Match last() {
    return last;
  }

  /** {@code rule "NAME" (FILE:LINE)} for the rule of {@code m}. */
  String rule(Match m) {
    String where = sources.where(m.getRule());
    return "rule \"" + m.getRule().getName() + "\"" + (where == null ? "" : " (" + where + ")");
  }

  /**
   * "customer ID" for the customer {@code m} is about, else "the customers FIRST to LAST" of the
   * batch.
   */
  String customer(Match m) {
    String id = m == null ? null : customerOf(m);
    if (id != null) {
      return "customer " + id;
    }
    return customers.size() == 1
        ? "customer " + customers.get(0).loanId()
        : "one of the customers "
            + customers.get(0).loanId()
            + " to "
            + customers.get(customers.size() - 1).loanId();
  }

  /**
   * The loan id of the first customer among {@code m}'s facts (directly, or carried by a fact), or
   * null.
   */
  static String customerOf(Match m) {
    for (Object o : m.getObjects()) {
      List<String> ids = FiredRules.customerIds(o);
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
    }
    return null;
  }
}
