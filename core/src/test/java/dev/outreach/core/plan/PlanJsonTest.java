package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.call;
import static dev.outreach.core.plan.Decisions.sms;
import static dev.outreach.core.plan.Decisions.suppress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.decision.Timing;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
  static Plan sample() {
    return PlannerTest.PLANNER.plan(
        PlannerTest.book(4),
        PlannerTest.source(
            call("L1", "agent", Timing.NOW.window("10:00", "13:00"), 1, "calls"),
                call("L1", "other", Timing.NOW, 0, "weak"),
            sms("L2", "t", Timing.NOW.on(java.time.LocalDate.of(2025, 8, 1)), "old"),
                suppress("L3", "paid", "paid")),
        PlannerTest.AS_OF);
  }

  @Test
  void writesTheDesignFormat() {
    JsonObject o = JsonText.parseObject(PlanJson.write(sample()));

    assertThat(o.keySet())
        .containsExactly(
            "campaignId",
            "asOf",
            "zone",
            "summary",
            "steps",
            "suppressed",
            "undecided",
            "overrides",
            "warnings");
    assertThat(o.getString("asOf")).isEqualTo("2025-08-05T09:00:00+05:30");
    assertThat(o.getJsonObject("summary").toString())
        .isEqualTo(
            "{\"customers\":4,\"contacted\":1,\"suppressed\":1,"
                + "\"undecided\":1,\"dropped\":1,\"steps\":1,\"byChannel\":{\"CALL\":1,\"SMS\":0,\"WHATSAPP\":0}}");
    JsonObject step = o.getJsonArray("steps").getJsonObject(0);
    assertThat(step.keySet())
        .containsExactly(
            "id",
            "kind",
            "method",
            "path",
            "notBefore",
            "notAfter",
            "body",
            "customerIds",
            "rules");
    assertThat(step.getString("notBefore")).isEqualTo("2025-08-05T10:00:00+05:30");
    assertThat(o.getJsonArray("warnings").getJsonObject(0).getString("code"))
        .isEqualTo("TIMING_PASSED");
  }

  @Test
  void readingBackGivesTheSamePlanAndTheSameBytes() {
    Plan plan = sample();
    String text = PlanJson.write(plan);

    Plan back = PlanJson.read(text);

    assertThat(back).isEqualTo(plan);
    assertThat(PlanJson.write(back)).isEqualTo(text);
    assertThat(back.steps().get(0).bodyBytes()).isEqualTo(plan.steps().get(0).bodyBytes());
  }

  @Test
  void aDamagedPlanIsRejectedNamingTheField() {
    String text =
        PlanJson.write(sample())
            .replace("\"notBefore\": \"2025-08-05T10:00:00+05:30\"", "\"notBefore\": \"soon\"");

    assertThatThrownBy(() -> PlanJson.read(text)).hasMessageContaining("steps[0].notBefore");
    assertThatThrownBy(() -> PlanJson.read("{\"campaignId\":\"C\"}"))
        .hasMessageContaining("summary is missing");
    assertThatThrownBy(() -> PlanJson.read("[1"))
        .hasMessageContaining("expected a JSON object {…}, found an array");
    assertThatThrownBy(() -> PlanJson.read("{\"a\":")).hasMessageContaining("line 1");
  }

  @Test
  void stepListsAreImmutable() {
    assertThatThrownBy(() -> sample().steps().get(0).customerIds().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(sample().steps())).hasSize(1);
  }
}
