package dev.outreach.cli;

import static dev.outreach.cli.CliTest.PORTFOLIO;
import static dev.outreach.cli.CliTest.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad option values are usage errors (exit 2) naming the option and its choices; bad files exit 1.
 */
class BadInputExitCodesTest {
  static final String TOKEN = "cli-S3cret-token-4242";

  @TempDir Path dir;

  static CliTest.Run plan(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--rules",
                RULES.toString(),
                "--customers",
                PORTFOLIO.toString(),
                "--campaign",
                "C1",
                "--as-of",
                "2025-08-05T09:00:00+05:30"));
    args.addAll(Arrays.asList(extra));
    return CliTest.run(args.toArray(new String[0]));
  }

  static CliTest.Run execute(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("execute", "plan.json", "--journal", "never.journal"));
    args.addAll(Arrays.asList(extra));
    return ExecuteCommandTest.run(Map.of("OUTREACH_TOKEN", TOKEN), args.toArray(new String[0]));
  }

  @Test
  void anUnknownPolicyIsAUsageErrorListingThePresets() {
    CliTest.Run typo = plan("--policy", "rbii");
    CliTest.Run noFile = plan("--policy", "policies/strict.json");

    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err())
        .contains(
            "--policy",
            "'rbii'",
            "rbi, us-reg-f, us, us-fl, us-wa, us-ma, none",
            "policy JSON file");
    assertThat(noFile.code()).isEqualTo(2);
    assertThat(noFile.err()).contains("--policy", "there is no file policies/strict.json");
    assertThat(plan("--policy", "US-REG-F").code()).isZero();
  }

  @Test
  void aBadExperimentIsAUsageErrorInEveryCommandThatTakesOne() throws Exception {
    String bogus = "bogus";
    CliTest.Run plan = plan("--experiment", bogus);
    CliTest.Run oneArm = plan("--experiment", "tone=champion:100");
    CliTest.Run explain =
        CliTest.run(
            "explain",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--customer",
            "LOAN-2025-00001",
            "--experiment",
            bogus);
    CliTest.Run diff =
        CliTest.run(
            "diff",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--base-policy",
            "none",
            "--experiment",
            bogus);
    CliTest.Run testRules =
        CliTest.run(
            "test-rules",
            "--rules",
            RULES.toString(),
            "--cases",
            "../examples/src/main/resources/outreach/sample/cases.csv",
            "--experiment",
            bogus);

    for (CliTest.Run r : List.of(plan, oneArm, explain, diff, testRules)) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("--experiment", "tone=champion:80,challenger:20");
    }
    assertThat(oneArm.err()).contains("needs at least two arms");
  }

  @Test
  void aBadBasePolicyInDiffIsAUsageError() {
    CliTest.Run r =
        CliTest.run(
            "diff",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--base-policy",
            "strict");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--base-policy", "rbi, us-reg-f, us, us-fl, us-wa, us-ma, none");
  }

  @Test
  void chartingByAnAttributeThePortfolioLacksIsAUsageErrorListingThoseItHas() {
    CliTest.Run r = plan("--format", "html", "--chart-by", "language", "--chart-by", "nosuch");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "--chart-by",
            "'nosuch'",
            "portfolio.csv",
            "language, payment_status, branch, dnc, dpd, product_type");
    assertThat(r.out()).isEmpty();
    assertThat(plan("--format", "html", "--chart-by", "product_type").code()).isZero();
  }

  @Test
  void badZonesAndTimesAreUsageErrorsInPlainWords() {
    CliTest.Run zone = plan("--zone", "Asia/Kolkatta");
    CliTest.Run asOf = plan("--as-of", "yesterday");

    assertThat(zone.code()).isEqualTo(2);
    assertThat(zone.err())
        .contains("--zone", "'Asia/Kolkatta' is not a time zone", "Asia/Kolkata")
        .doesNotContain("Exception");
    assertThat(asOf.code()).isEqualTo(2);
    assertThat(asOf.err())
        .contains("--as-of", "2025-08-05T09:00:00+05:30")
        .doesNotContain("Exception");
  }

  @Test
  void aBaseUrlWithAUserOrPasswordIsRefusedWithCliAdviceAndNeverEchoed() {
    CliTest.Run password =
        execute(
            "--base-url", "https://ops:hunter2pw@api.example.com", "--token-env", "OUTREACH_TOKEN");
    CliTest.Run unparseable =
        execute(
            "--base-url",
            "https://ops:hunter 2pw@api example.com",
            "--token-env",
            "OUTREACH_TOKEN");
    CliTest.Run query =
        execute(
            "--base-url",
            "https://api.example.com/?token=hunter2pw",
            "--token-env",
            "OUTREACH_TOKEN");

    for (CliTest.Run r : List.of(password, unparseable, query)) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains("--base-url", "--token-env")
          .doesNotContain("hunter", "token()", TOKEN);
    }
    assertThat(password.err()).contains("must not hold a user name or password");
  }

  @Test
  void aTokenPastedIntoTokenEnvIsRefusedWithoutRepeatingIt() {
    CliTest.Run r =
        execute("--base-url", "https://api.example.com", "--token-env", "sk-live.abc123-4242");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--token-env", "NAME of an environment variable")
        .doesNotContain("abc123");
  }

  @Test
  void executeCountsAndDurationsOutOfRangeAreUsageErrorsNamingTheOption() {
    for (String[] bad :
        List.of(
            new String[] {"--max-in-flight", "0"},
            new String[] {"--max-attempts", "0"},
            new String[] {"--timeout", "99999999999999999999s"},
            new String[] {"--max-retry-after", "-5s"})) {
      CliTest.Run r =
          execute(
              "--base-url",
              "https://api.example.com",
              "--token-env",
              "OUTREACH_TOKEN",
              bad[0],
              bad[1]);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains(bad[0])
          .doesNotContain("Exception", "maxInFlight", "maxAttempts");
    }
  }

  @Test
  void sandboxPortsAndLatenciesOutOfRangeAreUsageErrors() {
    CliTest.Run port = CliTest.run("sandbox", "--port", "70000");
    CliTest.Run latency = CliTest.run("sandbox", "--latency", "-5ms");

    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("--port", "1 to 65535", "0 for any free port");
    assertThat(latency.code()).isEqualTo(2);
    assertThat(latency.err()).contains("--latency", "negative");
  }

  @Test
  void portfoliosWithNoCustomersOrNotInUtf8ExitOneNamingTheFile() throws Exception {
    Path headerOnly = dir.resolve("export.csv");
    Files.writeString(headerOnly, "loan_id,phone_number\n");
    Path empty = dir.resolve("export.jsonl");
    Files.writeString(empty, "");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "loan_id,first_name\nL1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path badPhone = dir.resolve("phones.csv");
    Files.writeString(badPhone, "loan_id,phone_number\nL1,not-a-phone\n");

    for (Path p : List.of(headerOnly, empty)) {
      CliTest.Run r =
          CliTest.run(
              "plan", "--rules", RULES.toString(), "--customers", p.toString(), "--campaign", "C1");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains(p.getFileName() + ":1:", "has no customers");
    }
    CliTest.Run r =
        CliTest.run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            latin1.toString(),
            "--campaign",
            "C1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("latin1.csv:2:", "not UTF-8", "column 7", "Latin-1")
        .doesNotContain("Input length");
    CliTest.Run phone =
        CliTest.run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            badPhone.toString(),
            "--campaign",
            "C1",
            "--upload");
    assertThat(phone.code()).isEqualTo(1);
    assertThat(phone.err())
        .contains("phones.csv:2: phone_number: \"not-a-phone\" is not a phone number");
    CliTest.Run missing =
        CliTest.run(
            "plan", "--rules", RULES.toString(), "--customers", "nowhere.csv", "--campaign", "C1");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file: nowhere.csv");
  }

  @Test
  void aCampaignIdThatCannotBeInAPathIsAUsageError() {
    for (String id : List.of("", "  ", "a/b", "CAMP 1", "..", "c%2F")) {
      CliTest.Run r =
          CliTest.run(
              "plan",
              "--rules",
              RULES.toString(),
              "--customers",
              PORTFOLIO.toString(),
              "--campaign",
              id);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains("--campaign", "is not a campaign id")
          .doesNotContain("campaignId must");
    }
  }

  @Test
  void writingIntoAFolderThatDoesNotExistNamesTheFolder() {
    Path out = dir.resolve("nowhere").resolve("plan.json");

    CliTest.Run r = plan("--format", "json", "--out", out.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no such folder: " + out.getParent());
  }

  @Test
  void aFolderGivenAsThePortfolioIsNamed() {
    CliTest.Run r =
        CliTest.run(
            "plan", "--rules", RULES.toString(), "--customers", dir.toString(), "--campaign", "C1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(dir.toString(), "is a folder");
  }

  @Test
  void anExperimentGivenTwiceIsAUsageError() {
    CliTest.Run plan = plan("--experiment", "tone=a:1,b:1", "--experiment", "tone=c:1,d:1");
    CliTest.Run testRules =
        CliTest.run(
            "test-rules",
            "--rules",
            RULES.toString(),
            "--cases",
            "../examples/src/main/resources/outreach/sample/cases.csv",
            "--experiment",
            "tone=a:1,b:1",
            "--experiment",
            "tone=c:1,d:1");

    for (CliTest.Run r : List.of(plan, testRules)) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("--experiment", "experiment tone is given twice");
    }
    assertThat(plan("--experiment", "tone=a:1,b:1", "--experiment", "time=c:1,d:1").code())
        .isZero();
  }

  @Test
  void anyInputFileThatIsNotUtf8IsNamedWithItsLineAndColumn() throws Exception {
    Path history = dir.resolve("history.csv");
    Files.write(
        history,
        ("loan_id,channel,timestamp,outcome\n"
                + "LOAN-2025-00001,CALL,2025-08-01T10:00:00+05:30,r\u00e9pondu\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Path policy = dir.resolve("policy.json");
    Files.write(
        policy, "{\"name\":\"strict \u00e9t\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));

    CliTest.Run h = plan("--history", history.toString());
    CliTest.Run p = plan("--policy", policy.toString());

    assertThat(h.code()).isEqualTo(1);
    assertThat(h.err())
        .contains("history.csv:2:", "not UTF-8", "0xE9", "Latin-1")
        .doesNotContain("Input length");
    assertThat(p.code()).isEqualTo(1);
    assertThat(p.err())
        .contains("policy.json:1:", "not UTF-8", "column 17")
        .doesNotContain("Input length");
  }
}
