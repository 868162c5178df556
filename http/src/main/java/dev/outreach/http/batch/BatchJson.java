package dev.outreach.http.batch;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads batch call replies; throws {@link IllegalArgumentException} when a documented field is
 * missing.
 */
final class BatchJson {
  private BatchJson() {}

  /** {@code {"data": {batch}}}. */
  static BatchCall data(JsonObject reply) {
    return batch(object(reply.get("data"), "data"));
  }

  /** {@code {"data": [batch…], "pagination": {total, limit, offset, has_more}}}. */
  static BatchCallPage page(JsonObject reply) {
    JsonValue d = reply.get("data");
    if (d == null || d.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException("data is not an array");
    }
    List<BatchCall> data = new ArrayList<>();
    for (JsonValue v : d.asJsonArray()) {
      data.add(batch(object(v, "data[]")));
    }
    JsonObject p = object(reply.get("pagination"), "pagination");
    JsonValue more = p.get("has_more");
    if (more != JsonValue.TRUE && more != JsonValue.FALSE) {
      throw new IllegalArgumentException("pagination.has_more is not a boolean");
    }
    return new BatchCallPage(
        data,
        integer(p, "total").orElseThrow(),
        integer(p, "limit").orElseThrow(),
        integer(p, "offset").orElseThrow(),
        more == JsonValue.TRUE);
  }

  static BatchCall batch(JsonObject o) {
    return new BatchCall(
        string(o, "id", true),
        string(o, "name", false),
        string(o, "agent_id", false),
        string(o, "status", true),
        integer(o, "contacts_count"),
        o);
  }

  private static JsonObject object(JsonValue v, String what) {
    if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(what + " is not an object");
    }
    return v.asJsonObject();
  }

  private static String string(JsonObject o, String key, boolean required) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s && !s.getString().isEmpty()) {
      return s.getString();
    }
    if (required) {
      throw new IllegalArgumentException(key + " is missing");
    }
    return null;
  }

  private static OptionalInt integer(JsonObject o, String key) {
    if (o.get(key) instanceof JsonNumber n && n.isIntegral()) {
      try {
        return OptionalInt.of(n.intValueExact());
      } catch (ArithmeticException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }
}
