package dev.outreach.cycle;

import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Step;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalContents;
import dev.outreach.http.journal.StepHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder that keeps a daily cycle's state: every run's plan, reports and journal ({@code
 * runs/2025-08-05T033000Z/}), and the outcome feeds imported ({@code feeds/}). The contact history
 * is read from them each time, never kept apart, so it cannot drift from what was sent: a step a
 * journal says was sending counts as an attempt even when the run died before its answer.
 */
public final class FolderStore implements Store {
  /** The folders this process holds, each with the lock on its file (a file lock is per JVM). */
  private static final java.util.Map<Path, java.util.concurrent.locks.ReentrantLock> HELD =
      new java.util.concurrent.ConcurrentHashMap<>();

  static final String PLAN = "plan.json";
  static final String JOURNAL = "journal.jsonl";

  /** A run's name: its start, in UTC. */
  static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path dir;

  private FolderStore(Path dir) {
    this.dir = dir;
  }

  /** The store in {@code dir}, made when absent. */
  public static FolderStore open(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("runs"));
    Files.createDirectories(dir.resolve("feeds"));
    return new FolderStore(dir);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Adds an outcome feed (call dispositions, payments, promises: the history CSV format, {@code
   * loan_id,channel,timestamp,outcome[,promised_date,promised_amount]}) once it reads cleanly. The
   * same bytes imported again are kept once.
   *
   * @return whether the feed was new
   * @throws GuardrailFileException naming every bad row; nothing is imported then
   */
  @Override
  public boolean importFeed(Path csv) throws IOException, GuardrailFileException {
    ContactHistory.read(csv); // all or nothing, with line and column
    byte[] bytes = Files.readAllBytes(csv);
    Path to = dir.resolve("feeds").resolve(sha256(bytes) + ".csv");
    if (Files.exists(to)) {
      return false;
    }
    Path tmp = Files.createTempFile(dir.resolve("feeds"), "feed-", ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /**
   * The contact history: every customer of every contact step a run's journal says was sending, at
   * that instant (outcome {@code initiated}, {@code failed} for those the server named as failed,
   * {@code unknown} when the answer did not prove what happened), leaving out steps whose answer
   * proves nothing took effect; then every feed's attempts.
   */
  @Override
  public ContactHistory history() throws IOException, GuardrailFileException {
    List<ContactHistory.Attempt> all = new ArrayList<>();
    for (Path run : runs()) {
      Path plan = run.resolve(PLAN);
      Path journal = run.resolve(JOURNAL);
      if (Files.isRegularFile(plan) && Files.isRegularFile(journal)) {
        try {
          Attempts.of(
              PlanJson.read(Files.readString(plan, StandardCharsets.UTF_8)),
              Journal.read(journal),
              all);
        } catch (RuntimeException e) { // a plan or journal changed by hand: nothing is planned
          throw new IOException(
              "the store's run "
                  + run
                  + " cannot be read, so its attempts are unknown and nothing is planned: "
                  + e.getMessage(),
              e);
        }
      }
    }
    try (Stream<Path> feeds = Files.list(dir.resolve("feeds"))) {
      for (Path f : feeds.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        all.addAll(ContactHistory.read(f).all());
      }
    }
    return ContactHistory.of(all);
  }

  /** The runs' folders, oldest first. */
  List<Path> runs() throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
      return runs.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** A new, empty folder for a run at {@code at}. */
  @Override
  public Store.Run begin(Instant at) throws IOException {
    Path run = dir.resolve("runs").resolve(RUN.format(at));
    for (int i = 2; Files.exists(run); i++) {
      run = dir.resolve("runs").resolve(RUN.format(at) + "-" + i);
    }
    Path made = Files.createDirectories(run);
    return new Store.Run() {
      @Override
      public String name() {
        return made.toString();
      }

      @Override
      public void write(String file, String text) throws IOException {
        Path tmp = Files.createTempFile(made, file, ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, made.resolve(file), StandardCopyOption.ATOMIC_MOVE);
      }

      @Override
      public Journal journal(Plan plan, java.net.URI baseUri) {
        return dev.outreach.http.execute.PlanExecutor.openJournal(
            made.resolve(JOURNAL), plan, baseUri);
      }
    };
  }

  /** Locks {@code STORE/cycle.lock} (and, within this process, the folder): one cycle at a time. */
  @Override
  public AutoCloseable lock(String campaignId) throws IOException {
    java.util.concurrent.locks.ReentrantLock local =
        HELD.computeIfAbsent(
            dir.toAbsolutePath().normalize(), k -> new java.util.concurrent.locks.ReentrantLock());
    local.lock();
    java.nio.channels.FileChannel channel = null;
    try {
      channel =
          java.nio.channels.FileChannel.open(
              dir.resolve("cycle.lock"),
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.WRITE);
      java.nio.channels.FileLock held = channel.lock();
      java.nio.channels.FileChannel open = channel;
      return () -> {
        try {
          held.release();
          open.close();
        } finally {
          local.unlock();
        }
      };
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      local.unlock();
      throw e;
    }
  }

  /** A feed's name in a store: the SHA-256 of its bytes. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The attempts one run's journal records. */
  static final class Attempts {
    private Attempts() {}

    static void of(Plan plan, JournalContents journal, List<ContactHistory.Attempt> out) {
      for (Step step : plan.steps()) {
        StepHistory h = journal.steps().get(step.id());
        if (h == null || h.lastSending().isEmpty() || !step.kind().contacts()) {
          continue;
        }
        Instant at = h.lastSending().get().at();
        String outcome;
        List<String> failed = List.of();
        if (h.interrupted()) {
          outcome = "unknown";
        } else {
          var o = h.lastOutcome().orElseThrow();
          switch (o.result()) {
            case DONE:
              outcome = "initiated";
              break;
            case PARTIAL:
              outcome = "initiated";
              failed = o.failedIds();
              break;
            case REJECTED:
            case UNAUTHORIZED:
            case THROTTLED:
            case FAILED_NOTHING:
            case NOT_SENT:
              continue; // provably nothing took effect
            default: // SHORT, FAILED, UNKNOWN: some may have been contacted
              outcome = "unknown";
          }
        }
        java.util.Set<String> failedIds = new java.util.HashSet<>(failed);
        for (String id : step.customerIds()) {
          out.add(
              new ContactHistory.Attempt(
                  id, step.kind().channel(), at, failedIds.contains(id) ? "failed" : outcome));
        }
      }
    }
  }
}
