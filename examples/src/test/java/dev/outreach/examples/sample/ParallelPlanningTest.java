package dev.outreach.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.portfolio.PortfolioReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning runs on every core (the CSV read, the rules, each customer's timing and guardrails): a
 * portfolio large enough to be split into many chunks, in several time zones (with DST), under a
 * policy with per-channel hours, working days, holidays and caps and a contact history, plans to
 * the same bytes on one thread and on four.
 */
class ParallelPlanningTest {
  private static final String[] ZONES = {
    "Asia/Kolkata",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/Havana"
  };
  private static final int SIZE = 24_000;

  static List<Customer> customers;
  static Guardrails guardrails;
  static DecisionSource rules;

  @BeforeAll
  static void portfolio(@TempDir Path dir) throws Exception {
    StringWriter csv = new StringWriter();
    SamplePortfolio.write(csv, SIZE, 99L);
    StringBuilder withZones = new StringBuilder();
    StringBuilder history = new StringBuilder("loan_id,channel,timestamp,outcome\n");
    String[] lines = csv.toString().split("\n");
    withZones.append(lines[0]).append(",timezone\n");
    for (int i = 1; i < lines.length; i++) {
      withZones.append(lines[i]).append(',').append(ZONES[i % ZONES.length]).append('\n');
      if (i % 5 == 0) {
        String id = lines[i].substring(0, lines[i].indexOf(','));
        history
            .append(id)
            .append(",CALL,2025-08-0")
            .append(1 + i % 4)
            .append("T11:00:00+05:30,")
            .append(i % 2 == 0 ? "answered" : "no_answer")
            .append('\n');
      }
    }
    customers = PortfolioReader.readCsv(new StringReader(withZones.toString()), "zones.csv");
    Files.writeString(dir.resolve("history.csv"), history, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("policy.json"),
        "{ \"preset\": \"rbi\",\n"
            + "  \"hours\": { \"CALL\": {\"from\": \"09:00\", \"to\": \"19:00\"}, \"SMS\": {\"from\": \"08:00\", \"to\": \"20:00\"} },\n"
            + "  \"workingDays\": [\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\"],\n"
            + "  \"holidays\": [\"2025-08-06\", \"2025-08-15\"],\n"
            + "  \"caps\": [ {\"channel\": \"CALL\", \"max\": 2, \"days\": 7} ],\n"
            + "  \"onViolation\": \"MOVE\" }\n",
        StandardCharsets.UTF_8);
    guardrails =
        new Guardrails(
            GuardrailPolicy.read(dir.resolve("policy.json")),
            ContactHistory.read(dir.resolve("history.csv")));
    rules = Sample.rules().decisions();
  }

  private static String plan(int threads, FilterCompiler.Mode filters) throws Exception {
    Plan plan =
        Planner.builder(Sample.CAMPAIGN)
            .zone(Sample.ZONE)
            .guardrails(guardrails)
            .filters(filters)
            .threads(threads)
            .build()
            .plan(customers, rules, Sample.AS_OF);
    StringWriter out = new StringWriter();
    PlanJson.write(plan, out);
    return out.toString();
  }

  @Test
  void oneThreadAndFourGiveTheSamePlanBytes() throws Exception {
    String one = plan(1, FilterCompiler.Mode.IDS);
    String four = plan(4, FilterCompiler.Mode.IDS);

    assertThat(four).isEqualTo(one);
    Plan plan = PlanJson.read(one);
    assertThat(plan.summary().contacted()).isGreaterThan(SIZE / 4);
    assertThat(plan.warnings()).extracting(Plan.Warning::code).contains("CALLING_HOURS", "HOLIDAY");
  }

  @Test
  void compactFiltersToo() throws Exception {
    assertThat(plan(3, FilterCompiler.Mode.COMPACT))
        .isEqualTo(plan(1, FilterCompiler.Mode.COMPACT));
  }
}
