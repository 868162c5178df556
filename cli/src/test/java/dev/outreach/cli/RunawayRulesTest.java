package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that never end, or end the program, make {@code outreach} fail with exit status 1 and a
 * message naming the rule, its file and the customer; the limits are options whose bad values are
 * usage errors.
 */
@Timeout(120)
class RunawayRulesTest {
  static final String HEADER =
      "import dev.outreach.core.Customer;\nimport dev.outreach.rules.Decision;\n\n";

  @TempDir Path dir;

  Path portfolio() throws IOException {
    Path csv = dir.resolve("portfolio.csv");
    Files.writeString(
        csv,
        "loan_id,phone_number,payment_status\nL1,+919000000001,paid\nL2,+919000000002,bounced\n"
            + "L3,+919000000003,pending\n");
    return csv;
  }

  Path rule(String name, String when, String then) throws IOException {
    Path drl = dir.resolve(name);
    Files.writeString(
        drl,
        HEADER
            + "rule \""
            + name.replace(".drl", "")
            + "\"\nwhen\n  "
            + when
            + "\nthen\n  "
            + then
            + "\nend\n");
    return drl;
  }

  String[] plan(Path rules, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--rules",
                rules.toString(),
                "--customers",
                portfolio().toString(),
                "--campaign",
                "C1",
                "--as-of",
                "2025-08-05T09:00:00+05:30"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Runs {@code outreach} in a child JVM, as a user does; gives up (and fails) after a minute. */
  static Run child(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the program ended by itself\n" + err).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void aRuleThatUpdatesItsOwnFactStopsThePlanNamingRuleFileAndCustomer() throws Exception {
    Path drl = rule("touch.drl", "$c : Customer( paymentStatus == \"bounced\" )", "update( $c );");

    Run r = CliTest.run(plan(drl, "--max-rule-firings", "20"));

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("outreach: rule \"touch\" (" + drl + ":4) kept firing for customer L2")
        .contains("more than 20 times per customer")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aConsequenceThatNeverReturnsEndsTheProgramWithStatusOneAfterTheTimeout() throws Exception {
    Path drl =
        rule("spin.drl", "$c : Customer( paymentStatus == \"bounced\" )", "while (true) { }");

    Run r = child(plan(drl, "--rule-timeout", "1s"));

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "outreach: rule \"spin\" (" + drl + ":4) was still running after 1s for customer L2");
  }

  @Test
  void aRuleThatEndsTheProgramMakesItFailLoudlyNamingRuleAndCustomer() throws Exception {
    Path drl = dir.resolve("bye.drl");
    Files.writeString(
        drl,
        HEADER
            + "import dev.outreach.cli.Quitter;\n\nrule \"Bye\"\nwhen\n"
            + "  $c : Customer( paymentStatus == \"bounced\" )\nthen\n  Quitter.now(0);\nend\n");

    Run r = child(plan(drl));

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "outreach: rule \"Bye\" ("
                + drl
                + ":6) tried to end the program (System.exit)"
                + " while evaluating customer L2");
  }

  @Test
  void aRuleThatCallsSystemExitIsRefusedBeforeAnythingRuns() throws Exception {
    Path drl = rule("exit.drl", "$c : Customer( paymentStatus == \"bounced\" )", "System.exit(0);");

    Run r = CliTest.run(plan(drl));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(drl + ":8:3: error: rule \"exit\" calls System.exit");
  }

  @Test
  void badLimitsAreUsageErrorsNamingTheOption() throws Exception {
    Path drl = rule("ok.drl", "$c : Customer()", "insert( Decision.sms($c).template(\"t\") );");

    for (String[] bad :
        new String[][] {
          {"--max-rule-firings", "0"},
          {"--max-rule-firings", "lots"},
          {"--rule-timeout", "0s"},
          {"--rule-timeout", "30"},
          {"--rule-timeout", "-5s"}
        }) {
      Run r = CliTest.run(plan(drl, bad));
      assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(r.err()).contains(bad[0]).contains("'" + bad[1] + "'");
    }
    Run ok =
        CliTest.run(
            plan(drl, "--max-rule-firings", "5", "--rule-timeout", "PT2M", "--format", "json"));
    assertThat(ok.code()).as(ok.err()).isZero();
  }

  @Test
  void explainAndTestRulesStopARunawayRuleToo() throws Exception {
    Path drl = rule("touch.drl", "$c : Customer( paymentStatus == \"bounced\" )", "update( $c );");
    Path cases = dir.resolve("cases.csv");
    Files.writeString(
        cases,
        "case,as_of,loan_id,payment_status,expect\nloops,2025-08-05,L2,bounced,none\n"
            + "fine,2025-08-05,L3,pending,none\n");

    Run explain =
        CliTest.run(
            "explain",
            "--rules",
            drl.toString(),
            "--customers",
            portfolio().toString(),
            "--campaign",
            "C1",
            "--customer",
            "L2",
            "--max-rule-firings",
            "20");
    Run test =
        CliTest.run(
            "test-rules",
            "--rules",
            drl.toString(),
            "--cases",
            cases.toString(),
            "--max-rule-firings",
            "20");

    assertThat(explain.code()).isEqualTo(1);
    assertThat(explain.err())
        .contains("rule \"touch\" (" + drl + ":4) kept firing for customer L2");
    assertThat(test.code()).isEqualTo(1);
    assertThat(test.out()).contains("kept firing for customer L2").contains("1 passed, 1 failed");
  }
}
