package dev.outreach.http.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.http.journal.JournalRecord.Header;
import dev.outreach.http.journal.JournalRecord.Outcome;
import dev.outreach.http.journal.JournalRecord.Sending;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  static final Instant T = Instant.parse("2025-08-05T03:30:00Z");
  static final Header HEADER = new Header(Journal.VERSION, "ab12", "CAMP", 3, T);

  @TempDir Path dir;

  static Outcome outcome(String step, int attempt, Result r, String... failed) {
    return new Outcome(
        step,
        attempt,
        r,
        OptionalInt.of(207),
        "2 of 3",
        OptionalInt.of(2),
        OptionalInt.of(1),
        List.of(failed),
        Optional.empty(),
        T);
  }

  @Test
  void recordsAreReadBackInOrderWithEachStepsHistory() {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.open(file, HEADER)) {
      j.append(new Sending("s1", 1, "k1", T));
      j.append(outcome("s1", 1, Result.THROTTLED));
      j.append(new Sending("s1", 2, "k1", T));
      j.append(outcome("s1", 2, Result.PARTIAL, "L5"));
      j.append(new Sending("s2", 1, "k2", T));
    }

    JournalContents c = Journal.read(file);
    assertThat(c.header()).isEqualTo(HEADER);
    assertThat(c.records()).hasSize(5);
    assertThat(c.tornTail()).isEmpty();
    StepHistory s1 = c.steps().get("s1");
    assertThat(s1.attempts()).isEqualTo(2);
    assertThat(s1.settled()).isTrue();
    assertThat(s1.lastOutcome().orElseThrow().failedIds()).containsExactly("L5");
    StepHistory s2 = c.steps().get("s2");
    assertThat(s2.interrupted()).isTrue();
    assertThat(s2.settled()).isFalse();
    assertThat(c.steps()).doesNotContainKey("s3");
  }

  @Test
  void aSecondOpenFailsFastWhileTheFirstHoldsTheLock() {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.open(file, HEADER)) {
      assertThat(j.file()).isEqualTo(file);
      assertThatThrownBy(() -> Journal.open(file, HEADER))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("in use by another executor")
          .hasMessageContaining(file.toString());
    }
    Journal.open(file, HEADER).close(); // released on close
  }

  @Test
  void aJournalIsNeverAppliedToAnotherPlan() {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, HEADER).close();

    assertThatThrownBy(() -> Journal.open(file, new Header(Journal.VERSION, "ff99", "CAMP", 3, T)))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("belongs to another plan")
        .hasMessageContaining("ab12")
        .hasMessageContaining("ff99");
  }

  @Test
  void aJournalIsNeverAppliedToAnotherCampaignOrApi() {
    Path file = dir.resolve("j.jsonl");
    Header bound =
        new Header(Journal.VERSION, "ab12", "CAMP", 3, T, Optional.of("http://127.0.0.1:8080"));
    Journal.open(file, bound).close();

    assertThatThrownBy(
            () ->
                Journal.open(
                    file,
                    new Header(
                        Journal.VERSION,
                        "ab12",
                        "OTHER",
                        3,
                        T,
                        Optional.of("http://127.0.0.1:8080"))))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("campaign CAMP")
        .hasMessageContaining("campaign OTHER")
        .hasMessageContaining("new --journal");
    assertThatThrownBy(
            () ->
                Journal.open(
                    file,
                    new Header(
                        Journal.VERSION,
                        "ab12",
                        "CAMP",
                        3,
                        T,
                        Optional.of("https://api.agents.timepay.ai:443"))))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("http://127.0.0.1:8080")
        .hasMessageContaining("https://api.agents.timepay.ai:443")
        .hasMessageContaining("new --journal");
    assertThat(Journal.read(file).header()).isEqualTo(bound);
  }

  @Test
  void aTornLastLineIsReportedCutOffAndAppendingGoesOnOnALineBoundary() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.open(file, HEADER)) {
      j.append(new Sending("s1", 1, "k1", T));
    }
    Files.write(
        file,
        "{\"type\":\"outcome\",\"step\":\"s1\",\"att".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    try (Journal j = Journal.open(file, HEADER)) {
      assertThat(j.contents().tornTail())
          .hasValueSatisfying(t -> assertThat(t).contains("cut off", "\"type\":\"outcome\""));
      assertThat(j.contents().steps().get("s1").interrupted()).isTrue();
      j.append(outcome("s1", 1, Result.UNKNOWN));
    }
    JournalContents c = Journal.read(file);
    assertThat(c.tornTail()).isEmpty();
    assertThat(c.records()).hasSize(2);
    assertThat(c.steps().get("s1").lastOutcome().orElseThrow().result()).isEqualTo(Result.UNKNOWN);
  }

  @Test
  void aDamagedLineInTheMiddleIsRefusedWithItsLineNumber() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, HEADER).close();
    Files.write(
        file,
        "garbage\n{\"type\":\"sending\",\"step\":\"s1\",\"attempt\":1,\"idempotencyKey\":\"k\",\"at\":\"2025-08-05T03:30:00Z\"}\n"
            .getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    assertThatThrownBy(() -> Journal.open(file, HEADER))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("damaged");
    assertThatThrownBy(() -> Journal.read(dir.resolve("absent.jsonl")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void concurrentAppendsStayWholeLines() throws Exception {
    Path file = dir.resolve("j.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Journal j = Journal.open(file, HEADER)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    String step = "t" + thread + "-" + i;
                    j.append(new Sending(step, 1, "k", T));
                    j.append(outcome(step, 1, Result.DONE));
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    JournalContents c = Journal.read(file);
    assertThat(c.records()).hasSize(800);
    assertThat(c.steps()).hasSize(400).allSatisfy((k, h) -> assertThat(h.settled()).isTrue());
  }
}
