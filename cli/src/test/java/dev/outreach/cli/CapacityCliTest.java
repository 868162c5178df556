package dev.outreach.cli;

import static dev.outreach.cli.CliTest.PORTFOLIO;
import static dev.outreach.cli.CliTest.RULES;
import static dev.outreach.cli.CliTest.concat;
import static dev.outreach.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy's daily capacity through {@code outreach plan}, checked from the plan JSON alone. */
class CapacityCliTest {
  @TempDir Path dir;

  @Test
  void noDayOfThePlanCallsMoreThanTheCapacityAndTheReportShowsEachDaysUse() throws Exception {
    Path policy = dir.resolve("policy.json");
    Files.writeString(
        policy, "{ \"preset\": \"rbi\", \"capacity\": { \"CALL\": 150 } }", StandardCharsets.UTF_8);
    String[] common = {
      "--rules",
      RULES.toString(),
      "--customers",
      PORTFOLIO.toString(),
      "--campaign",
      "C1",
      "--as-of",
      "2025-08-05T09:00:00+05:30",
      "--zone",
      "Asia/Kolkata",
      "--policy",
      policy.toString()
    };
    Run json = run(concat(new String[] {"plan", "--format", "json"}, common));
    assertThat(json.code()).as(json.err()).isZero();
    JsonObject plan = JsonText.parseObject(json.out());

    Map<String, Integer> called = new TreeMap<>();
    for (JsonValue v : plan.getJsonArray("steps")) {
      JsonObject s = v.asJsonObject();
      if (s.getString("kind").equals("INITIATE_CALLS")) {
        called.merge(
            s.getString("notBefore").substring(0, 10),
            s.getJsonArray("customerIds").size(),
            Integer::sum);
      }
    }
    Map<String, Integer> used = new TreeMap<>();
    int movedOut = 0;
    int settled = 0; // each contact moved is kept on one day (moved in) or dropped, once
    for (JsonValue v : plan.getJsonArray("capacity")) {
      JsonObject d = v.asJsonObject();
      assertThat(d.getString("channel")).isEqualTo("CALL");
      assertThat(d.getInt("capacity")).isEqualTo(150);
      used.put(d.getString("date"), d.getInt("used"));
      movedOut += d.getInt("movedOut");
      settled += d.getInt("movedIn") + d.getInt("dropped");
    }
    assertThat(called).isEqualTo(used);
    assertThat(called.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(150));
    assertThat(called).hasSizeGreaterThan(1); // the sample has more than 150 calls today
    assertThat(movedOut).isPositive();
    long warnings =
        plan.getJsonArray("warnings").stream()
            .filter(w -> w.asJsonObject().getString("code").equals("CAPACITY"))
            .count();
    assertThat(warnings).isEqualTo(settled);

    Run text = run(concat(new String[] {"plan"}, common));
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Capacity, per channel and day")
        .containsPattern("CALL +Tue 2025-08-05 +150 +150 .* full");
  }
}
