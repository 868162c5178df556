package dev.outreach.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.http.journal.Journal;
import dev.outreach.http.journal.JournalContents;
import dev.outreach.http.journal.Result;
import dev.outreach.http.journal.StepHistory;
import dev.outreach.http.sandbox.Initiation;
import dev.outreach.http.sandbox.SandboxServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outreach execute} in a child JVM, killed with SIGKILL ({@link Process#destroyForcibly}) at each
 * point of the journal protocol for step s002, then the same command run again: no customer is contacted
 * twice (counted by the sandbox) and every step is accounted for.
 */
class CrashResumeTest {
  static final String TOKEN = "crash-T0ken-777";
  static final int STEPS = 5;

  @TempDir Path dir;

  Process start(SandboxServer sandbox, Path plan, Path journal, String haltAt) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
    if (haltAt != null) {
      cmd.add("-Doutreach.journal.testHalt=" + haltAt);
      cmd.add("-Doutreach.journal.testHaltWait=true");
    }
    cmd.addAll(List.of(Main.class.getName(), "execute", plan.toString(), "--base-url", sandbox.uri().toString(),
        "--token-env", "OUTREACH_TOKEN", "--journal", journal.toString(), "--max-in-flight", "1", "--rate", "0", "--now"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OUTREACH_TOKEN", TOKEN);
    return pb.start();
  }

  /** Waits for the child to reach {@code haltAt}, then kills it with SIGKILL. */
  static void killAt(Process p, String haltAt) throws Exception {
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = err.readLine()) != null; ) {
      seen.append(line).append('\n');
      if (line.equals("outreach-test-halt " + haltAt)) {
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137); // 128 + SIGKILL
        return;
      }
    }
    throw new AssertionError("the child ended without reaching " + haltAt + ":\n" + seen
        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
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
      "mid-sending,   1, done",     // the sending line is torn: s002 never went out, so it is sent now
      "after-sending, 0, unknown",  // journaled as sending, killed before the request: it may have gone out
      "after-send,    1, unknown",  // the request was processed, its outcome never journaled
      "mid-outcome,   1, unknown"}) // the outcome line is torn
  void killedAtEachPointOfTheJournalProtocolTheRerunNeverContactsTwice(String point, int s002Contacts,
      String s002Outcome) throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(STEPS), dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    String haltAt = point + ":s002";
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, STEPS)) {
      killAt(start(sandbox, plan, journal, haltAt), haltAt);
      Finished rerun = finish(start(sandbox, plan, journal, null));

      Map<String, Long> contacts = sandbox.initiations().stream()
          .collect(Collectors.groupingBy(Initiation::loanId, Collectors.counting()));
      assertThat(contacts.values()).as("nobody contacted twice").allMatch(n -> n == 1);
      assertThat(contacts).containsKeys("C000", "C001", "C003", "C004");
      assertThat(contacts.getOrDefault("C002", 0L)).isEqualTo(s002Contacts);

      JournalContents j = Journal.read(journal);
      Map<String, StepHistory> steps = j.steps();
      assertThat(steps).hasSize(STEPS).allSatisfy((id, h) -> assertThat(h.settled()).as(id).isTrue());
      assertThat(steps.values().stream().map(h -> h.lastOutcome().orElseThrow().result()))
          .containsExactly(Result.DONE, Result.DONE, Result.valueOf(s002Outcome.toUpperCase(Locale.ROOT)), Result.DONE, Result.DONE);
      assertThat(rerun.code()).isEqualTo(s002Outcome.equals("done") ? 0 : 1);
      assertThat(rerun.out()).contains("resuming").doesNotContain(TOKEN);
      if (point.startsWith("mid-")) {
        assertThat(rerun.out()).contains("Note: the last line of " + journal + " was cut off");
      }
      if (s002Outcome.equals("unknown")) {
        assertThat(rerun.out()).contains("s002 INITIATE_SMS (1 customers): unknown", "do NOT send this step again");
      }

      Finished third = finish(start(sandbox, plan, journal, null));
      assertThat(sandbox.initiations()).hasSize(contacts.values().stream().mapToInt(Long::intValue).sum());
      assertThat(third.code()).isEqualTo(rerun.code());
    }
  }

  @Test
  void aSecondExecutorOnTheSameJournalFailsFast() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(STEPS), dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    String haltAt = "after-send:s001";
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, STEPS)) {
      Process first = start(sandbox, plan, journal, haltAt);
      try {
        BufferedReader err = new BufferedReader(new InputStreamReader(first.getErrorStream(), StandardCharsets.UTF_8));
        Function<BufferedReader, String> untilHalt = r -> {
          try {
            for (String line; (line = r.readLine()) != null; ) {
              if (line.startsWith("outreach-test-halt")) {
                return line;
              }
            }
            return null;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
        assertThat(untilHalt.apply(err)).isEqualTo("outreach-test-halt " + haltAt); // the first holds the journal

        CliTest.Run second = ExecuteCommandTest.run(Map.of("OUTREACH_TOKEN", TOKEN), "execute", plan.toString(),
            "--base-url", sandbox.uri().toString(), "--token-env", "OUTREACH_TOKEN", "--journal", journal.toString(),
            "--now");

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
