package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Step;
import dev.outreach.http.execute.IdempotencyKeys;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowUpCommandTest {
  @TempDir Path dir;

  @Test
  void writesAPlanForExactlyTheFailedCustomersAndListsTheUnknownSteps() throws Exception {
    Plan plan = ExecutePlans.sms(3);
    Path planFile = ExecutePlans.write(plan, dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    try (Journal j = PlanExecutor.openJournal(journal, plan)) {
      for (Step s : plan.steps()) {
        j.append(new JournalRecord.Sending(s.id(), 1, IdempotencyKeys.of(plan, s), Instant.now()));
      }
      j.append(
          new JournalRecord.Outcome(
              "s000",
              1,
              Result.PARTIAL,
              OptionalInt.of(207),
              "0 of 1",
              OptionalInt.of(0),
              OptionalInt.of(1),
              List.of("C000"),
              Optional.empty(),
              Instant.now()));
      j.append(
          new JournalRecord.Outcome(
              "s001",
              1,
              Result.DONE,
              OptionalInt.of(200),
              "ok",
              OptionalInt.of(1),
              OptionalInt.of(0),
              List.of(),
              Optional.empty(),
              Instant.now()));
    }
    Path out = dir.resolve("followup.json");

    CliTest.Run r =
        CliTest.run(
            "follow-up",
            "--plan",
            planFile.toString(),
            "--journal",
            journal.toString(),
            "--out",
            out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 steps for 1 customers", "left out: s002", "unknown");
    Plan followUp = PlanJson.read(Files.readString(out));
    assertThat(followUp.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo("f-s000");
              assertThat(s.customerIds()).containsExactly("C000");
              assertThat(s.body().getJsonObject("filters").getJsonArray("ids").getString(0))
                  .isEqualTo("C000");
              assertThat(s.body().getInt("limit")).isEqualTo(1);
            });
  }

  @Test
  void aJournalOfAnotherPlanIsRefused() throws Exception {
    Path planFile = ExecutePlans.write(ExecutePlans.sms(2), dir.resolve("plan.json"));
    Path journal = dir.resolve("other.journal");
    PlanExecutor.openJournal(journal, ExecutePlans.sms(3)).close();

    CliTest.Run r =
        CliTest.run(
            "follow-up",
            "--plan",
            planFile.toString(),
            "--journal",
            journal.toString(),
            "--out",
            dir.resolve("f.json").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("another plan");
    assertThat(dir.resolve("f.json")).doesNotExist();
  }
}
