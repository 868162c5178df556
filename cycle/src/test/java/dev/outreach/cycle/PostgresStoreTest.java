package dev.outreach.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import dev.outreach.sandbox.Fault;
import dev.outreach.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily cycle on a real PostgreSQL server: replicas, a killed replica, the folder's plans. */
class PostgresStoreTest {
  static final String TOKEN = DailyCycleTest.TOKEN;
  static PostgresServer pg;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.stop();
  }

  @BeforeEach
  void empty() throws Exception {
    PostgresStore.open(pg.url(), pg.properties()); // the tables exist
    try (Connection c = DriverManager.getConnection(pg.url(), pg.properties());
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE outreach_journal, outreach_run_files, outreach_feeds, outreach_runs CASCADE");
    }
  }

  static DailyCycle.Result run(SandboxServer sandbox, Store store, String at) throws Exception {
    RuleSet rules =
        RuleSet.compile(List.of(new RuleSource("strategy.drl", DailyCycleTest.STRATEGY)));
    OutreachClient client = OutreachClient.builder(sandbox.uri()).token(TOKEN).build();
    return DailyCycle.builder("CAMP", rules, DailyCycleTest.book(), client)
        .policy(GuardrailPolicy.none())
        .zone(DailyCycleTest.IST)
        .clock(Clock.fixed(Instant.parse(at), DailyCycleTest.IST))
        .respectSchedule(false)
        .build()
        .run(store);
  }

  static String latestPlan() throws Exception {
    try (Connection c = DriverManager.getConnection(pg.url(), pg.properties());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT content FROM outreach_run_files WHERE file = 'plan.json'"
                    + " ORDER BY run_id DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static long journalRows() throws Exception {
    try (Connection c = DriverManager.getConnection(pg.url(), pg.properties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM outreach_journal")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theDatabaseAndAFolderGiveTheSamePlansAndASecondRunOnADaySendsNothing() throws Exception {
    Path feed = dir.resolve("feed.csv");
    Files.writeString(
        feed,
        "loan_id,channel,timestamp,outcome\n"
            + "L1,CALL,2025-08-03T10:00:00+05:30,no_answer\n"
            + "L1,CALL,2025-08-04T10:00:00+05:30,no_answer\n");
    PostgresStore db = PostgresStore.open(pg.url(), pg.properties());
    FolderStore folder = FolderStore.open(dir.resolve("folder"));
    assertThat(db.importFeed(feed)).isTrue();
    assertThat(db.importFeed(feed)).isFalse();
    folder.importFeed(feed);
    try (SandboxServer a =
            SandboxServer.builder().token(TOKEN).campaign("CAMP", DailyCycleTest.book()).start();
        SandboxServer b =
            SandboxServer.builder().token(TOKEN).campaign("CAMP", DailyCycleTest.book()).start()) {
      DailyCycle.Result inFolder = run(a, folder, "2025-08-05T03:30:00Z");
      DailyCycle.Result inDb = run(b, db, "2025-08-05T03:30:00Z");
      assertThat(inDb.sent().allDone()).isTrue();
      assertThat(latestPlan())
          .isEqualTo(Files.readString(Path.of(inFolder.run()).resolve("plan.json")))
          .contains("tpl_missed");
      assertThat(b.contactCounts(Channel.WHATSAPP)).isEqualTo(Map.of("L1", 1L));

      int before = b.received().size();
      DailyCycle.Result again = run(b, db, "2025-08-05T06:30:00Z");
      assertThat(again.history().size()).isEqualTo(2 + 6);
      assertThat(b.received()).hasSize(before);
      DailyCycle.Result folderAgain = run(a, folder, "2025-08-05T06:30:00Z");
      assertThat(latestPlan())
          .isEqualTo(Files.readString(Path.of(folderAgain.run()).resolve("plan.json")));
    }
  }

  @Test
  void twoReplicasAtOnceReachEachCustomerOnce() throws Exception {
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", DailyCycleTest.book()).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<DailyCycle.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Callable<DailyCycle.Result> replica =
              () ->
                  run(
                      sandbox,
                      PostgresStore.open(pg.url(), pg.properties()),
                      "2025-08-05T03:30:00Z");
          runs.add(pool.submit(replica));
        }
        for (Future<DailyCycle.Result> f : runs) {
          assertThat(f.get(120, TimeUnit.SECONDS).sent().allDone()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      for (Channel c : Channel.values()) {
        assertThat(sandbox.contactCounts(c).values()).as(c.name()).allMatch(n -> n == 1L);
      }
      assertThat(sandbox.contactCounts(Channel.CALL)).hasSize(3);
      assertThat(sandbox.contactCounts(Channel.SMS)).hasSize(3);
    }
  }

  @Test
  void aReplicaKilledMidStepIsResumedByAnotherWithoutSendingTwice() throws Exception {
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", DailyCycleTest.book()).start()) {
      // Requests are carried out at once, answered two minutes later: the replica dies waiting.
      sandbox.inject(Fault.delay(Duration.ofMinutes(2)).on("/api/v1/initiate/").times(100));
      Process replica =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CycleReplica.class.getName(),
                  pg.url(),
                  sandbox.uri().toString(),
                  TOKEN,
                  "2025-08-05T03:30:00Z")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("replica.log").toFile())
              .start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (sandbox.initiations().isEmpty() || journalRows() < 2) {
          assertThat(replica.isAlive()).as(Files.readString(dir.resolve("replica.log"))).isTrue();
          assertThat(System.nanoTime()).as("the replica sends").isLessThan(deadline);
          Thread.sleep(100);
        }
        Thread.sleep(300); // let more of its requests go out
      } finally {
        replica.destroyForcibly(); // SIGKILL: no shutdown hook, no journal outcome
        replica.waitFor(30, TimeUnit.SECONDS);
      }
      int sentByTheDead = sandbox.initiations().size();
      sandbox.clearFaults();

      DailyCycle.Result after =
          run(sandbox, PostgresStore.open(pg.url(), pg.properties()), "2025-08-05T04:00:00Z");

      assertThat(after.history().all())
          .extracting(ContactHistory.Attempt::outcome)
          .contains("unknown");
      assertThat(sentByTheDead).isPositive();
      for (Channel c : Channel.values()) {
        assertThat(sandbox.contactCounts(c).values()).as(c.name()).allMatch(n -> n == 1L);
      }
      assertThat(sandbox.contactCounts(Channel.CALL)).hasSize(3);
      assertThat(sandbox.contactCounts(Channel.SMS)).hasSize(3);
    }
  }
}
