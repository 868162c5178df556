package dev.outreach.cli;

import static dev.outreach.cli.CliTest.PORTFOLIO;
import static dev.outreach.cli.CliTest.RULES;
import static dev.outreach.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan --format html, explain and diff, through the command line as a person runs them. */
class ReportCommandsTest {
  static final Path CHANGE = Path.of("src/test/resources/outreach/rules-change");
  static final String[] COMMON = {
    "--customers",
    PORTFOLIO.toString(),
    "--campaign",
    "C1",
    "--as-of",
    "2025-08-05T09:00:00+05:30",
    "--zone",
    "Asia/Kolkata"
  };

  @TempDir Path dir;

  static String[] args(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(COMMON));
    return all.toArray(String[]::new);
  }

  static JsonObject plan(Path rules) {
    Run r = run(args("plan", "--rules", rules.toString(), "--format", "json"));
    assertThat(r.code()).as(r.err()).isZero();
    return JsonText.parseObject(r.out());
  }

  /** Each customer's channels in a plan JSON; customers not contacted are absent. */
  static Map<String, Set<String>> channels(JsonObject plan) {
    Map<String, Set<String>> out = new HashMap<>();
    for (JsonValue v : plan.getJsonArray("steps")) {
      JsonObject s = v.asJsonObject();
      String ch = s.getString("kind").replace("INITIATE_", "").replace("CALLS", "CALL");
      s.getJsonArray("customerIds")
          .getValuesAs(JsonString::getString)
          .forEach(id -> out.computeIfAbsent(id, k -> new TreeSet<>()).add(ch));
    }
    return out;
  }

  @Test
  void planWritesAnHtmlReportWithThePlansNumbersAndAllItsRequests() throws Exception {
    Path html = dir.resolve("report.html");

    Run r =
        run(
            args(
                "plan", "--rules", RULES.toString(), "--format", "html", "--out", html.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    String page = Files.readString(html);
    JsonObject plan = plan(RULES);
    JsonObject summary = plan.getJsonObject("summary");
    assertThat(page)
        .contains(
            String.format(
                Locale.ROOT,
                "<div class=\"card\" id=\"card-contacted\"><div class=\"n\">%,d</div>",
                summary.getInt("contacted")));
    assertThat(page)
        .contains(
            String.format(
                Locale.ROOT,
                "<div class=\"card\" id=\"card-suppressed\"><div class=\"n\">%,d</div>",
                summary.getInt("suppressed")));
    for (JsonValue v : plan.getJsonArray("steps")) {
      assertThat(page).contains("id=\"step-" + v.asJsonObject().getString("id") + "\"");
    }
    // The sample has a branch column, so the page charts contacts by branch as well as language.
    assertThat(page).contains("id=\"chart-attr-branch\"").contains("id=\"chart-attr-language\"");
    // Rules that fired include classification rules, which make no decision themselves.
    assertThat(page).contains("High risk: bounced and more than 30 days past due");
  }

  @Test
  void chartByChoosesTheAttributesCharted() throws Exception {
    Path html = dir.resolve("report.html");

    Run r =
        run(
            args(
                "plan",
                "--rules",
                RULES.toString(),
                "--format",
                "html",
                "--out",
                html.toString(),
                "--chart-by",
                "payment_status",
                "--chart-by",
                "product_type"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(html))
        .contains("id=\"chart-attr-payment_status\"")
        .contains("id=\"chart-attr-product_type\"")
        .doesNotContain("id=\"chart-attr-branch\"");
  }

  @Test
  void explainTellsWhichRulesFiredWhatWonAndWhichRequestReachesTheCustomer() {
    JsonObject plan = plan(RULES);
    // A high-risk bounced customer: the recovery call beats the morning call.
    String id = null;
    String stepId = null;
    for (JsonValue v : plan.getJsonArray("steps")) {
      JsonObject s = v.asJsonObject();
      if (s.getJsonArray("rules")
          .getValuesAs(JsonString::getString)
          .contains("High risk accounts get the recovery agent in the afternoon")) {
        id = s.getJsonArray("customerIds").getString(0);
        stepId = s.getString("id");
        break;
      }
    }
    assertThat(id).isNotNull();

    Run text = run(args("explain", "--rules", RULES.toString(), "--customer", id));
    Run json =
        run(args("explain", "--rules", RULES.toString(), "--customer", id, "--format", "json"));

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith(id + ": contacted on CALL")
        .contains("Rules that fired, in order")
        .contains("High risk: ")
        .contains("-> planned: step " + stepId)
        .contains(
            "-> overridden by rule \"High risk accounts get the recovery agent in the afternoon\"");
    assertThat(text.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    JsonObject e = JsonText.parseObject(json.out());
    assertThat(e.getString("status")).isEqualTo("CONTACTED");
    assertThat(e.getJsonArray("steps").getJsonObject(0).getString("id")).isEqualTo(stepId);
    assertThat(e.getJsonArray("decisions").getValuesAs(JsonObject.class))
        .extracting(d -> d.getString("fate"))
        .contains("PLANNED", "OVERRIDDEN");
    assertThat(e.getJsonObject("customer").getString("phone_number")).contains("******");
  }

  @Test
  void explainOfAnUnknownLoanIdFailsNamingIt() {
    Run r = run(args("explain", "--rules", RULES.toString(), "--customer", "LOAN-NOPE"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("loan id LOAN-NOPE is not in").contains("portfolio.csv");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void diffOfTwoRuleSetsFindsExactlyTheCustomersWhoseChannelsChange() {
    Map<String, Set<String>> before = channels(plan(RULES));
    Map<String, Set<String>> after = channels(plan(CHANGE));

    Run r =
        run(
            args(
                "diff",
                "--base-rules",
                RULES.toString(),
                "--rules",
                CHANGE.toString(),
                "--format",
                "json"));

    assertThat(r.code()).as(r.err()).isZero();
    JsonObject d = JsonText.parseObject(r.out());
    Map<String, List<String>> byKind = new HashMap<>();
    for (JsonValue v : d.getJsonArray("changes")) {
      JsonObject c = v.asJsonObject();
      byKind
          .computeIfAbsent(c.getString("kind"), k -> new ArrayList<>())
          .add(c.getString("customerId"));
    }
    Set<String> newly = new HashSet<>(after.keySet());
    newly.removeAll(before.keySet());
    Set<String> gone = new HashSet<>(before.keySet());
    gone.removeAll(after.keySet());
    Set<String> switched = new HashSet<>();
    before.forEach(
        (id, chs) -> {
          if (after.containsKey(id) && !after.get(id).equals(chs)) {
            switched.add(id);
          }
        });
    assertThat(newly).isNotEmpty();
    assertThat(switched).isNotEmpty();
    assertThat(byKind.getOrDefault("NEWLY_CONTACTED", List.of()))
        .containsExactlyInAnyOrderElementsOf(newly);
    assertThat(byKind.getOrDefault("NO_LONGER_CONTACTED", List.of()))
        .containsExactlyInAnyOrderElementsOf(gone);
    assertThat(byKind.getOrDefault("CHANNEL_CHANGED", List.of()))
        .containsExactlyInAnyOrderElementsOf(switched);
    // The Hindi morning call moved from 10:00 to 11:00: those customers changed time only.
    assertThat(byKind.get("TIMING_CHANGED")).isNotEmpty();
    assertThat(d.getJsonObject("counts").getInt("NEWLY_CONTACTED")).isEqualTo(newly.size());
  }

  @Test
  void diffInTextAndHtmlAndOfTwoPolicies() throws Exception {
    Run text =
        run(
            args(
                "diff",
                "--base-rules",
                RULES.toString(),
                "--rules",
                CHANGE.toString(),
                "--rows",
                "2"));
    Path html = dir.resolve("diff.html");
    Run page =
        run(
            args(
                "diff",
                "--base-rules",
                RULES.toString(),
                "--rules",
                CHANGE.toString(),
                "--format",
                "html",
                "--out",
                html.toString()));
    Run policies =
        run(
            args(
                "diff",
                "--rules",
                RULES.toString(),
                "--base-policy",
                "rbi",
                "--policy",
                "none",
                "--format",
                "json"));

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Customers whose outcome changes: ")
        .contains("Newly contacted (")
        .contains("… and ")
        .contains("base:    rules " + RULES);
    assertThat(text.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(page.code()).as(page.err()).isZero();
    assertThat(Files.readString(html)).contains("<h1>Plan diff").contains("id=\"chart-kinds\"");
    assertThat(policies.code()).as(policies.err()).isZero();
    JsonObject d = JsonText.parseObject(policies.out());
    assertThat(d.getJsonObject("base").getString("label")).endsWith("policy rbi");
    assertThat(d.getJsonObject("changed").getString("label")).endsWith("policy none");
  }

  @Test
  void diffWithNothingToCompareIsAUsageError() {
    Run r = run(args("diff", "--rules", RULES.toString()));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to compare");
  }

  @Test
  void progressGoesToStandardErrorWhenAskedAndIsQuietOtherwise() {
    // Tests run with standard error on a pipe, not a terminal: no progress unless asked for.
    Run quiet = run(args("plan", "--rules", RULES.toString(), "--format", "json"));
    Run loud = run(args("plan", "--rules", RULES.toString(), "--format", "json", "--progress"));
    Run off = run(args("plan", "--rules", RULES.toString(), "--format", "json", "--no-progress"));

    assertThat(quiet.code()).isZero();
    assertThat(quiet.err()).isEmpty();
    assertThat(off.err()).isEmpty();
    assertThat(loud.code()).isZero();
    assertThat(loud.err())
        .contains("outreach: reading portfolio.csv: 3,000 customers")
        .contains("outreach: compiling rules: ")
        .contains("outreach: evaluating rules: 3,000 of 3,000 customers")
        .contains("outreach: planning: ")
        .doesNotContain("\r");
    assertThat(loud.out()).isEqualTo(quiet.out());
  }
}
