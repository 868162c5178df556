package dev.outreach.cycle;

import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * A daily cycle's store in PostgreSQL, for a service that runs on several replicas: runs' plans and
 * reports, their journals and the outcome feeds in tables (created and migrated with Flyway). A
 * cycle holds a session-level advisory lock for its campaign, so replicas take turns and each plans
 * with the attempts of those before it; the lock dies with its connection, so a replica killed
 * mid-step ({@code kill -9}) frees it at once. Every journal record reaches the table before the
 * request it announces is sent: the next cycle counts a step that was sending as attempted, even if
 * its answer never came.
 */
public final class PostgresStore implements Store {
  private final String url;
  private final Properties properties;

  private PostgresStore(String url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  /**
   * The store in the database at {@code jdbcUrl} (e.g. {@code jdbc:postgresql://db:5432/outreach}),
   * its tables migrated to this version first. The password, like any secret, comes from {@code
   * properties} (say from the environment), never the URL.
   */
  public static PostgresStore open(String jdbcUrl, Properties properties) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    Properties p = new Properties();
    p.putAll(properties);
    Flyway.configure()
        .dataSource(jdbcUrl, p.getProperty("user"), p.getProperty("password"))
        .locations("classpath:dev/outreach/cycle/db")
        .table("outreach_schema_history")
        .load()
        .migrate();
    return new PostgresStore(jdbcUrl, p);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public boolean importFeed(Path csv) throws IOException, GuardrailFileException {
    ContactHistory.read(csv); // all or nothing, with line and column
    byte[] bytes = Files.readAllBytes(csv);
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO outreach_feeds (sha256, content) VALUES (?, ?)"
                    + " ON CONFLICT (sha256) DO NOTHING")) {
      s.setString(1, FolderStore.sha256(bytes));
      s.setBytes(2, bytes);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IOException("cannot import " + csv + " into the store: " + e.getMessage(), e);
    }
  }

  @Override
  public ContactHistory history() throws IOException, GuardrailFileException {
    List<ContactHistory.Attempt> all = new ArrayList<>();
    try (Connection c = connect()) {
      try (PreparedStatement runs =
              c.prepareStatement(
                  "SELECT r.id, r.name, f.content FROM outreach_runs r JOIN outreach_run_files f"
                      + " ON f.run_id = r.id AND f.file = 'plan.json' ORDER BY r.id");
          ResultSet rs = runs.executeQuery()) {
        while (rs.next()) {
          byte[] lines = journal(c, rs.getLong(1));
          if (lines.length > 0) {
            try {
              FolderStore.Attempts.of(
                  PlanJson.read(rs.getString(3)),
                  Journal.parse(lines, "journal of run " + rs.getString(2)),
                  all);
            } catch (RuntimeException e) { // changed by hand: nothing is planned
              throw new IOException(
                  "the store's run "
                      + rs.getString(2)
                      + " cannot be read, so its attempts are unknown and nothing is planned: "
                      + e.getMessage(),
                  e);
            }
          }
        }
      }
      Path dir = Files.createTempDirectory("outreach-feeds-");
      try (PreparedStatement feeds =
              c.prepareStatement("SELECT sha256, content FROM outreach_feeds ORDER BY sha256");
          ResultSet rs = feeds.executeQuery()) {
        while (rs.next()) {
          Path f = dir.resolve("feed-" + rs.getString(1) + ".csv");
          Files.write(f, rs.getBytes(2));
          all.addAll(ContactHistory.read(f).all());
          Files.delete(f);
        }
      } finally {
        Files.deleteIfExists(dir);
      }
    } catch (SQLException e) {
      throw new IOException("cannot read the store's history: " + e.getMessage(), e);
    }
    return ContactHistory.of(all);
  }

  private static byte[] journal(Connection c, long run) throws SQLException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PreparedStatement s =
        c.prepareStatement("SELECT lines FROM outreach_journal WHERE run_id = ? ORDER BY seq")) {
      s.setLong(1, run);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.writeBytes(rs.getBytes(1));
        }
      }
    }
    return out.toByteArray();
  }

  @Override
  public AutoCloseable lock(String campaignId) throws IOException {
    try {
      Connection c = connect();
      try (PreparedStatement s =
          c.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
        s.setString(1, "outreach-cycle:" + campaignId);
        s.execute();
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c::close; // the lock is the session's: closing (or dying) releases it
    } catch (SQLException e) {
      throw new IOException("cannot lock the store: " + e.getMessage(), e);
    }
  }

  @Override
  public Store.Run begin(Instant at) throws IOException {
    long id;
    String name;
    try (Connection c = connect()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO outreach_runs (name, started_at) VALUES (?, ?) RETURNING id")) {
        name =
            FolderStore.RUN.format(at)
                + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        s.setString(1, name);
        s.setTimestamp(2, Timestamp.from(at));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot start a run in the store: " + e.getMessage(), e);
    }
    return new PgRun(id, name);
  }

  private final class PgRun implements Store.Run {
    private final long id;
    private final String name;
    private final AtomicLong seq = new AtomicLong();

    PgRun(long id, String name) {
      this.id = id;
      this.name = name;
    }

    @Override
    public String name() {
      return "run " + name + " (id " + id + ")";
    }

    @Override
    public void write(String file, String text) throws IOException {
      try (Connection c = connect();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO outreach_run_files (run_id, file, content) VALUES (?, ?, ?)"
                      + " ON CONFLICT (run_id, file) DO UPDATE SET content = EXCLUDED.content")) {
        s.setLong(1, id);
        s.setString(2, file);
        s.setString(3, text);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new IOException("cannot write " + file + " of " + name() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Journal journal(Plan plan, URI baseUri) throws IOException {
      // The executor's own journal is a local file; the table is the copy that counts.
      Path dir = Files.createTempDirectory("outreach-journal-");
      dir.toFile().deleteOnExit();
      dir.resolve("journal.jsonl").toFile().deleteOnExit();
      Journal journal = PlanExecutor.openJournal(dir.resolve("journal.jsonl"), plan, baseUri);
      journal.mirrorTo(this::mirror, true);
      return journal;
    }

    private void mirror(byte[] lines) throws IOException {
      try (Connection c = connect();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO outreach_journal (run_id, seq, lines) VALUES (?, ?, ?)")) {
        s.setLong(1, id);
        s.setLong(2, seq.incrementAndGet());
        s.setBytes(3, lines);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new IOException("cannot write the journal of " + name() + ": " + e.getMessage(), e);
      }
    }
  }
}
