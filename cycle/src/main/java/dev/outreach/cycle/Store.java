package dev.outreach.cycle;

import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.plan.Plan;
import dev.outreach.http.journal.Journal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where a daily cycle keeps its state: every run's plan, reports and journal, and the outcome
 * feeds; the contact history is read back from them. A {@link FolderStore} for one machine, a
 * {@link PostgresStore} for replicas.
 */
public interface Store {
  /**
   * Adds an outcome feed once it reads cleanly; the same bytes again are kept once.
   *
   * @return whether the feed was new
   * @throws GuardrailFileException naming every bad row; nothing is imported then
   */
  boolean importFeed(Path csv) throws IOException, GuardrailFileException;

  /**
   * The contact history: every customer of every contact step a run's journal says was sending, at
   * that instant ({@code initiated}; {@code failed} for those the server named; {@code unknown}
   * when the answer proved nothing or never came), leaving out steps whose answer proves nothing
   * took effect; then every feed's attempts.
   */
  ContactHistory history() throws IOException, GuardrailFileException;

  /**
   * Holds the store for one cycle of {@code campaignId} at a time, across processes and machines,
   * until closed (or the holder dies): a second cycle waits, then plans with the first's attempts.
   */
  AutoCloseable lock(String campaignId) throws IOException;

  /** A new run at {@code at}. */
  Run begin(Instant at) throws IOException;

  /** One run's place in the store. */
  interface Run {
    /** Where it is, for people: a folder, or a table row. */
    String name();

    /** Keeps {@code text} as the run's {@code file} ({@code plan.json}, {@code report.txt}…). */
    void write(String file, String text) throws IOException;

    /**
     * The journal of {@code plan} (the steps sent today) against {@code baseUri}, every record of
     * which is in the store before the request it announces is sent.
     */
    Journal journal(Plan plan, URI baseUri) throws IOException;
  }
}
