package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.sandbox.Fault;
import dev.outreach.sandbox.Initiation;
import dev.outreach.sandbox.SandboxServer;
import jakarta.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecuteCommandTest {
  static final String TOKEN = "cli-S3cret-token-4242";

  @TempDir Path dir;

  static CliTest.Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    return new CliTest.Run(code, out.toString(), err.toString());
  }

  static String[] args(Path plan, Path journal, SandboxServer sandbox, String... more) {
    String[] base = {
      "execute",
      plan.toString(),
      "--base-url",
      sandbox.uri().toString(),
      "--token-env",
      "OUTREACH_TOKEN",
      "--journal",
      journal.toString(),
      "--rate",
      "0"
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void executesThePlanThenARerunSendsNothingAndTheTokenAppearsNowhere() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(6), dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 6)) {
      CliTest.Run first = run(Map.of("OUTREACH_TOKEN", TOKEN), args(plan, journal, sandbox));
      CliTest.Run second = run(Map.of("OUTREACH_TOKEN", TOKEN), args(plan, journal, sandbox));

      assertThat(first.code()).as(first.out() + first.err()).isZero();
      assertThat(first.out())
          .contains("Journal " + journal + ": new", "6 done", "Every step is done.");
      assertThat(second.code()).isZero();
      assertThat(second.out()).contains("resuming", "6 settled by an earlier run");
      assertThat(sandbox.initiations())
          .extracting(Initiation::loanId)
          .hasSize(6)
          .doesNotHaveDuplicates();
      for (String text :
          new String[] {
            first.out(), first.err(), second.out(), second.err(), Files.readString(journal)
          }) {
        assertThat(text).doesNotContain(TOKEN).doesNotContain(ExecutePlans.PHONE);
      }
    }
  }

  @Test
  void aPartialIsFollowedUpWithOneCommandAndThenEveryCustomerIsReachedOnce() throws Exception {
    Plan plan = ExecutePlans.smsTo("s000", 5);
    Path planFile = ExecutePlans.write(plan, dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    Path followUp = dir.resolve("followup.json");
    try (SandboxServer sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign(ExecutePlans.CAMPAIGN, ExecutePlans.customers(5))
            .start()) {
      sandbox.inject(Fault.partial(2));
      CliTest.Run first = run(Map.of("OUTREACH_TOKEN", TOKEN), args(planFile, journal, sandbox));
      CliTest.Run made =
          CliTest.run(
              "follow-up",
              "--plan",
              planFile.toString(),
              "--journal",
              journal.toString(),
              "--out",
              followUp.toString());
      CliTest.Run second =
          run(
              Map.of("OUTREACH_TOKEN", TOKEN),
              args(followUp, dir.resolve("followup.journal"), sandbox));

      assertThat(first.code()).isEqualTo(1);
      assertThat(first.out())
          .contains("partial (HTTP 207)", "failed: C000, C001", "outreach follow-up --plan");
      assertThat(made.code()).isZero();
      assertThat(made.out()).contains("1 steps for 2 customers");
      assertThat(second.code()).as(second.out()).isZero();
      assertThat(sandbox.contactCounts(Channel.SMS))
          .hasSize(5)
          .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }
  }

  @Test
  void aSuccessThatInitiatedFewerThanPlannedIsShortExits1AndIsNeverSentAgain() throws Exception {
    Plan plan = ExecutePlans.smsTo("s000", 5);
    Path planFile = ExecutePlans.write(plan, dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    try (SandboxServer sandbox =
        ExecutePlans.sandbox(TOKEN, 3)) { // two of the five are not in the campaign
      CliTest.Run first = run(Map.of("OUTREACH_TOKEN", TOKEN), args(planFile, journal, sandbox));
      CliTest.Run again = run(Map.of("OUTREACH_TOKEN", TOKEN), args(planFile, journal, sandbox));
      CliTest.Run followUp =
          CliTest.run(
              "follow-up",
              "--plan",
              planFile.toString(),
              "--journal",
              journal.toString(),
              "--out",
              dir.resolve("f.json").toString());

      assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
      assertThat(first.out())
          .contains(
              "1 short",
              "initiated 3 of the 5 customers planned",
              "dashboard",
              "follow-up",
              "cannot name the missing ones")
          .doesNotContain("Every step is done");
      assertThat(first.out()).containsPattern("SMS +5 +3 +2 +0 +0\\n");
      assertThat(again.code()).isEqualTo(1);
      assertThat(again.out()).contains("1 short", "in an earlier run");
      assertThat(sandbox.received()).hasSize(1);
      assertThat(followUp.out() + followUp.err()).contains("cannot select them by id");
    }
  }

  @Test
  void customersOfStepsNeverSentAreNotAttemptedAndPlannedComesFromTheSteps() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(3), dir.resolve("plan.json"));
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 3)) {
      CliTest.Run r =
          run(
              Map.of("OUTREACH_TOKEN", "not-the-token"),
              args(plan, dir.resolve("j"), sandbox, "--max-in-flight", "1"));

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out())
          .containsPattern("SMS +3 +0 +0 +0 +3\\n")
          .contains("not-attempted: never carried out");
    }
  }

  @Test
  void aJournalOfARunAgainstAnotherApiIsRefusedNamingBoth() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(2), dir.resolve("plan.json"));
    Path journal = dir.resolve("plan.journal");
    try (SandboxServer rehearsal = ExecutePlans.sandbox(TOKEN, 2);
        SandboxServer real = ExecutePlans.sandbox(TOKEN, 2)) {
      CliTest.Run first = run(Map.of("OUTREACH_TOKEN", TOKEN), args(plan, journal, rehearsal));
      CliTest.Run second = run(Map.of("OUTREACH_TOKEN", TOKEN), args(plan, journal, real));

      assertThat(first.code()).isZero();
      assertThat(second.code()).isEqualTo(1);
      assertThat(second.err())
          .contains(
              "http://127.0.0.1:" + rehearsal.uri().getPort(),
              "http://127.0.0.1:" + real.uri().getPort(),
              "new --journal")
          .doesNotContain(TOKEN);
      assertThat(second.out()).doesNotContain("Every step is done");
      assertThat(real.received()).isEmpty();
    }
  }

  @Test
  void aRefusedTokenStopsTheRunAndSaysWhatToDo() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(3), dir.resolve("plan.json"));
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 3)) {
      CliTest.Run r =
          run(
              Map.of("OUTREACH_TOKEN", "not-the-token"),
              args(plan, dir.resolve("j"), sandbox, "--max-in-flight", "1"));

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out())
          .contains("Stopped: step s000 got HTTP 401", "not run", "run the same command again")
          .doesNotContain("not-the-token");
      assertThat(sandbox.initiations()).isEmpty();
    }
  }

  @Test
  void usageAndConfigurationErrorsExitWith2AndSendNothing() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(1), dir.resolve("plan.json"));
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 1)) {
      CliTest.Run noToken = run(Map.of(), args(plan, dir.resolve("j"), sandbox));
      CliTest.Run insecure =
          run(
              Map.of("OUTREACH_TOKEN", TOKEN),
              "execute",
              plan.toString(),
              "--base-url",
              "http://api.example.com",
              "--token-env",
              "OUTREACH_TOKEN",
              "--journal",
              dir.resolve("j").toString());
      CliTest.Run badRate =
          run(
              Map.of("OUTREACH_TOKEN", TOKEN),
              args(plan, dir.resolve("j"), sandbox, "--rate", "fast"));
      CliTest.Run missing = run(Map.of("OUTREACH_TOKEN", TOKEN), "execute", plan.toString());
      CliTest.Run nowAgainstARealApi =
          run(
              Map.of("OUTREACH_TOKEN", TOKEN),
              "execute",
              plan.toString(),
              "--base-url",
              "https://api.example.com",
              "--token-env",
              "OUTREACH_TOKEN",
              "--journal",
              dir.resolve("j").toString(),
              "--now");

      assertThat(noToken.code()).isEqualTo(2);
      assertThat(noToken.err()).contains("OUTREACH_TOKEN", "not set");
      assertThat(insecure.code()).isEqualTo(2);
      assertThat(insecure.err()).contains("https").doesNotContain(TOKEN);
      assertThat(badRate.code()).isEqualTo(2);
      assertThat(badRate.err()).contains("--rate");
      assertThat(missing.code()).isEqualTo(2);
      assertThat(nowAgainstARealApi.code()).isEqualTo(2);
      assertThat(nowAgainstARealApi.err())
          .contains("--now", "guardrails", "api.example.com")
          .doesNotContain(TOKEN);
      assertThat(sandbox.initiations()).isEmpty();
      assertThat(dir.resolve("j")).doesNotExist();
    }
  }

  @Test
  void aPlanFileThatIsNotAPlanIsNamedAndNothingIsSent() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"campaignId\":\"C\"}");
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 1)) {
      CliTest.Run r = run(Map.of("OUTREACH_TOKEN", TOKEN), args(bad, dir.resolve("j"), sandbox));

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("plan " + bad, "summary");
      assertThat(sandbox.initiations()).isEmpty();
    }
  }

  @Test
  void aTamperedPlanFileExits1ListingEveryProblemAndSendsNothing() throws Exception {
    jakarta.json.JsonObject json = dev.outreach.core.plan.PlanJson.toJson(ExecutePlans.sms(3));
    var steps = Json.createArrayBuilder(json.getJsonArray("steps"));
    jakarta.json.JsonObject second = json.getJsonArray("steps").getJsonObject(1);
    steps.set(
        1, Json.createObjectBuilder(second).add("path", "/api/v1/initiate/OTHER/sms").build());
    jakarta.json.JsonObject third = json.getJsonArray("steps").getJsonObject(2);
    steps.set(
        2,
        Json.createObjectBuilder(third)
            .add(
                "body",
                Json.createObjectBuilder(third.getJsonObject("body"))
                    .remove("filters")
                    .add("limit", 1))
            .add("customerIds", Json.createArrayBuilder().add("C002").add("C000"))
            .build());
    Path plan = dir.resolve("tampered.json");
    Files.writeString(
        plan,
        dev.outreach.core.internal.JsonText.pretty(
            Json.createObjectBuilder(json).add("steps", steps).build()));
    Path journal = dir.resolve("plan.journal");
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 3)) {
      CliTest.Run r = run(Map.of("OUTREACH_TOKEN", TOKEN), args(plan, journal, sandbox));

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .contains(
              "the plan is refused, nothing of it is sent: 4 problems",
              "steps[1].path (step s001) \"/api/v1/initiate/OTHER/sms\" names campaign OTHER, but the plan is for campaign CAMP",
              "steps[2].body.limit (step s002) is 1, but the step has 2 customer(s)",
              "steps[2].body.filters (step s002) is missing: the request would reach every customer of the campaign",
              "steps[2].customerIds (step s002) 1 customer(s) are also in step s000, so they would be contacted twice on SMS: C000");
      assertThat(sandbox.received()).isEmpty();
      assertThat(journal).doesNotExist();
    }
  }
}
