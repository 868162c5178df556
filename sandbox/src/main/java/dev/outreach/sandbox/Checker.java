package dev.outreach.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object and collects every problem, each naming its field, so a
 * client learns all that is wrong with a body at once. Getters return {@code null} for an absent
 * field or one with a problem.
 */
final class Checker {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final JsonObject o;
  private final String prefix;
  private final List<String> problems = new ArrayList<>();

  /** Checks {@code o}, naming its fields {@code prefix + key} (e.g. {@code callConfig.agentId}). */
  Checker(JsonObject o, String prefix) {
    this.o = o;
    this.prefix = prefix;
  }

  boolean has(String key) {
    return o.containsKey(key);
  }

  void problem(String message) {
    problems.add(message);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws a 400 {@link Problem} listing every problem, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw Problem.invalid(String.join("; ", problems));
    }
  }

  String name(String key) {
    return prefix + key;
  }

  /** Notes every key not in {@code known}. */
  void onlyKeys(Collection<String> known) {
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        problem(name(key) + " is not a known field (known: " + String.join(", ", known) + ")");
      }
    }
  }

  void required(String key) {
    if (!o.containsKey(key)) {
      problem(name(key) + " is required");
    }
  }

  String string(String key, int minLength, int maxLength) {
    JsonValue v = o.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      problem(name(key) + " must be a string, found " + v);
      return null;
    }
    int n = s.getString().codePointCount(0, s.getString().length());
    if (n < minLength || n > maxLength) {
      problem(
          name(key)
              + " must be "
              + minLength
              + " to "
              + maxLength
              + " characters long, found "
              + n);
      return null;
    }
    return s.getString();
  }

  String string(String key) {
    return string(key, 0, Integer.MAX_VALUE);
  }

  /** A non-empty string. */
  String text(String key) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s && s.getString().isEmpty()) {
      problem(name(key) + " must not be empty");
      return null;
    }
    return string(key);
  }

  String oneOf(String key, List<String> allowed) {
    String s = string(key);
    if (s != null && !allowed.contains(s)) {
      problem(
          name(key) + " must be one of " + String.join(", ", allowed) + ", found \"" + s + "\"");
      return null;
    }
    return s;
  }

  String uuid(String key) {
    String s = string(key);
    if (s != null && !isUuid(s)) {
      problem(name(key) + " must be a UUID, found \"" + s + "\"");
      return null;
    }
    return s;
  }

  static boolean isUuid(String s) {
    return UUID.matcher(s).matches();
  }

  Boolean bool(String key) {
    JsonValue v = o.get(key);
    if (v == null) {
      return null;
    }
    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
      problem(name(key) + " must be true or false, found " + v);
      return null;
    }
    return v == JsonValue.TRUE;
  }

  BigDecimal number(String key) {
    JsonValue v = o.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonNumber n)) {
      problem(name(key) + " must be a number, found " + v);
      return null;
    }
    return n.bigDecimalValue();
  }

  Integer integer(String key, int min, int max) {
    JsonValue v = o.get(key);
    if (v == null) {
      return null;
    }
    Integer i = wholeIn(v, min, max);
    if (i == null) {
      problem(name(key) + " must be a whole number from " + min + " to " + max + ", found " + v);
    }
    return i;
  }

  static Integer wholeIn(JsonValue v, int min, int max) {
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      return null;
    }
    BigDecimal d = n.bigDecimalValue();
    return d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0
        ? null
        : d.intValueExact();
  }

  LocalDate date(String key) {
    String s = string(key);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problem(name(key) + " must be a date YYYY-MM-DD, found \"" + s + "\"");
      return null;
    }
  }

  JsonArray array(String key) {
    JsonValue v = o.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      problem(name(key) + " must be an array, found " + v);
      return null;
    }
    return a;
  }

  JsonObject object(String key) {
    JsonValue v = o.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject obj)) {
      problem(name(key) + " must be an object, found " + v);
      return null;
    }
    return obj;
  }
}
