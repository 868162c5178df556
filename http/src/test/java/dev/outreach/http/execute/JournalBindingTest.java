package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.plan.Plan;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ScriptedServer.Answer;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalException;
import dev.outreach.http.journal.JournalRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal says what was sent to one API: it is never resumed against another. */
class JournalBindingTest {
  static final String TOKEN = "binding-T0ken-5";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(at("09:00").toInstant());
  ScriptedServer rehearsal;
  ScriptedServer real;

  @AfterEach
  void stop() {
    for (ScriptedServer s : new ScriptedServer[] {rehearsal, real}) {
      if (s != null) {
        s.close();
      }
    }
  }

  PlanExecutor executor(URI api) {
    return PlanExecutor.builder(OutreachClient.builder(api).token(TOKEN).build())
        .meterRegistry(new SimpleMeterRegistry())
        .clock(clock)
        .respectSchedule(false)
        .sleeper(clock::advance)
        .build();
  }

  ExecutionReport run(Plan plan, Path journal, URI journalApi, URI api) {
    try (Journal j = PlanExecutor.openJournal(journal, plan, journalApi)) {
      return executor(api).execute(plan, j);
    }
  }

  @Test
  void aRehearsalsJournalIsRefusedAgainstAnotherApiNamingBothAndNothingIsSent() throws Exception {
    rehearsal = new ScriptedServer((r, n) -> Answer.initiated(1));
    real = new ScriptedServer((r, n) -> Answer.initiated(1));
    Plan plan = Plans.sms(3);
    Path journal = dir.resolve("run.journal");
    assertThat(run(plan, journal, rehearsal.uri(), rehearsal.uri()).allDone()).isTrue();
    String recorded = OutreachClient.apiUrl(rehearsal.uri());
    String given = OutreachClient.apiUrl(real.uri());

    assertThatThrownBy(() -> run(plan, journal, real.uri(), real.uri()))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining(journal.toString())
        .hasMessageContaining(recorded)
        .hasMessageContaining(given)
        .hasMessageContaining("new --journal")
        .hasMessageContaining("resume with --base-url " + recorded);
    // A journal bound to one API, handed to an executor whose client sends to another, is refused
    // too.
    assertThatThrownBy(() -> run(plan, journal, rehearsal.uri(), real.uri()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(recorded)
        .hasMessageContaining(given);

    assertThat(real.requests()).isEmpty();
    assertThat(rehearsal.requests()).hasSize(3);
  }

  @Test
  void theBaseUrlIsRecordedNormalisedSoTheSameApiSpelledAnotherWayResumes() throws Exception {
    real = new ScriptedServer((r, n) -> Answer.initiated(1));
    Plan plan = Plans.sms(2);
    Path journal = dir.resolve("run.journal");
    int port = real.uri().getPort();
    run(plan, journal, real.uri(), real.uri());

    ExecutionReport again =
        run(plan, journal, URI.create("HTTP://127.0.0.1:" + port + "/"), real.uri());

    assertThat(again.allDone()).isTrue();
    assertThat(again.notes()).isEmpty();
    assertThat(real.requests()).hasSize(2);
    JournalRecord.Header h = Journal.read(journal).header();
    assertThat(h.baseUrl()).hasValue("http://127.0.0.1:" + port);
    assertThat(h.campaignId()).isEqualTo(Plans.CAMPAIGN);
    assertThat(OutreachClient.apiUrl(URI.create("https://API.example.com/v1/")))
        .isEqualTo("https://api.example.com:443/v1");
  }

  @Test
  void aBaseUrlWithCredentialsIsRefusedBeforeAJournalIsWritten() {
    Path journal = dir.resolve("run.journal");
    assertThatThrownBy(
            () ->
                PlanExecutor.openJournal(
                    journal, Plans.sms(1), URI.create("https://user:pa55word@api.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pa55word");
    assertThat(journal).doesNotExist();
  }

  @Test
  void aVersion1JournalThatRecordsNoApiIsResumedAndTheReportSaysSo() throws Exception {
    real = new ScriptedServer((r, n) -> Answer.initiated(1));
    Plan plan = Plans.sms(2);
    Path journal = dir.resolve("old.journal");
    String key = IdempotencyKeys.of(plan, plan.steps().get(0));
    Files.writeString(
        journal,
        String.join(
                "\n",
                "{\"type\":\"header\",\"version\":1,\"planSha256\":\""
                    + PlanExecutor.sha256(plan)
                    + "\",\"campaignId\":\"CAMP\","
                    + "\"steps\":2,\"createdAt\":\"2025-08-05T03:30:00Z\"}",
                "{\"type\":\"sending\",\"step\":\"s000\",\"attempt\":1,\"idempotencyKey\":\""
                    + key
                    + "\",\"at\":\"2025-08-05T03:30:00Z\"}",
                "{\"type\":\"outcome\",\"step\":\"s000\",\"attempt\":1,\"result\":\"done\",\"status\":200,\"message\":\"ok\","
                    + "\"succeeded\":1,\"failed\":0,\"at\":\"2025-08-05T03:30:01Z\"}")
            + "\n",
        StandardCharsets.UTF_8);

    ExecutionReport report = run(plan, journal, real.uri(), real.uri());

    assertThat(report.allDone()).isTrue();
    assertThat(real.requests()).hasSize(1); // s001 only: s000 is settled in the journal
    assertThat(report.notes())
        .singleElement()
        .asString()
        .contains(journal.toString(), "does not record which API", "new --journal");
  }
}
