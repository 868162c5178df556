package dev.outreach.core.plan;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.internal.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A planned plan with every kind of step (upload, batch create and schedule, calls by compact
 * filter, SMS and WhatsApp by ids), and ways to tamper with its JSON as a hand edit would.
 */
final class TamperedPlans {
  private TamperedPlans() {}

  static List<Customer> book() {
    return IntStream.rangeClosed(1, 40)
        .mapToObj(
            i ->
                Customer.builder(String.format(Locale.ROOT, "L%02d", i))
                    .phoneNumber("+9190000" + String.format(Locale.ROOT, "%05d", i))
                    .paymentStatus(i <= 20 ? "bounced" : "pending")
                    .build())
        .collect(Collectors.toList());
  }

  /**
   * Steps: s0001 upload, s0002 create, s0003 schedule (L30, L31), s0004 calls (bounced L01-L20),
   * SMS, WhatsApp.
   */
  static Plan full() {
    List<Contact> decisions = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      decisions.add(Decisions.call(String.format(Locale.ROOT, "L%02d", i), "bounced"));
    }
    decisions.add(Decisions.sms("L21", "tpl", Timing.NOW, "sms"));
    decisions.add(Decisions.sms("L22", "tpl", Timing.NOW, "sms"));
    decisions.add(Decisions.whatsapp("L23", "wa", "wa"));
    decisions.add(
        BatchPlanTest.batched(
            "L30", Timing.NOW.window("10:00", "18:00"), BatchPlanTest.WEEK, "batch"));
    decisions.add(
        BatchPlanTest.batched(
            "L31", Timing.NOW.window("10:00", "18:00"), BatchPlanTest.WEEK, "batch"));
    Planner planner =
        Planner.builder("CAMP").zone(ZoneId.of("Asia/Kolkata")).uploadCustomers(true).build();
    return planner.plan(
        book(), PlannerTest.source(decisions.toArray(new Contact[0])), PlannerTest.AS_OF);
  }

  /** The index of the first step of {@code kind} in {@code plan}. */
  static int index(Plan plan, StepKind kind) {
    for (int i = 0; i < plan.steps().size(); i++) {
      if (plan.steps().get(i).kind() == kind) {
        return i;
      }
    }
    throw new AssertionError("no " + kind);
  }

  /** {@code plan}'s JSON with step {@code i} edited. */
  static String step(Plan plan, int i, UnaryOperator<JsonObject> edit) {
    return plan(
        plan,
        o -> {
          JsonArrayBuilder steps = Json.createArrayBuilder();
          for (int j = 0; j < o.getJsonArray("steps").size(); j++) {
            JsonObject s = o.getJsonArray("steps").getJsonObject(j);
            steps.add(j == i ? edit.apply(s) : s);
          }
          return Json.createObjectBuilder(o).add("steps", steps).build();
        });
  }

  /** {@code plan}'s JSON, edited. */
  static String plan(Plan plan, UnaryOperator<JsonObject> edit) {
    return JsonText.pretty(edit.apply(PlanJson.toJson(plan)));
  }

  /** {@code s} with {@code key} set to {@code value}. */
  static JsonObject set(JsonObject s, String key, JsonValue value) {
    return Json.createObjectBuilder(s).add(key, value).build();
  }

  static JsonObject set(JsonObject s, String key, String value) {
    return set(s, key, Json.createValue(value));
  }

  /** {@code s} with its body's {@code key} set to {@code value} ({@code null} removes it). */
  static JsonObject body(JsonObject s, String key, JsonValue value) {
    var b = Json.createObjectBuilder(s.getJsonObject("body"));
    if (value == null) {
      b.remove(key);
    } else {
      b.add(key, value);
    }
    return set(s, "body", b.build());
  }

  static JsonValue ids(String... ids) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (String id : ids) {
      a.add(id);
    }
    return a.build();
  }

  static JsonValue json(String text) {
    return JsonText.parseObject("{\"v\":" + text + "}").get("v");
  }

  /**
   * The problems of plan JSON {@code text}: those reading it finds, else those validating it finds.
   */
  static List<PlanProblem> problems(String text) {
    try {
      return PlanValidation.problems(PlanJson.read(text));
    } catch (InvalidPlanException e) {
      return e.problems();
    }
  }
}
