package dev.outreach.core.portfolio;

import dev.outreach.core.internal.Phones;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Parses one line of a JSON Lines portfolio strictly: exactly one object, each key once (also in
 * nested objects), nothing after it. Unlike a plain {@code JsonReader}, which keeps the last of two
 * equal keys and ignores what follows the object, so a record could silently lose a value.
 */
final class JsonLine {
  /** Looked up once: {@code Json.createReader} runs a {@code ServiceLoader} scan on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonLine() {}

  /**
   * The object on {@code text}, or {@link IllegalArgumentException} saying what is wrong and at
   * which column.
   */
  static JsonObject parse(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      throw new IllegalArgumentException("expected a JSON object {…}, found " + what(t));
    }
    try (JsonParser p = JSON.createParser(new StringReader(text))) {
      p.next();
      JsonObject o = object(p);
      if (p.hasNext()) {
        throw new IllegalArgumentException(
            "unexpected text after the object at column "
                + p.getLocation().getColumnNumber()
                + "; put one object on each line");
      }
      return o;
    } catch (JsonParsingException e) {
      long col = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (m.startsWith("Expected EOF token")) {
        throw new IllegalArgumentException(
            "unexpected text after the object"
                + (col > 0 ? " at column " + col : "")
                + "; put one object on each line",
            e);
      }
      if (col > text.stripTrailing().length()) {
        throw new IllegalArgumentException(
            "the line ends before the object does: JSON Lines needs each whole"
                + " object on one line (no line breaks inside it)",
            e);
      }
      throw new IllegalArgumentException(
          "not valid JSON" + (col > 0 ? " at column " + col + near(text, col) : ""), e);
    } catch (jakarta.json.JsonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The value of the first top-level key {@code wanted} accepts, read only as far as that value;
   * null when the line is not an object or stops being valid JSON before such a key. Of a valid
   * line it is the value of that key (a valid line names each field once).
   */
  static JsonValue firstValue(String text, java.util.function.Predicate<String> wanted) {
    if (!text.strip().startsWith("{")) {
      return null;
    }
    try (JsonParser p = JSON.createParser(new StringReader(text))) {
      p.next();
      while (p.next() != JsonParser.Event.END_OBJECT) {
        boolean match = wanted.test(p.getString());
        JsonParser.Event e = p.next();
        if (match) {
          return value(p, e);
        }
        if (e == JsonParser.Event.START_OBJECT) {
          p.skipObject();
        } else if (e == JsonParser.Event.START_ARRAY) {
          p.skipArray();
        }
      }
      return null;
    } catch (RuntimeException e) { // not JSON (JsonException), or cut short
      return null;
    }
  }

  /** The object whose {@code START_OBJECT} was just read. */
  private static JsonObject object(JsonParser p) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    Set<String> keys = new HashSet<>();
    while (true) {
      JsonParser.Event e = p.next();
      if (e == JsonParser.Event.END_OBJECT) {
        return b.build();
      }
      String key = p.getString();
      if (!keys.add(key)) {
        throw new IllegalArgumentException(
            "key \""
                + key
                + "\" appears twice in the object (column "
                + p.getLocation().getColumnNumber()
                + "); give each key once");
      }
      b.add(key, value(p, p.next()));
    }
  }

  private static JsonValue value(JsonParser p, JsonParser.Event e) {
    switch (e) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (JsonParser.Event n = p.next(); n != JsonParser.Event.END_ARRAY; n = p.next()) {
          a.add(value(p, n));
        }
        return a.build();
      default:
        return p.getValue();
    }
  }

  private static String what(String t) {
    if (t.startsWith("[")) {
      return "an array";
    }
    return "\"" + Phones.maskAll(t.length() > 20 ? t.substring(0, 20) + "…" : t) + "\"";
  }

  private static String near(String text, long column) {
    int at = (int) Math.min(text.length(), Math.max(0, column - 2));
    int from = Math.max(0, at - 10);
    int to = Math.min(text.length(), at + 10);
    return " near \"" + Phones.maskAll(text.substring(from, to)) + "\"";
  }
}
