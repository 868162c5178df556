package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalContents;
import dev.outreach.http.journal.Result;
import dev.outreach.http.journal.StepHistory;
import dev.outreach.sandbox.Fault;
import dev.outreach.sandbox.Initiation;
import dev.outreach.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code outreach execute} in a child JVM, killed with SIGKILL ({@link Process#destroyForcibly}) at
 * each point of the journal protocol for step s002, then the same command run again: no customer is
 * contacted twice (counted by the sandbox) and every step is accounted for.
 *
 * <p>The child is the program as shipped; the points are reached from outside. The sandbox holds
 * s002's request unprocessed (after-sending: journaled as sending, never carried out) or carries it
 * out and withholds the answer (after-send: the customer was contacted, no outcome journaled) while
 * the test kills the child. A crash in the middle of a line leaves the journal's last line cut
 * short: the test cuts the sending line in half, or appends half of the outcome line the executor
 * writes for s002.
 */
class CrashResumeTest {
  static final String TOKEN = "crash-T0ken-777";
  static final int STEPS = 5;

  /** Longer than any test waits: the child is killed, and the sandbox closed, well before. */
  static final Duration STALL = Duration.ofMinutes(2);

  @TempDir Path dir;

  Process start(SandboxServer sandbox, Path plan, Path journal) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "execute",
                plan.toString(),
                "--base-url",
                sandbox.uri().toString(),
                "--token-env",
                "OUTREACH_TOKEN",
                "--journal",
                journal.toString(),
                "--max-in-flight",
                "1",
                "--rate",
                "0",
                "--now"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OUTREACH_TOKEN", TOKEN);
    return pb.start();
  }

  /**
   * Waits (up to 60 s) until {@code reached} holds while {@code p} runs, then kills {@code p} with
   * SIGKILL.
   */
  /**
   * Waits (up to 60 s) until {@code reached} holds while {@code p} runs; fails, killing {@code p},
   * if it never does.
   */
  static void await(Process p, BooleanSupplier reached, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!reached.getAsBoolean()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "the child never reached "
                + what
                + ":\n"
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
  }

  /** {@link #await}, then kills {@code p} with SIGKILL. */
  static void killWhen(Process p, BooleanSupplier reached, String what) throws Exception {
    await(p, reached, what);
    p.destroyForcibly();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137); // 128 + SIGKILL
  }

  static boolean journaled(Path journal, String type, String step) {
    try {
      return Files.exists(journal)
          && Files.readString(journal)
              .contains("{\"type\":\"" + type + "\",\"step\":\"" + step + "\"");
    } catch (IOException e) {
      return false;
    }
  }

  static boolean contacted(SandboxServer sandbox, String loanId) {
    return sandbox.initiations().stream().anyMatch(i -> i.loanId().equals(loanId));
  }

  /**
   * Kills the child at {@code point} of s002 (the third request) and leaves the journal as that
   * crash would.
   */
  void crashAt(String point, SandboxServer sandbox, Path plan, Path journal) throws Exception {
    boolean processed = point.equals("after-send") || point.equals("mid-outcome");
    sandbox.inject(
        (processed ? Fault.delay(STALL) : Fault.hold(STALL))
            .on("/api/v1/initiate/")
            .afterPassing(2));
    Process child = start(sandbox, plan, journal);
    if (processed) {
      killWhen(child, () -> contacted(sandbox, "C002"), "s002 carried out");
    } else {
      killWhen(child, () -> journaled(journal, "sending", "s002"), "s002 journaled as sending");
    }
    // Killed once s002 is journaled as sending, the child may not have sent it yet: the hold was
    // then never
    // used, and must not catch the rerun's next request.
    sandbox.clearFaults();
    assertThat(journaled(journal, "outcome", "s002")).isFalse();
    if (point.equals("mid-sending")) {
      byte[] bytes = Files.readAllBytes(journal);
      int lastLine = lastLineStart(bytes);
      Files.write(journal, Arrays.copyOf(bytes, lastLine + (bytes.length - lastLine) / 2));
    } else if (point.equals("mid-outcome")) {
      byte[] outcome = outcomeLineOfAFullRun(plan, "s002");
      Files.write(journal, Arrays.copyOf(outcome, outcome.length / 2), StandardOpenOption.APPEND);
    }
  }

  private static int lastLineStart(byte[] bytes) {
    int end = bytes.length - 1; // the newline that ends the last line
    int i = end - 1;
    while (i >= 0 && bytes[i] != '\n') {
      i--;
    }
    return i + 1;
  }

  /** The outcome line the executor writes for {@code step} when the plan runs to its end. */
  private byte[] outcomeLineOfAFullRun(Path plan, String step) throws Exception {
    Path reference = dir.resolve("reference.journal");
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, STEPS)) {
      CliTest.Run run =
          ExecuteCommandTest.run(
              Map.of("OUTREACH_TOKEN", TOKEN),
              ExecuteCommandTest.args(plan, reference, sandbox, "--max-in-flight", "1", "--now"));
      assertThat(run.code()).as(run.out() + run.err()).isZero();
    }
    for (String line : Files.readAllLines(reference, StandardCharsets.UTF_8)) {
      if (line.startsWith("{\"type\":\"outcome\",\"step\":\"" + step + "\"")) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no outcome for " + step + " in " + Files.readString(reference));
  }

  record Finished(int code, String out) {}

  static Finished finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Finished(p.exitValue(), out + err);
  }

  @ParameterizedTest(name = "killed at {0}")
  @CsvSource({
    "mid-sending,   1, done", // the sending line is torn: s002 never went out, so it is sent now
    "after-sending, 0, unknown", // journaled as sending, killed before the request: it may have
    // gone out
    "after-send,    1, unknown", // the request was processed, its outcome never journaled
    "mid-outcome,   1, unknown"
  }) // the outcome line is torn
  void killedAtEachPointOfTheJournalProtocolTheRerunNeverContactsTwice(
      String point, int s002Contacts, String s002Outcome) throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(STEPS), dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, STEPS)) {
      crashAt(point, sandbox, plan, journal);
      Finished rerun = finish(start(sandbox, plan, journal));

      Map<String, Long> contacts =
          sandbox.initiations().stream()
              .collect(Collectors.groupingBy(Initiation::loanId, Collectors.counting()));
      assertThat(contacts.values()).as("nobody contacted twice").allMatch(n -> n == 1);
      assertThat(contacts).containsKeys("C000", "C001", "C003", "C004");
      assertThat(contacts.getOrDefault("C002", 0L)).isEqualTo(s002Contacts);

      JournalContents j = Journal.read(journal);
      Map<String, StepHistory> steps = j.steps();
      assertThat(steps)
          .hasSize(STEPS)
          .allSatisfy((id, h) -> assertThat(h.settled()).as(id).isTrue());
      assertThat(steps.values().stream().map(h -> h.lastOutcome().orElseThrow().result()))
          .containsExactly(
              Result.DONE,
              Result.DONE,
              Result.valueOf(s002Outcome.toUpperCase(Locale.ROOT)),
              Result.DONE,
              Result.DONE);
      assertThat(rerun.code()).isEqualTo(s002Outcome.equals("done") ? 0 : 1);
      assertThat(rerun.out()).contains("resuming").doesNotContain(TOKEN);
      if (point.startsWith("mid-")) {
        assertThat(rerun.out()).contains("Note: the last line of " + journal + " was cut off");
      }
      if (s002Outcome.equals("unknown")) {
        assertThat(rerun.out())
            .contains("s002 INITIATE_SMS (1 customers): unknown", "do NOT send this step again");
      }

      Finished third = finish(start(sandbox, plan, journal));
      assertThat(sandbox.initiations())
          .hasSize(contacts.values().stream().mapToInt(Long::intValue).sum());
      assertThat(third.code()).isEqualTo(rerun.code());
    }
  }

  @Test
  void aSecondExecutorOnTheSameJournalFailsFast() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(STEPS), dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, STEPS)) {
      sandbox.inject(
          Fault.delay(STALL)
              .on("/api/v1/initiate/")
              .afterPassing(1)); // s001 done, its answer withheld
      Process first = start(sandbox, plan, journal);
      try {
        await(first, () -> contacted(sandbox, "C001"), "s001 carried out");

        CliTest.Run second =
            ExecuteCommandTest.run(
                Map.of("OUTREACH_TOKEN", TOKEN),
                ExecuteCommandTest.args(plan, journal, sandbox, "--now"));

        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("journal " + journal + " is in use by another executor");
        assertThat(sandbox.initiations()).hasSize(2); // only what the first sent
      } finally {
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(Files.size(journal)).isPositive();
    }
  }
}
