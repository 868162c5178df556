package dev.outreach.http.execute;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.PlanValidation;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Sends a plan's steps through an {@link OutreachClient} and reports what became of every step.
 *
 * <p>Steps start in plan order, each when its {@code notBefore} has come (unless the schedule is
 * not respected) and never after its {@code notAfter}; up to {@code maxInFlight} are in flight at
 * once, at most {@code ratePerSecond} requests a second. Every upload step finishes, successfully,
 * before any contact step starts; a step whose path names another step (e.g. scheduling a created
 * batch call) waits for it.
 *
 * <p>A request is sent again only when it provably had no effect - no connection, HTTP 429 or 503
 * (after its {@code Retry-After}, up to a cap), a 5xx whose body shows nothing was done - or when
 * its endpoint is idempotent (bulk add, by loan id; batch call creation, by {@code
 * X-Idempotency-Key}). A timeout or a dropped connection after an initiate request was sent makes
 * the step {@code unknown}: reported, never re-sent. HTTP 401/403 stops the run at once: requests
 * in flight finish, nothing new is sent, the remaining steps are reported not run.
 *
 * <p>With a {@link Journal}, every attempt is journaled (and forced to disk) before it is sent and
 * again when it comes back, so the same plan can be executed again after a crash: steps already
 * settled are reported from the journal, a step whose request may have gone out is {@code unknown}
 * (idempotent endpoints are sent again, batch scheduling is checked with a {@code GET}), and the
 * rest are sent.
 */
public final class PlanExecutor {
  private final OutreachClient client;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final boolean respectSchedule;
  private final int maxInFlight;
  private final double ratePerSecond;
  private final RetryPolicy retryPolicy;

  private PlanExecutor(Builder b) {
    this.client = b.client;
    this.registry = b.registry;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.respectSchedule = b.respectSchedule;
    this.maxInFlight = b.maxInFlight;
    this.ratePerSecond = b.ratePerSecond;
    this.retryPolicy = b.retryPolicy;
  }

  /** Starts an executor that sends through {@code client}. */
  public static Builder builder(OutreachClient client) {
    return new Builder(client);
  }

  /**
   * Runs {@code plan} without a journal and returns one result per step, in plan order. If the
   * calling thread is interrupted, nothing new is sent, steps in flight finish, the rest are
   * reported not run.
   *
   * @throws dev.outreach.core.plan.InvalidPlanException listing every problem {@link
   *     PlanValidation} finds in the plan (nothing is sent)
   * @throws IllegalArgumentException if the plan cannot be executed in order (nothing is sent)
   */
  public ExecutionReport execute(Plan plan) {
    return execute(plan, null);
  }

  /**
   * Runs {@code plan}, journaling every attempt in {@code journal} (opened with {@link
   * #openJournal(Path, Plan, URI)} for this plan and this executor's API), and resuming from what
   * it already holds.
   *
   * @throws dev.outreach.core.plan.InvalidPlanException listing every problem {@link
   *     PlanValidation} finds in the plan (nothing is sent, nothing journaled)
   * @throws IllegalArgumentException if the plan cannot be executed in order, or the journal
   *     belongs to another plan or records a run against another API (nothing is sent)
   */
  public ExecutionReport execute(Plan plan, Journal journal) {
    Objects.requireNonNull(plan, "plan == null");
    PlanValidation.require(plan);
    if (journal != null) {
      JournalRecord.Header h = journal.contents().header();
      if (!h.planSha256().equals(sha256(plan))) {
        throw new IllegalArgumentException(
            "journal " + journal.file() + " belongs to another plan");
      }
      if (h.baseUrl().isPresent() && !h.baseUrl().get().equals(client.apiUrl())) {
        throw new IllegalArgumentException(
            Journal.mismatch(journal.file(), h.baseUrl().get(), client.apiUrl()));
      }
    }
    Settings settings =
        new Settings(
            new Senders(client),
            new Meters(registry),
            clock,
            sleeper,
            new Backoff(retryPolicy, random),
            new TokenBucket(ratePerSecond, clock, sleeper),
            new java.util.concurrent.Semaphore(maxInFlight, true),
            retryPolicy,
            respectSchedule,
            maxInFlight,
            journal);
    return new Run(plan, settings).execute();
  }

  /**
   * Opens (creating it if needed) and locks the journal at {@code file} for {@code plan} run
   * against the API at {@code baseUri}: a new journal records both (the plan's SHA-256 and
   * campaign, the base URL normalised by {@link OutreachClient#apiUrl(URI)}); an existing one is
   * refused when it records another plan, campaign or API, since it says nothing about what another
   * API has done. A journal of format version 1 records no API and is accepted; {@link
   * ExecutionReport#notes()} then says so.
   *
   * @throws dev.outreach.http.journal.JournalException if another executor holds it, it belongs to
   *     another plan, campaign or API, or it is damaged
   * @throws dev.outreach.core.plan.InvalidPlanException if the plan must not be sent (no journal is
   *     created)
   * @throws IllegalArgumentException if {@code baseUri} is not a base URI a client accepts
   */
  public static Journal openJournal(Path file, Plan plan, URI baseUri) {
    PlanValidation.require(plan);
    return Journal.open(
        file,
        new JournalRecord.Header(
            Journal.VERSION,
            sha256(plan),
            plan.campaignId(),
            plan.steps().size(),
            java.time.Instant.now(),
            Optional.of(OutreachClient.apiUrl(baseUri))));
  }

  /**
   * Opens the journal at {@code file} for {@code plan} without binding it to an API: a new journal
   * records no base URL, so nothing stops it from being resumed against another API. Prefer {@link
   * #openJournal(Path, Plan, URI)}.
   *
   * @throws dev.outreach.http.journal.JournalException if another executor holds it, it belongs to
   *     another plan or campaign, or it is damaged
   * @throws dev.outreach.core.plan.InvalidPlanException if the plan must not be sent (no journal is
   *     created)
   */
  public static Journal openJournal(Path file, Plan plan) {
    PlanValidation.require(plan);
    return Journal.open(
        file,
        new JournalRecord.Header(
            Journal.VERSION,
            sha256(plan),
            plan.campaignId(),
            plan.steps().size(),
            java.time.Instant.now(),
            Optional.empty()));
  }

  /**
   * The hex SHA-256 of the UTF-8 bytes of the plan's canonical JSON ({@link PlanJson#write(Plan)}),
   * which identifies it in a journal. The JSON is streamed through the digest, never held as text.
   */
  public static String sha256(Plan plan) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
        PlanJson.write(plan, out);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: the digest stream writes nowhere", e);
    }
  }

  @Override
  public String toString() {
    return "PlanExecutor["
        + client
        + ", respectSchedule="
        + respectSchedule
        + ", maxInFlight="
        + maxInFlight
        + ", ratePerSecond="
        + ratePerSecond
        + ", "
        + retryPolicy
        + "]";
  }

  /** Configures a {@link PlanExecutor}; only the client is required. */
  public static final class Builder {
    private final OutreachClient client;
    private MeterRegistry registry = Metrics.globalRegistry;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = new SplittableRandom();
    private boolean respectSchedule = true;
    private int maxInFlight = 4;
    private double ratePerSecond;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder(OutreachClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /**
     * Where to record meters. Default: {@link Metrics#globalRegistry}. Meters (all tags
     * low-cardinality): Timer {@code outreach.http.requests} tagged {@code method}, {@code
     * endpoint} (the path template, e.g. {@code /api/v1/initiate/{campaignId}/calls}), {@code
     * status} (HTTP status or {@code NONE}) and {@code outcome}; Counters {@code
     * outreach.customers.initiated}, {@code outreach.customers.failed}, {@code
     * outreach.customers.unknown} and {@code outreach.customers.not_attempted} (as the columns of
     * {@link ExecutionReport.ChannelTotals}) tagged {@code channel} ({@code call}, {@code sms},
     * {@code whatsapp}); Counter {@code outreach.steps} tagged {@code outcome} (a {@link
     * StepOutcome#outcome()}, e.g. {@code unknown} or {@code short}); Counter {@code
     * outreach.retries} tagged {@code reason} ({@code not_sent}, {@code throttled}, {@code
     * failed_nothing}, {@code idempotent}, {@code reconciled}).
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry == null");
      return this;
    }

    /**
     * The clock for {@code notBefore}, {@code notAfter}, the rate limit and journal times. Default:
     * system UTC.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How to wait (schedule, rate limit, backoff). Default: {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The source of backoff jitter; pass a seeded one for repeatable runs. Default: an unseeded
     * {@link SplittableRandom}.
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Whether to wait until each step's {@code notBefore}. When {@code false} (a "now" run) steps
     * are sent at once. Either way a step is never sent after its {@code notAfter} (reported {@link
     * StepOutcome.Expired}). Default: {@code true}.
     */
    public Builder respectSchedule(boolean respectSchedule) {
      this.respectSchedule = respectSchedule;
      return this;
    }

    /** How many requests may be in flight at once, 1 to 256. Default: 4. */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 256) {
        throw new IllegalArgumentException("maxInFlight must be 1 to 256, got " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * At most this many requests a second (retries included); {@code 0} for no limit. Default: no
     * limit.
     */
    public Builder ratePerSecond(double ratePerSecond) {
      if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
        throw new IllegalArgumentException(
            "ratePerSecond must be 0 (no limit) or positive, got " + ratePerSecond);
      }
      this.ratePerSecond = ratePerSecond;
      return this;
    }

    /**
     * When and how often to re-send requests that provably had no effect. Default: {@link
     * RetryPolicy#defaults()}.
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** The executor; it may run any number of plans, one at a time per calling thread. */
    public PlanExecutor build() {
      return new PlanExecutor(this);
    }
  }
}
