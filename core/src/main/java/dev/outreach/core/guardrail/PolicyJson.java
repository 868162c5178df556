package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads from a parsed policy file. A value of the wrong kind is recorded as an {@link Issue}
 * under its key path and read as absent, so one pass finds every problem.
 */
final class PolicyJson {
  /** A problem at a key path, e.g. {@code hours.CALL.from}. */
  record Issue(String path, String message) {}

  final List<Issue> issues = new ArrayList<>();

  void issue(String path, String message) {
    issues.add(new Issue(path, message));
  }

  /** Records each key of {@code o} that is not in {@code allowed}. */
  void keys(JsonObject o, String path, List<String> allowed) {
    for (String key : o.keySet()) {
      if (!allowed.contains(key)) {
        issue(
            path.isEmpty() ? key : path + "." + key,
            "unknown key (expected " + String.join(", ", allowed) + ")");
      }
    }
  }

  String string(JsonValue v, String path) {
    if (v == null) {
      issue(path, "is missing");
      return null;
    }
    if (v instanceof JsonString) {
      return ((JsonString) v).getString();
    }
    issue(path, "expected a string, found " + v);
    return null;
  }

  JsonObject object(JsonValue v, String path, String expected) {
    if (v instanceof JsonObject) {
      return (JsonObject) v;
    }
    issue(path, v == null ? "is missing" : "expected " + expected + ", found " + v);
    return null;
  }

  JsonArray array(JsonValue v, String path, String expected) {
    if (v instanceof JsonArray) {
      return (JsonArray) v;
    }
    issue(path, v == null ? "is missing" : "expected " + expected + ", found " + v);
    return null;
  }

  /** A whole number from {@code min} to {@code max}. */
  Optional<Integer> integer(JsonValue v, String path, int min, int max, String what) {
    if (v == null) {
      issue(path, "is missing");
      return Optional.empty();
    }
    if (v instanceof JsonNumber && ((JsonNumber) v).isIntegral()) {
      JsonNumber n = (JsonNumber) v;
      if (n.bigIntegerValue().bitLength() < 32 && n.intValue() >= min && n.intValue() <= max) {
        return Optional.of(n.intValue());
      }
    }
    issue(path, v + " is not " + what + " from " + min + " to " + max);
    return Optional.empty();
  }

  /** A non-empty array of non-blank strings. */
  List<String> strings(JsonValue v, String path) {
    JsonArray a = array(v, path, "an array of strings");
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String s = string(a.get(i), path + "[" + i + "]");
      if (s != null && s.isBlank()) {
        issue(path + "[" + i + "]", "is blank");
      } else if (s != null) {
        out.add(s);
      }
    }
    if (a.isEmpty()) {
      issue(path, "is empty");
    }
    return out.size() == a.size() && !a.isEmpty() ? out : null;
  }

  /**
   * {@code CALL}, {@code SMS} or {@code WHATSAPP}, in any case; {@code null} (no new issue) for
   * {@code null}.
   */
  Channel channel(String name, String path) {
    if (name == null) {
      return null;
    }
    try {
      return Channel.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      issue(path, "\"" + name + "\" is not a channel (CALL, SMS or WHATSAPP)");
      return null;
    }
  }

  /** {@code {"from": "08:00", "to": "19:00"}}. */
  ContactHours hours(JsonValue v, String path) {
    JsonObject o = object(v, path, "{\"from\": \"HH:mm\", \"to\": \"HH:mm\"} or null for any hour");
    if (o == null) {
      return null;
    }
    keys(o, path, List.of("from", "to"));
    LocalTime from = time(o.get("from"), path + ".from");
    LocalTime to = time(o.get("to"), path + ".to");
    if (from == null || to == null) {
      return null;
    }
    try {
      return new ContactHours(from, to);
    } catch (IllegalArgumentException e) {
      issue(path, e.getMessage());
      return null;
    }
  }

  private LocalTime time(JsonValue v, String path) {
    String s = string(v, path);
    try {
      return s == null ? null : ContactHours.parse(s);
    } catch (IllegalArgumentException e) {
      issue(path, e.getMessage());
      return null;
    }
  }

  /** A non-empty array of days: {@code MON} or {@code MONDAY}, in any case. */
  Optional<Set<DayOfWeek>> days(JsonValue v, String path) {
    JsonArray a = array(v, path, "an array of days like [\"MON\", \"TUE\"]");
    if (a == null) {
      return Optional.empty();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    boolean ok = true;
    for (int i = 0; i < a.size(); i++) {
      String s = string(a.get(i), path + "[" + i + "]");
      DayOfWeek d = s == null ? null : day(s.strip().toUpperCase(Locale.ROOT));
      if (s != null && d == null) {
        issue(
            path + "[" + i + "]",
            "\"" + s + "\" is not a day (MON, TUE, WED, THU, FRI, SAT or SUN)");
      }
      ok &= d != null;
      if (d != null) {
        days.add(d);
      }
    }
    if (a.isEmpty()) {
      issue(path, "is empty; at least one day must be a working day");
    }
    return ok && !days.isEmpty() ? Optional.of(days) : Optional.empty();
  }

  private static DayOfWeek day(String s) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(s) || d.name().substring(0, 3).equals(s)) {
        return d;
      }
    }
    return null;
  }
}
