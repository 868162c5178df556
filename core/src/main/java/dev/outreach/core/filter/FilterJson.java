package dev.outreach.core.filter;

import dev.outreach.core.filter.Filters.AmountRange;
import dev.outreach.core.filter.Filters.DateRange;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link Filters} to and from the API's {@code filters} JSON object, strictly. */
public final class FilterJson {
  /** Looked up once: {@code Json.createX} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<String> KEYS =
      Set.of(
          "ids",
          "exclude_ids",
          "payment_status",
          "language",
          "emi_due_date",
          "emi_amount",
          "custom");

  private FilterJson() {}

  /**
   * The {@code filters} object for {@code f}, keys in the documented order; one value is written
   * bare.
   */
  public static JsonObject toJson(Filters f) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    if (f.ids() != null) b.add("ids", strings(f.ids()));
    if (f.excludeIds() != null) b.add("exclude_ids", strings(f.excludeIds()));
    if (f.paymentStatus() != null) b.add("payment_status", oneOrMany(f.paymentStatus()));
    if (f.language() != null) b.add("language", oneOrMany(f.language()));
    if (f.emiDueDate() != null) {
      JsonObjectBuilder r = JSON.createObjectBuilder();
      if (f.emiDueDate().from() != null) r.add("from", f.emiDueDate().from().toString());
      if (f.emiDueDate().to() != null) r.add("to", f.emiDueDate().to().toString());
      b.add("emi_due_date", r);
    }
    if (f.emiAmount() != null) {
      JsonObjectBuilder r = JSON.createObjectBuilder();
      if (f.emiAmount().min() != null) r.add("min", f.emiAmount().min());
      if (f.emiAmount().max() != null) r.add("max", f.emiAmount().max());
      b.add("emi_amount", r);
    }
    if (f.custom() != null) {
      JsonObjectBuilder c = JSON.createObjectBuilder();
      f.custom()
          .forEach(
              (k, values) -> {
                if (values.size() == 1) {
                  c.add(k, value(values.get(0)));
                } else {
                  JsonArrayBuilder a = JSON.createArrayBuilder();
                  values.forEach(v -> a.add(value(v)));
                  c.add(k, a);
                }
              });
      b.add("custom", c);
    }
    return b.build();
  }

  /**
   * Reads a {@code filters} object as the API does: a string or an array of strings where a list is
   * allowed. Throws {@link IllegalArgumentException} naming the offending key for anything else.
   */
  public static Filters fromJson(JsonObject o) {
    for (String key : o.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "filters." + key + " is not a known filter (known: " + KEYS + ")");
      }
    }
    Map<String, List<Object>> custom = null;
    if (o.containsKey("custom")) {
      JsonObject c = object(o, "custom");
      custom = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : c.entrySet()) {
        custom.put(e.getKey(), scalars(e.getValue(), "filters.custom." + e.getKey()));
      }
    }
    return new Filters(
        stringList(o, "ids", false),
        stringList(o, "exclude_ids", false),
        stringList(o, "payment_status", true),
        stringList(o, "language", true),
        o.containsKey("emi_due_date") ? dateRange(object(o, "emi_due_date")) : null,
        o.containsKey("emi_amount") ? amountRange(object(o, "emi_amount")) : null,
        custom);
  }

  /**
   * The length of {@code toJson(f).toString()}, found without writing the id lists out (weighing
   * bodies that list thousands of ids is then cheap).
   */
  static long length(Filters f) {
    Filters rest =
        new Filters(
            null, null, f.paymentStatus(), f.language(), f.emiDueDate(), f.emiAmount(), f.custom());
    long restLength = toJson(rest).toString().length(); // "{...}", or "{}"
    int parts = (f.ids() == null ? 0 : 1) + (f.excludeIds() == null ? 0 : 1);
    if (parts == 0) {
      return restLength;
    }
    long n = restLength + (restLength > 2 ? 1 : 0) + (parts - 1); // commas between the parts
    n += listLength("ids", f.ids()) + listLength("exclude_ids", f.excludeIds());
    return n;
  }

  /** {@code "key":["a","b"]}'s length, 0 for a missing list. */
  private static long listLength(String key, List<String> values) {
    if (values == null) {
      return 0;
    }
    long n =
        key.length() + 3 + 2 + Math.max(0, values.size() - 1); // quotes and colon, brackets, commas
    for (String v : values) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c < 0x20 || c == '"' || c == '\\') {
          return key.length()
              + 3
              + strings(values).toString().length(); // escapes: let the writer count
        }
      }
      n += v.length() + 2;
    }
    return n;
  }

  /**
   * A single value as a plain string (the API takes either; it is shorter), several as an array.
   */
  private static JsonValue oneOrMany(List<String> values) {
    return values.size() == 1 ? JSON.createValue(values.get(0)) : strings(values);
  }

  private static JsonArray strings(List<String> values) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    values.forEach(a::add);
    return a.build();
  }

  private static JsonValue value(Object v) {
    if (v instanceof Boolean) return (Boolean) v ? JsonValue.TRUE : JsonValue.FALSE;
    if (v instanceof BigDecimal) return JSON.createValue((BigDecimal) v);
    if (v instanceof Number) return JSON.createValue(new BigDecimal(v.toString()));
    return JSON.createValue(String.valueOf(v));
  }

  private static JsonObject object(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("filters." + key + " must be an object");
    }
    return v.asJsonObject();
  }

  private static List<String> stringList(JsonObject o, String key, boolean singleAllowed) {
    if (!o.containsKey(key)) {
      return null;
    }
    JsonValue v = o.get(key);
    if (singleAllowed && v.getValueType() == JsonValue.ValueType.STRING) {
      return List.of(((JsonString) v).getString());
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException(
          "filters."
              + key
              + " must be "
              + (singleAllowed ? "a string or an array of strings" : "an array of strings"));
    }
    List<String> out = new ArrayList<>();
    for (JsonValue item : v.asJsonArray()) {
      if (item.getValueType() != JsonValue.ValueType.STRING) {
        throw new IllegalArgumentException(
            "filters." + key + " must hold only strings, found " + item);
      }
      String text = ((JsonString) item).getString();
      if (text.isEmpty()) {
        throw new IllegalArgumentException("filters." + key + " holds an empty string");
      }
      out.add(text);
    }
    return out;
  }

  private static List<Object> scalars(JsonValue v, String where) {
    List<Object> out = new ArrayList<>();
    if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue item : v.asJsonArray()) {
        out.add(scalar(item, where));
      }
    } else {
      out.add(scalar(v, where));
    }
    return out;
  }

  private static Object scalar(JsonValue v, String where) {
    switch (v.getValueType()) {
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        return ((JsonNumber) v).bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException(
            where + " must be a string, number or boolean, found " + v);
    }
  }

  private static DateRange dateRange(JsonObject r) {
    onlyKeys(r, "emi_due_date", Set.of("from", "to"));
    return new DateRange(date(r, "from"), date(r, "to"));
  }

  private static void onlyKeys(JsonObject r, String where, Set<String> allowed) {
    for (String key : r.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "filters." + where + "." + key + " is not known (known: " + allowed + ")");
      }
    }
  }

  private static LocalDate date(JsonObject r, String key) {
    if (!r.containsKey(key)) return null;
    JsonValue v = r.get(key);
    try {
      return LocalDate.parse(((JsonString) v).getString());
    } catch (ClassCastException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "filters.emi_due_date." + key + " must be a date YYYY-MM-DD, found " + v);
    }
  }

  private static AmountRange amountRange(JsonObject r) {
    onlyKeys(r, "emi_amount", Set.of("min", "max"));
    return new AmountRange(amount(r, "min"), amount(r, "max"));
  }

  private static BigDecimal amount(JsonObject r, String key) {
    if (!r.containsKey(key)) return null;
    JsonValue v = r.get(key);
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new IllegalArgumentException(
          "filters.emi_amount." + key + " must be a number, found " + v);
    }
    return ((JsonNumber) v).bigDecimalValue();
  }
}
