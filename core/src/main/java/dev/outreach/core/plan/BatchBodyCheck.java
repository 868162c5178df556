package dev.outreach.core.plan;

import dev.outreach.core.decision.BatchCampaign;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a plan's batch-call steps against the Batch Calls document before anything can send them,
 * so a hand-edited plan fails naming the field: name 1–255 characters, UUID ids, {@code HH:MM}
 * times, working days 1–7, 1–100 concurrent calls, 0–3 retries, a folder for {@code contact_source:
 * folder}, a time for {@code schedule_type: scheduled}; a schedule step sends no body and is for
 * its create step's customers.
 */
final class BatchBodyCheck {
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Set<String> CREATE_KEYS =
      Set.of(
          "name",
          "agent_id",
          "phone_number_ids",
          "phone_rotation_strategy",
          "contact_source",
          "contact_folder_id",
          "schedule_type",
          "scheduled_at",
          "timezone",
          "start_time",
          "end_time",
          "working_days",
          "max_concurrent_calls",
          "max_calls_per_day",
          "retry_failed",
          "max_retry_attempts");

  private final Findings f;
  private final String id;
  private final String p;

  private BatchBodyCheck(Findings f, String id, String p) {
    this.f = f;
    this.id = id;
    this.p = p;
  }

  /** Checks the body of create step {@code step} (at {@code where} in the plan). */
  static void create(Step step, String where, Findings f) {
    new BatchBodyCheck(f, step.id(), where + ".body").create(step.body());
  }

  /**
   * Checks schedule step {@code step} against {@code create}, the step its path names (or null).
   */
  static void schedule(Step step, String where, Step create, Findings f) {
    if (!step.body().isEmpty()) {
      f.add(
          step.id(),
          where + ".body",
          "must be {}: scheduling a batch call takes no fields",
          "remove them");
    }
    if (create != null
        && create.kind() == StepKind.CREATE_BATCH_CALL
        && !Set.copyOf(step.customerIds()).equals(Set.copyOf(create.customerIds()))) {
      f.add(
          step.id(),
          where + ".customerIds",
          "differ from those of create step " + create.id() + ", whose campaign it starts",
          "list the same customers, or plan again");
    }
  }

  private void create(JsonObject b) {
    for (String key : new TreeSet<>(b.keySet())) {
      if (!CREATE_KEYS.contains(key)) {
        bad(key, "is not a documented Create Batch Call field");
      }
    }
    String name = text(b, "name", true);
    if (name != null && (name.isBlank() || name.length() > 255)) {
      bad("name", "must be 1 to 255 characters");
    }
    uuid(text(b, "agent_id", true), "agent_id");
    if (b.containsKey("phone_number_ids")) {
      JsonArray ids = array(b, "phone_number_ids");
      for (int i = 0; ids != null && i < ids.size(); i++) {
        uuid(
            ids.get(i) instanceof JsonString ? ids.getString(i) : "",
            "phone_number_ids[" + i + "]");
      }
    }
    oneOf(
        text(b, "phone_rotation_strategy", false),
        "phone_rotation_strategy",
        "random",
        "sequential",
        "round_robin");
    String source = text(b, "contact_source", false);
    oneOf(source, "contact_source", "csv", "folder", "manual");
    if ("folder".equals(source)) {
      uuid(text(b, "contact_folder_id", true), "contact_folder_id");
    }
    String type = text(b, "schedule_type", false);
    oneOf(type, "schedule_type", "immediate", "scheduled");
    if ("scheduled".equals(type)) {
      String at = text(b, "scheduled_at", true);
      try {
        if (at != null) {
          PlanJson.time(at);
        }
      } catch (RuntimeException e) {
        bad("scheduled_at", "must be a date-time with offset, found \"" + at + "\"");
      }
    }
    for (String t : new String[] {"start_time", "end_time"}) {
      String v = text(b, t, false);
      if (v != null && !HH_MM.matcher(v).matches()) {
        bad(t, "must be HH:MM, found \"" + v + "\"");
      }
    }
    if (b.containsKey("working_days")) {
      JsonArray days = array(b, "working_days");
      for (int i = 0; days != null && i < days.size(); i++) {
        range(days.get(i), "working_days[" + i + "]", 1, 7);
      }
    }
    range(b.get("max_concurrent_calls"), "max_concurrent_calls", 1, 100);
    range(b.get("max_calls_per_day"), "max_calls_per_day", 1, Integer.MAX_VALUE);
    range(b.get("max_retry_attempts"), "max_retry_attempts", 0, 3);
    JsonValue retry = b.get("retry_failed");
    if (retry != null && retry != JsonValue.TRUE && retry != JsonValue.FALSE) {
      bad("retry_failed", "must be true or false, found " + retry);
    }
    if (b.containsKey("timezone")) {
      text(b, "timezone", false);
    }
  }

  private String text(JsonObject b, String key, boolean required) {
    JsonValue v = b.get(key);
    if (v == null) {
      if (required) {
        bad(key, "is missing");
      }
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      bad(key, "must be a string");
      return null;
    }
    return b.getString(key);
  }

  private JsonArray array(JsonObject b, String key) {
    if (b.get(key).getValueType() != JsonValue.ValueType.ARRAY) {
      bad(key, "must be an array");
      return null;
    }
    return b.getJsonArray(key);
  }

  /** Nothing for {@code null}: {@link #text} has said what is wrong. */
  private void uuid(String v, String key) {
    if (v != null && !BatchCampaign.isUuid(v)) {
      bad(key, "must be a UUID");
    }
  }

  private void oneOf(String v, String key, String... allowed) {
    if (v != null && !Set.of(allowed).contains(v)) {
      bad(key, "must be one of " + String.join(", ", allowed) + ", found \"" + v + "\"");
    }
  }

  private void range(JsonValue v, String key, int min, int max) {
    if (v == null) {
      return;
    }
    if (!(v instanceof JsonNumber)
        || !((JsonNumber) v).isIntegral()
        || ((JsonNumber) v).longValue() < min
        || ((JsonNumber) v).longValue() > max) {
      bad(
          key,
          "must be a whole number from "
              + min
              + (max == Integer.MAX_VALUE ? " up" : " to " + max)
              + ", found "
              + v);
    }
  }

  private void bad(String key, String what) {
    f.add(id, p + "." + key, what, null);
  }
}
