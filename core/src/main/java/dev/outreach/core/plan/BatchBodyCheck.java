package dev.outreach.core.plan;

import dev.outreach.core.decision.BatchCampaign;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a read plan's batch-call steps against the Batch Calls document before anything can send them,
 * so a hand-edited plan fails naming the field: name 1–255 characters, UUID ids, {@code HH:MM} times,
 * working days 1–7, 1–100 concurrent calls, 0–3 retries, a folder for {@code contact_source: folder}, a
 * time for {@code schedule_type: scheduled}; a schedule step must name an earlier create step.
 */
final class BatchBodyCheck {
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Set<String> CREATE_KEYS = Set.of("name", "agent_id", "phone_number_ids",
      "phone_rotation_strategy", "contact_source", "contact_folder_id", "schedule_type", "scheduled_at",
      "timezone", "start_time", "end_time", "working_days", "max_concurrent_calls", "max_calls_per_day",
      "retry_failed", "max_retry_attempts");

  private BatchBodyCheck() {}

  /** Checks {@code step} (at {@code where} in the plan); {@code earlier} maps earlier step ids to kinds. */
  static void check(Step step, String where, Map<String, StepKind> earlier) {
    if (step.kind() == StepKind.CREATE_BATCH_CALL) {
      if (!step.path().equals(StepKind.BATCH_CALLS_PATH)) {
        throw bad(where + ".path", "must be " + StepKind.BATCH_CALLS_PATH);
      }
      create(step.body(), where + ".body");
    } else if (step.kind() == StepKind.SCHEDULE_BATCH_CALL) {
      String ref = step.referencedStepId().orElseThrow(() -> bad(where + ".path",
          "must name its create step, as " + StepKind.schedulePath("s0001")));
      if (earlier.get(ref) != StepKind.CREATE_BATCH_CALL || !step.path().equals(StepKind.schedulePath(ref))) {
        throw bad(where + ".path", "names " + ref + ", which is not an earlier CREATE_BATCH_CALL step");
      }
    }
  }

  private static void create(JsonObject b, String p) {
    for (String key : b.keySet()) {
      if (!CREATE_KEYS.contains(key)) {
        throw bad(p + "." + key, "is not a documented Create Batch Call field");
      }
    }
    String name = text(b, "name", p, true);
    if (name.isBlank() || name.length() > 255) {
      throw bad(p + ".name", "must be 1 to 255 characters");
    }
    uuid(text(b, "agent_id", p, true), p + ".agent_id");
    if (b.containsKey("phone_number_ids")) {
      JsonArray ids = array(b, "phone_number_ids", p);
      for (int i = 0; i < ids.size(); i++) {
        uuid(ids.get(i) instanceof jakarta.json.JsonString ? ids.getString(i) : null, p + ".phone_number_ids[" + i + "]");
      }
    }
    oneOf(text(b, "phone_rotation_strategy", p, false), p + ".phone_rotation_strategy", "random", "sequential", "round_robin");
    String source = text(b, "contact_source", p, false);
    oneOf(source, p + ".contact_source", "csv", "folder", "manual");
    if ("folder".equals(source)) {
      uuid(text(b, "contact_folder_id", p, true), p + ".contact_folder_id");
    }
    String type = text(b, "schedule_type", p, false);
    oneOf(type, p + ".schedule_type", "immediate", "scheduled");
    if ("scheduled".equals(type)) {
      String at = text(b, "scheduled_at", p, true);
      try {
        PlanJson.time(at);
      } catch (RuntimeException e) {
        throw bad(p + ".scheduled_at", "must be a date-time with offset, found \"" + at + "\"");
      }
    }
    for (String t : new String[] {"start_time", "end_time"}) {
      String v = text(b, t, p, false);
      if (v != null && !HH_MM.matcher(v).matches()) {
        throw bad(p + "." + t, "must be HH:MM, found \"" + v + "\"");
      }
    }
    if (b.containsKey("working_days")) {
      JsonArray days = array(b, "working_days", p);
      for (int i = 0; i < days.size(); i++) {
        range(days.get(i), p + ".working_days[" + i + "]", 1, 7);
      }
    }
    range(b.get("max_concurrent_calls"), p + ".max_concurrent_calls", 1, 100);
    range(b.get("max_calls_per_day"), p + ".max_calls_per_day", 1, Integer.MAX_VALUE);
    range(b.get("max_retry_attempts"), p + ".max_retry_attempts", 0, 3);
  }

  private static String text(JsonObject b, String key, String p, boolean required) {
    JsonValue v = b.get(key);
    if (v == null) {
      if (required) {
        throw bad(p + "." + key, "is missing");
      }
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw bad(p + "." + key, "must be a string");
    }
    return b.getString(key);
  }

  private static JsonArray array(JsonObject b, String key, String p) {
    if (b.get(key).getValueType() != JsonValue.ValueType.ARRAY) {
      throw bad(p + "." + key, "must be an array");
    }
    return b.getJsonArray(key);
  }

  private static void uuid(String v, String path) {
    if (!BatchCampaign.isUuid(v)) {
      throw bad(path, "must be a UUID");
    }
  }

  private static void oneOf(String v, String path, String... allowed) {
    if (v != null && !Set.of(allowed).contains(v)) {
      throw bad(path, "must be one of " + String.join(", ", allowed) + ", found \"" + v + "\"");
    }
  }

  private static void range(JsonValue v, String path, int min, int max) {
    if (v == null) {
      return;
    }
    if (!(v instanceof JsonNumber) || !((JsonNumber) v).isIntegral()
        || ((JsonNumber) v).longValue() < min || ((JsonNumber) v).longValue() > max) {
      throw bad(path, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
          + ", found " + v);
    }
  }

  private static IllegalArgumentException bad(String path, String what) {
    return new IllegalArgumentException("plan field " + path + " " + what);
  }
}
