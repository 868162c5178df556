package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.http.execute.ExecutionReport.ChannelTotals;
import dev.outreach.http.journal.JournalException;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import dev.outreach.http.journal.StepHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One execution of a plan. The calling thread dispatches the steps in plan order - waiting for each
 * step's {@code notBefore}, for the steps it depends on, and for a free worker - and up to {@code
 * maxInFlight} worker threads send them.
 */
final class Run {
  private static final Duration LONGEST_NAP = Duration.ofMinutes(1);

  private final Plan plan;
  private final Settings s;
  private final Map<String, StepHistory> history;
  private final List<String> notes;
  private final Stop stop = new Stop();
  private final Map<String, CompletableFuture<StepResult>> byId = new HashMap<>();
  private final Map<String, Boolean> resumed = new HashMap<>();

  Run(Plan plan, Settings s) {
    this.plan = plan;
    this.s = s;
    this.history = s.journal() == null ? Map.of() : s.journal().contents().steps();
    this.notes = new ArrayList<>();
    if (s.journal() != null) {
      s.journal().contents().tornTail().ifPresent(notes::add);
      if (s.journal().contents().header().baseUrl().isEmpty() && !history.isEmpty()) {
        notes.add(unboundJournal(s.journal().file().toString()));
      }
    }
  }

  /** What to tell about a resumed journal that does not record which API it was run against. */
  private static String unboundJournal(String file) {
    return "journal "
        + file
        + " does not record which API it was run against (format version 1, or opened"
        + " without a base URL): the steps it settled were taken as settled here. If it was a rehearsal against"
        + " another API (a sandbox), they were never sent to this one: run again with a new --journal file";
  }

  ExecutionReport execute() {
    PlanChecks.check(plan, s.senders());
    AtomicInteger n = new AtomicInteger();
    int workers = s.maxInFlight();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "outreach-send-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Semaphore slots = new Semaphore(workers);
    List<CompletableFuture<StepResult>> futures = new ArrayList<>();
    List<CompletableFuture<StepResult>> uploads = new ArrayList<>();
    try {
      for (Step step : plan.steps()) {
        CompletableFuture<StepResult> f = dispatch(step, uploads, slots, pool);
        futures.add(f);
        byId.put(step.id(), f);
        if (step.kind() == StepKind.BULK_ADD_CUSTOMERS) {
          uploads.add(f);
        }
      }
    } finally {
      futures.forEach(CompletableFuture::join); // steps in flight always finish and are journaled
      pool.shutdown();
    }
    return report(futures.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<StepResult> dispatch(
      Step step,
      List<CompletableFuture<StepResult>> uploads,
      Semaphore slots,
      ExecutorService pool) {
    String key = IdempotencyKeys.of(plan, step);
    StepHistory h = history.get(step.id());
    Sender sender = s.senders().of(step);
    boolean reconcileFirst = false;
    if (h != null) {
      Optional<Result> last = h.lastOutcome().map(JournalRecord.Outcome::result);
      boolean unclear =
          h.interrupted()
              || last.filter(r -> r == Result.UNKNOWN || r == Result.FAILED).isPresent();
      if (h.interrupted() && !sender.idempotent(step) && !sender.reconcilable(step)) {
        return completed(step, key, unknownAfterStop(step, h), Optional.empty());
      }
      if (h.settled() && !(unclear && (sender.idempotent(step) || sender.reconcilable(step)))) {
        resumed.put(step.id(), true);
        return completed(step, key, fromJournal(h), h.lastOutcome().map(Attempt::of));
      }
      reconcileFirst = unclear && sender.reconcilable(step);
    }
    Optional<String> blocked = blockedBy(step, uploads);
    if (blocked.isPresent()) {
      return completed(step, key, new StepOutcome.NotRun(blocked.get()), Optional.empty());
    }
    String path =
        PlanChecks.resolve(step.path(), ref -> byId.get(ref).join().batchId().orElseThrow());
    if (s.respectSchedule() && !waitUntil(step.notBefore().toInstant())) {
      return completed(step, key, new StepOutcome.NotRun(stop.reason()), Optional.empty());
    }
    Instant now = s.clock().instant();
    if (step.notAfter() != null && now.isAfter(step.notAfter().toInstant())) {
      return completed(step, key, new StepOutcome.Expired(step.notAfter(), now), Optional.empty());
    }
    if (stop.reason() != null) {
      return completed(step, key, new StepOutcome.NotRun(stop.reason()), Optional.empty());
    }
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set("interrupted");
      return completed(step, key, new StepOutcome.NotRun("interrupted"), Optional.empty());
    }
    boolean reconcile = reconcileFirst;
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            StepWorker.Finished f = new StepWorker(s, stop, step, key, path, h).run(reconcile);
            return result(step, key, f.outcome(), f.attempt());
          } catch (RuntimeException e) {
            stop.set("internal error while sending step " + step.id() + ": " + e);
            return result(
                step,
                key,
                new StepOutcome.Sent(
                    Result.UNKNOWN,
                    OptionalInt.empty(),
                    "internal error (" + e + "); the request may have been sent",
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    0,
                    false),
                Optional.empty());
          } finally {
            slots.release();
          }
        },
        pool);
  }

  /** Why {@code step} must not be sent because of a step it depends on, if so. */
  private Optional<String> blockedBy(Step step, List<CompletableFuture<StepResult>> uploads) {
    if (step.kind().contacts()) {
      for (CompletableFuture<StepResult> u : uploads) {
        StepResult r = u.join();
        if (!r.done()) {
          return Optional.of(
              "upload step "
                  + r.stepId()
                  + " ended "
                  + r.outcome().outcome()
                  + "; customers are"
                  + " contacted only after every upload of the plan succeeded, so that filters select what the plan"
                  + " was built on");
        }
      }
    }
    for (String ref : PlanChecks.references(step)) {
      StepResult r = byId.get(ref).join();
      if (r.batchId().isEmpty()) {
        return Optional.of(
            "step "
                + ref
                + ", whose batch call this step refers to, ended "
                + r.outcome().outcome()
                + " without a batch id");
      }
    }
    return Optional.empty();
  }

  /**
   * Waits until {@code t}; {@code false} if the run stopped or the thread was interrupted
   * meanwhile.
   */
  private boolean waitUntil(Instant t) {
    while (stop.reason() == null) {
      Instant now = s.clock().instant();
      if (!now.isBefore(t)) {
        return true;
      }
      Duration d = Duration.between(now, t);
      try {
        s.sleeper().sleep(d.compareTo(LONGEST_NAP) > 0 ? LONGEST_NAP : d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.set("interrupted while waiting until " + t);
      }
    }
    return false;
  }

  /**
   * A step journaled as sending by an earlier run that stopped before its outcome: never sent
   * again.
   */
  private StepOutcome unknownAfterStop(Step step, StepHistory h) {
    String message =
        "attempt "
            + h.attempts()
            + " was being sent when an earlier run stopped, before its outcome"
            + " was recorded: it may have been processed, so it is not sent again";
    Attempt a = Attempt.of(Result.UNKNOWN, "unknown", OptionalInt.empty(), message);
    try {
      if (s.journal() != null) {
        s.journal().append(a.record(step.id(), h.attempts(), s.clock().instant()));
      }
    } catch (JournalException e) {
      stop.set(e.getMessage());
    }
    return new StepOutcome.Sent(
        Result.UNKNOWN,
        OptionalInt.empty(),
        message,
        OptionalInt.empty(),
        OptionalInt.empty(),
        h.attempts(),
        false);
  }

  private static StepOutcome fromJournal(StepHistory h) {
    JournalRecord.Outcome o = h.lastOutcome().orElseThrow();
    return new StepOutcome.Sent(
        o.result(), o.status(), o.message(), o.succeeded(), o.failed(), h.attempts(), true);
  }

  private static CompletableFuture<StepResult> completed(
      Step step, String key, StepOutcome outcome, Optional<Attempt> attempt) {
    return CompletableFuture.completedFuture(result(step, key, outcome, attempt));
  }

  private static StepResult result(
      Step step, String key, StepOutcome outcome, Optional<Attempt> attempt) {
    return new StepResult(
        step.id(),
        step.kind(),
        step.customerIds().size(),
        key,
        outcome,
        attempt.map(Attempt::failedIds).orElse(List.of()),
        attempt.flatMap(Attempt::batchId));
  }

  private ExecutionReport report(List<StepResult> results) {
    Map<Channel, ChannelTotals> totals = new EnumMap<>(Channel.class);
    for (StepResult r : results) {
      Channel channel = r.kind().contacts() ? r.kind().channel() : null;
      ChannelTotals counts = Tally.of(r.customers(), r.outcome());
      if (channel
          != null) { // uploads and batch creation contact nobody: steps, not customers reached
        totals.merge(channel, counts, ChannelTotals::plus);
      }
      if (!resumed.containsKey(r.stepId())) { // meters count what this run did
        s.meters().step(r.outcome(), channel, counts);
      }
    }
    return new ExecutionReport(
        plan.campaignId(), results, totals, Optional.ofNullable(stop.reason()), notes);
  }
}
