package dev.outreach.cli;

import static dev.outreach.cli.CliTest.PORTFOLIO;
import static dev.outreach.cli.CliTest.RULES;
import static dev.outreach.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser (headless Chromium): the page's script runs, the SVG charts
 * have a size, the search box (driven by the URL fragment {@code #q=LOAN-ID}) finds customers, and
 * axe-core finds no accessibility violation in the report or the diff page.
 */
class HtmlReportBrowserTest {
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

  @TempDir static Path dir;
  static Chromium chromium;
  static Path report;
  static Path diff;

  /** The sample planned on a Saturday under its policy and history: warnings of several groups. */
  static Path warned;

  static JsonObject plan;

  @BeforeAll
  static void makeTheReport() throws Exception {
    chromium = Chromium.find();
    report = dir.resolve("report.html");
    Run r =
        run(
            concat(
                "plan",
                "--rules",
                RULES.toString(),
                "--format",
                "html",
                "--out",
                report.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    Run json = run(concat("plan", "--rules", RULES.toString(), "--format", "json"));
    plan = JsonText.parseObject(json.out());
    diff = dir.resolve("diff.html");
    Run d =
        run(
            concat(
                "diff",
                "--base-rules",
                RULES.toString(),
                "--rules",
                "src/test/resources/outreach/rules-change",
                "--format",
                "html",
                "--out",
                diff.toString()));
    assertThat(d.code()).as(d.err()).isZero();
    warned = dir.resolve("warned.html");
    String policy = "../examples/src/main/resources/outreach/sample/policy/";
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                concat(
                    "plan",
                    "--rules",
                    RULES.toString(),
                    "--format",
                    "html",
                    "--out",
                    warned.toString(),
                    "--policy",
                    policy + "policy.json",
                    "--history",
                    policy + "history.csv")));
    args.set(args.indexOf("2025-08-05T09:00:00+05:30"), "2025-08-09T10:00:00+05:30");
    Run w = run(args.toArray(String[]::new));
    assertThat(w.code()).as(w.err()).isZero();
    simulation = dir.resolve("simulation.html");
    Path model = dir.resolve("model.json");
    Files.writeString(
        model,
        "{\"seed\": 3, \"channels\": {\"CALL\": {\"answer\": 0.5, \"promise\": 0.4, \"keep\": 0.6,"
            + " \"pay\": 0.1, \"payWithinDays\": 1, \"cost\": 2}}}");
    Run sim =
        run(
            concat(
                "simulate",
                "--rules",
                RULES.toString(),
                "--base-rules",
                RULES.toString(),
                "--days",
                "2",
                "--response",
                model.toString(),
                "--out",
                simulation.toString()));
    assertThat(sim.code()).as(sim.err()).isZero();
    capacity = dir.resolve("capacity.html");
    Path capped = dir.resolve("capacity-policy.json");
    Files.writeString(capped, "{\"preset\": \"rbi\", \"capacity\": {\"CALL\": 300}}");
    Run c =
        run(
            concat(
                "plan",
                "--rules",
                RULES.toString(),
                "--policy",
                capped.toString(),
                "--format",
                "html",
                "--out",
                capacity.toString()));
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(Files.readString(capacity)).contains("id=\"capacity\"", "Moved out");
  }

  /** The strategy simulator's page (two days of the sample, champion and challenger). */
  static Path simulation;

  /** The sample under a daily call capacity: the capacity section. */
  static Path capacity;

  static String[] concat(String... head) {
    List<String> all = new java.util.ArrayList<>(List.of(head));
    all.addAll(List.of(COMMON));
    return all.toArray(String[]::new);
  }

  static String load(Path page, String fragment) throws Exception {
    return chromium.dumpDom(page, fragment, Files.createTempDirectory(dir, "profile"));
  }

  /** The opening tag of the element with {@code id}. */
  static String tag(String dom, String id) {
    Matcher m = Pattern.compile("<[a-z]+ [^>]*id=\"" + id + "\"[^>]*>").matcher(dom);
    assertThat(m.find()).as("element #" + id).isTrue();
    return m.group();
  }

  @Test
  void chartsRenderWithANonZeroSize() throws Exception {
    String dom = load(report, "");

    assertThat(dom).contains("data-ready=\"true\"");
    Matcher svg = Pattern.compile("<svg [^>]*class=\"chart-svg\"[^>]*>").matcher(dom);
    int charts = 0;
    while (svg.find()) {
      charts++;
      Matcher box = Pattern.compile("data-bbox=\"(\\d+)x(\\d+)\"").matcher(svg.group());
      assertThat(box.find()).as("measured: " + svg.group()).isTrue();
      assertThat(Integer.parseInt(box.group(1))).as(svg.group()).isGreaterThan(50);
      assertThat(Integer.parseInt(box.group(2))).as(svg.group()).isGreaterThan(10);
      assertThat(svg.group()).doesNotContain("data-bars=\"0\"");
    }
    // days past due, channel, hour, rule, language, branch
    assertThat(charts).isEqualTo(6);
  }

  @Test
  void theMoneySectionPutsAmountsBesideCountsAndTheHourChartSpansOnlyHoursWithContacts()
      throws Exception {
    String dom = load(report, "");

    assertThat(tag(dom, "card-contacted")).isNotNull();
    assertThat(dom)
        .containsPattern(
            "id=\"card-contacted\"><div class=\"n\">1,160</div><div class=\"l\">Contacted</div><div class=\"amt\"[^>]*>₹[0-9,]+</div><div class=\"note\">₹[0-9.]+ crore of EMIs</div>");
    assertThat(tag(dom, "card-dropped")).doesNotContain("data-alarm");
    assertThat(dom).contains("id=\"bucket-table\"").contains("<tr data-bucket=\"61–90\">");
    assertThat(dom)
        .contains("id=\"undecided-by-days_past_due\"")
        .contains("id=\"undecided-by-language\"");
    Matcher hours = Pattern.compile("id=\"chart-hour\".*?</figure>", Pattern.DOTALL).matcher(dom);
    assertThat(hours.find()).isTrue();
    Matcher ticks =
        Pattern.compile("<text class=\"tick\"[^>]*text-anchor=\"middle\">(\\d\\d)</text>")
            .matcher(hours.group());
    List<String> shown = new java.util.ArrayList<>();
    while (ticks.find()) {
      shown.add(ticks.group(1));
    }
    assertThat(shown).first().isEqualTo("09");
    assertThat(shown).last().isEqualTo("15");
  }

  @Test
  void theCustomerCardShowsTheirFactsFirstEachOnceThenWhatTheyGetInPlainWords() throws Exception {
    String dom = load(report, "#q=LOAN-2025-00017");

    int facts = dom.indexOf("<dl class=\"facts\">");
    int verdict = dom.indexOf("class=\"verdict contacted\"");
    assertThat(facts).isPositive().isLessThan(verdict);
    assertThat(dom)
        .contains("<dd data-fact=\"payment status\">partial</dd>")
        .contains("<dd data-fact=\"EMI\">₹70,933.33</dd>")
        .contains("<dd data-fact=\"days past due\">75 (61–90), from the dpd column</dd>")
        .contains("<dd data-fact=\"zone\">Asia/Kolkata, IST (UTC+05:30)</dd>")
        .contains("+91******3820")
        .doesNotContain("9876543820");
    assertThat(dom.split("<dt>dpd</dt>", -1)).hasSize(1);
    assertThat(dom.split("<dt>days past due</dt>", -1)).hasSize(2);
    assertThat(dom)
        .contains(
            "They get an SMS at 09:00 IST (UTC+05:30) today, a call between 15:00 and 18:00 IST"
                + " (UTC+05:30) today.");
    assertThat(dom).contains("<details class=\"r-tech\"><summary>Technical details");
  }

  @Test
  void theSearchFindsAContactedCustomerWithTheRequestThatReachesThem() throws Exception {
    JsonObject step =
        plan.getJsonArray("steps").getJsonObject(plan.getJsonArray("steps").size() - 1);
    String id = step.getJsonArray("customerIds").getString(0);

    String dom = load(report, "#q=" + id);

    String result = tag(dom, "result");
    assertThat(result).contains("data-status=\"CONTACTED\"").contains("data-loan=\"" + id + "\"");
    assertThat(dom).contains("data-step=\"" + step.getString("id") + "\"");
    assertThat(dom).contains("Rules that fired, in order");
    for (JsonValue rule : step.getJsonArray("rules")) {
      assertThat(dom).contains(((jakarta.json.JsonString) rule).getString());
    }
  }

  @Test
  void aWarningGroupsExampleLoanIdOpensThatCustomersWarningsInTheSearch() throws Exception {
    String page = load(warned, "");
    String shown = load(warned, "#q=LOAN-2025-00009");

    assertThat(page)
        .contains("<td>moved to Mon 2025-08-11 09:30</td>")
        .contains("<a class=\"id\" href=\"#q=LOAN-2025-00009\">LOAN-2025-00009</a>");
    assertThat(tag(shown, "result")).contains("data-loan=\"LOAN-2025-00009\"");
    assertThat(shown)
        .contains("What changed or lost")
        .contains("WORKING_DAYS (rule")
        .contains("; moved to Mon 2025-08-11 09:30");
  }

  @Test
  void theSearchSaysWhyASuppressedCustomerIsNotContactedAndWhenAnIdIsUnknown() throws Exception {
    JsonObject suppressed = plan.getJsonArray("suppressed").getJsonObject(0);

    String found = load(report, "#q=" + suppressed.getString("customerId"));
    String missing = load(report, "#q=NO-SUCH-LOAN");

    assertThat(tag(found, "result")).contains("data-status=\"SUPPRESSED\"");
    assertThat(found)
        .contains(
            "Suppressed by rule \u201c"
                + suppressed.getString("rule")
                + "\u201d: "
                + suppressed.getString("reason"));
    assertThat(tag(missing, "result")).contains("data-status=\"NOT_FOUND\"");
    assertThat(missing).contains("No customer with loan id \u201cNO-SUCH-LOAN\u201d in this plan.");
  }

  @Test
  void markupInARuleNameStaysTextInTheBrowser() throws Exception {
    Path drl = dir.resolve("evil.drl");
    String name = "<img src=x onerror=document.body.setAttribute('data-pwned','1')>";
    Files.writeString(
        drl,
        "import dev.outreach.core.Customer;\nimport dev.outreach.rules.Decision;\n"
            + "rule \""
            + name
            + "\" when $c : Customer( paymentStatus == \"bounced\" ) then\n"
            + "  insert(Decision.sms($c).template(\"t\")); end\n");
    Path page = dir.resolve("evil.html");
    Run r =
        run(
            concat(
                "plan", "--rules", drl.toString(), "--format", "html", "--out", page.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    String id =
        JsonText.parseObject(
                run(concat("plan", "--rules", drl.toString(), "--format", "json")).out())
            .getJsonArray("steps")
            .getJsonObject(0)
            .getJsonArray("customerIds")
            .getString(0);

    String dom = load(page, "#q=" + id);

    assertThat(tag(dom, "result")).contains("data-status=\"CONTACTED\"");
    Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
    assertThat(body.find()).isTrue();
    assertThat(body.group()).contains("data-ready=\"true\"").doesNotContain("data-pwned");
    assertThat(dom).doesNotContain("<img");
    assertThat(dom).contains("&lt;img src=x onerror=");
  }

  /**
   * axe-core finds nothing in the report (as opened, and showing a contacted, a suppressed, an
   * undecided and an unknown customer), in a report with warnings (their groups table, and a
   * customer's warnings) or in the diff page: WCAG 2.1 A and AA (text contrast at least 4.5:1, …)
   * and axe's best practices.
   */
  @Test
  void axeFindsNoAccessibilityViolationsInTheReportTheDiffAndTheSimulationPages() throws Exception {
    String contacted =
        plan.getJsonArray("steps").getJsonObject(0).getJsonArray("customerIds").getString(0);
    String suppressed = plan.getJsonArray("suppressed").getJsonObject(0).getString("customerId");
    String undecided = plan.getJsonArray("undecided").getString(0);
    java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
    try (DevTools tab = chromium.devTools(Files.createTempDirectory(dir, "profile"))) {
      for (String page :
          List.of(
              report.toUri().toString(),
              report.toUri() + "#q=" + contacted,
              report.toUri() + "#q=" + suppressed,
              report.toUri() + "#q=" + undecided,
              report.toUri() + "#q=NO-SUCH-LOAN",
              diff.toUri().toString(),
              warned.toUri().toString(),
              warned.toUri() + "#q=LOAN-2025-00009",
              simulation.toUri().toString(),
              capacity.toUri().toString())) {
        tab.open(page);
        found.put(page.substring(page.lastIndexOf('/') + 1), Axe.violations(tab));
      }
    }

    List<String> all = new java.util.ArrayList<>();
    found.forEach((page, violations) -> violations.forEach(v -> all.add(page + ": " + v)));
    assertThat(found).hasSize(10);
    assertThat(all.size()).as("axe-core violations:%n%s", String.join("\n", all)).isZero();
  }
}
