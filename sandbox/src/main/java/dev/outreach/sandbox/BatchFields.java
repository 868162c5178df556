package dev.outreach.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of a batch call, checked as the Batch Calls document lists them: every problem in a
 * body is reported at once (HTTP 400), each naming its field. Unknown keys are refused, as in
 * {@code openapi.yaml}, so a misspelt field is never silently ignored.
 */
final class BatchFields {
  static final List<String> CREATE =
      List.of(
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
  static final List<String> UPDATE =
      List.of(
          "name",
          "phone_number_ids",
          "phone_rotation_strategy",
          "scheduled_at",
          "start_time",
          "end_time",
          "working_days",
          "max_concurrent_calls",
          "max_calls_per_day",
          "retry_failed",
          "max_retry_attempts");
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private BatchFields() {}

  /** The settings of a new batch: the body's fields over the documented defaults. */
  static Map<String, JsonValue> create(JsonObject body) {
    Checker c = check(body, CREATE);
    c.required("name");
    c.required("agent_id");
    Map<String, JsonValue> s = new LinkedHashMap<>();
    s.put("name", JsonValue.NULL);
    s.put("agent_id", JsonValue.NULL);
    s.put("contact_source", Json.createValue("csv"));
    s.put("contact_folder_id", JsonValue.NULL);
    s.put("schedule_type", Json.createValue("immediate"));
    s.put("scheduled_at", JsonValue.NULL);
    s.put("timezone", Json.createValue("UTC"));
    s.put("start_time", JsonValue.NULL);
    s.put("end_time", JsonValue.NULL);
    s.put("working_days", Json.createArrayBuilder(List.of(1, 2, 3, 4, 5)).build());
    s.put("max_concurrent_calls", Json.createValue(10));
    s.put("max_calls_per_day", JsonValue.NULL);
    s.put("retry_failed", JsonValue.FALSE);
    s.put("max_retry_attempts", Json.createValue(0));
    s.put("phone_number_ids", JsonValue.EMPTY_JSON_ARRAY);
    s.put("phone_rotation_strategy", Json.createValue("random"));
    s.putAll(body);
    crossCheck(s, c);
    c.throwIfAny();
    return s;
  }

  /** The settings after an update with {@code body}. */
  static Map<String, JsonValue> update(Map<String, JsonValue> current, JsonObject body) {
    Checker c = check(body, UPDATE);
    if (body.isEmpty()) {
      c.problem("the body names no field to update (fields: " + String.join(", ", UPDATE) + ")");
    }
    Map<String, JsonValue> s = new LinkedHashMap<>(current);
    s.putAll(body);
    crossCheck(s, c);
    c.throwIfAny();
    return s;
  }

  /** When a scheduled batch should start, or {@code null} when it starts at once. */
  static Instant start(Map<String, JsonValue> s) {
    if (!"scheduled".equals(text(s, "schedule_type"))) {
      return null;
    }
    return instant(text(s, "scheduled_at"), ZoneId.of(text(s, "timezone")));
  }

  static String text(Map<String, JsonValue> s, String key) {
    JsonValue v = s.get(key);
    return v instanceof JsonString js ? js.getString() : null;
  }

  private static Checker check(JsonObject body, List<String> known) {
    Checker c = new Checker(body, "");
    c.onlyKeys(known);
    c.string("name", 1, 255);
    c.uuid("agent_id");
    JsonArray phones = c.array("phone_number_ids");
    if (phones != null) {
      for (int i = 0; i < phones.size(); i++) {
        JsonValue v = phones.get(i);
        if (!(v instanceof JsonString s) || !Checker.isUuid(s.getString())) {
          c.problem("phone_number_ids[" + i + "] must be a UUID, found " + v);
        }
      }
    }
    c.oneOf("phone_rotation_strategy", List.of("random", "sequential", "round_robin"));
    c.oneOf("contact_source", List.of("csv", "folder", "manual"));
    c.uuid("contact_folder_id");
    c.oneOf("schedule_type", List.of("immediate", "scheduled"));
    String zone = c.string("timezone");
    if (zone != null && !validZone(zone)) {
      c.problem("timezone must be an IANA time zone such as Asia/Kolkata, found \"" + zone + "\"");
    }
    String at = c.string("scheduled_at");
    if (at != null && instant(at, ZoneId.of("UTC")) == null) {
      c.problem(
          "scheduled_at must be an ISO date-time such as 2025-08-05T10:00:00+05:30, found \""
              + at
              + "\"");
    }
    for (String key : List.of("start_time", "end_time")) {
      String t = c.string(key);
      if (t != null && !HH_MM.matcher(t).matches()) {
        c.problem(key + " must be a time HH:MM (00:00 to 23:59), found \"" + t + "\"");
      }
    }
    JsonArray days = c.array("working_days");
    if (days != null && days.isEmpty()) {
      c.problem("working_days is empty: the batch would never call");
    }
    if (days != null) {
      for (int i = 0; i < days.size(); i++) {
        if (Checker.wholeIn(days.get(i), 1, 7) == null) {
          c.problem(
              "working_days["
                  + i
                  + "] must be a day 1 (Monday) to 7 (Sunday), found "
                  + days.get(i));
        }
      }
    }
    c.integer("max_concurrent_calls", 1, 100);
    c.integer("max_calls_per_day", 1, Integer.MAX_VALUE);
    c.bool("retry_failed");
    c.integer("max_retry_attempts", 0, 3);
    return c;
  }

  /** The checks between fields, on the settings as they would be. */
  private static void crossCheck(Map<String, JsonValue> s, Checker c) {
    boolean folder = "folder".equals(text(s, "contact_source"));
    boolean hasFolder = s.get("contact_folder_id") != JsonValue.NULL;
    if (folder && !hasFolder) {
      c.problem("contact_folder_id is required when contact_source is folder");
    } else if (!folder && hasFolder) {
      c.problem(
          "contact_folder_id is only used when contact_source is folder (contact_source is "
              + text(s, "contact_source")
              + ")");
    }
    boolean scheduled = "scheduled".equals(text(s, "schedule_type"));
    boolean hasAt = s.get("scheduled_at") != JsonValue.NULL;
    if (scheduled && !hasAt) {
      c.problem("scheduled_at is required when schedule_type is scheduled");
    } else if (!scheduled && hasAt) {
      c.problem(
          "scheduled_at is only used when schedule_type is scheduled (schedule_type is "
              + text(s, "schedule_type")
              + ")");
    }
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * An ISO date-time with an offset, or without one in {@code zone}; {@code null} when it is
   * neither.
   */
  private static Instant instant(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
