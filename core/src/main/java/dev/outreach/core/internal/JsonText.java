package dev.outreach.core.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON text in the two forms Outreach writes: compact (request bodies, byte for byte what is sent)
 * and pretty (plans and reports people read). Both keep key order, so equal inputs give equal
 * bytes.
 */
public final class JsonText {
  private static final JsonWriterFactory PRETTY =
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
  private static final JsonWriterFactory COMPACT = Json.createWriterFactory(Map.of());

  private JsonText() {}

  /** {@code value} on one line, with no insignificant white space. */
  public static String compact(JsonStructure value) {
    return write(COMPACT, value);
  }

  /** The UTF-8 bytes of {@link #compact(JsonStructure)}. */
  public static byte[] compactBytes(JsonStructure value) {
    return compact(value).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code value} indented for people, ending with a newline. */
  public static String pretty(JsonStructure value) {
    String s = write(PRETTY, value);
    // Parsson starts pretty output with a newline; drop it so files begin with the value.
    return (s.startsWith("\n") ? s.substring(1) : s) + "\n";
  }

  /**
   * Parses {@code text} as one JSON object. Throws {@link IllegalArgumentException} saying where
   * parsing failed (line and column) when it is not.
   */
  public static JsonObject parseObject(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      throw new IllegalArgumentException(
          "expected a JSON object {…}, found "
              + (t.isEmpty()
                  ? "nothing"
                  : t.startsWith("[")
                      ? "an array"
                      : "\"" + t.substring(0, Math.min(20, t.length())) + "\""));
    }
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    } catch (JsonParsingException e) {
      var loc = e.getLocation();
      throw new IllegalArgumentException(
          "not valid JSON at line "
              + loc.getLineNumber()
              + ", column "
              + loc.getColumnNumber()
              + near(text, loc.getStreamOffset()),
          e);
    } catch (JsonException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
  }

  /** The text around a parse error, e.g. {@code near "oops"}. */
  private static String near(String text, long offset) {
    if (offset < 0 || offset > text.length()) {
      return "";
    }
    int at = (int) Math.max(0, Math.min(text.length(), offset) - 1);
    int from = Math.max(0, at - 10);
    int to = Math.min(text.length(), at + 10);
    return " near \"" + text.substring(from, to).replace("\n", " ") + "\"";
  }

  private static String write(JsonWriterFactory factory, JsonStructure value) {
    StringWriter out = new StringWriter();
    try (JsonWriter w = factory.createWriter(out)) {
      w.write(value);
    }
    return out.toString();
  }
}
