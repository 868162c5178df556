package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON Lines portfolio: one JSON object per line with the record fields by wire name; other
 * keys, and the keys of an optional {@code custom} object, are custom attributes.
 */
final class JsonLinesPortfolio {
  private JsonLinesPortfolio() {}

  static List<Customer> read(Reader reader, String source) throws IOException, PortfolioException {
    Problems problems = new Problems(source);
    List<Customer> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String text;
      long line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        Customer c = customer(text, line, problems);
        if (c != null) {
          out.add(c);
        }
      }
    }
    problems.throwIfAny();
    return out;
  }

  /**
   * The customer on one line (not blank, its byte order mark gone), or null with its problems in
   * {@code problems}; also tells {@code problems} its loan id, for repeats.
   */
  static Customer customer(String text, long line, Problems problems) {
    JsonObject o;
    try {
      o = JsonLine.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(line, null, e.getMessage());
      return null;
    }
    return customer(o, line, problems);
  }

  /**
   * The loan id on one line, as its customer would have it (stripped); null when it has none. Read
   * only as far as the id: for a line that is not valid, the id may be one its customer would not
   * have, but such a line has no customer.
   */
  static String loanId(String text) {
    JsonValue v = JsonLine.firstValue(text, k -> Fields.canonical(k).equals(Fields.LOAN_ID));
    String loanId = v == null ? null : scalarText(v);
    return loanId == null || loanId.isBlank() ? null : loanId.strip();
  }

  private static Customer customer(JsonObject o, long line, Problems problems) {
    String loanId = null;
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (Fields.canonical(e.getKey()).equals(Fields.LOAN_ID)) {
        JsonValue v = e.getValue();
        loanId = scalarText(v);
        if (loanId == null && v.getValueType() != JsonValue.ValueType.NULL) {
          problems.add(line, e.getKey(), "must be a string or number, not " + kind(v));
          return null;
        }
      }
    }
    if (loanId == null || loanId.isBlank()) {
      problems.add(line, Fields.LOAN_ID, "is missing or empty; every customer needs a loan id");
      return null;
    }
    try {
      Fields.checkLength(loanId.strip());
    } catch (IllegalArgumentException e) {
      problems.add(line, Fields.LOAN_ID, e.getMessage());
      return null;
    }
    problems.seen(loanId.strip(), line);
    Customer.Builder b = Customer.builder(loanId.strip());
    boolean ok = true;
    Set<String> names = new HashSet<>();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String name = Fields.canonical(e.getKey());
      JsonValue v = e.getValue();
      boolean nested = name.equals("custom") && v.getValueType() == JsonValue.ValueType.OBJECT;
      if (name.isEmpty()) {
        problems.add(line, null, "a key is empty (\"\"); every field needs a name");
        ok = false;
        continue;
      }
      if (!nested && !names.add(name)) {
        problems.add(
            line,
            e.getKey(),
            "names the same field as another key of the object ("
                + name
                + "); give each field once");
        ok = false;
        continue;
      }
      if (name.equals(Fields.LOAN_ID) || v.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      try {
        if (nested) {
          for (Map.Entry<String, JsonValue> ce : v.asJsonObject().entrySet()) {
            if (ce.getKey().isBlank()) {
              throw new IllegalArgumentException(
                  "a key is empty; every custom attribute needs a name");
            }
            if (!names.add(ce.getKey())) {
              throw new IllegalArgumentException(
                  "custom." + ce.getKey() + " is also a key of the object; give it once");
            }
            if (ce.getValue().getValueType() != JsonValue.ValueType.NULL) {
              b.custom(
                  ce.getKey(),
                  Fields.checked(ce.getKey(), customValue(ce.getValue(), "custom." + ce.getKey())));
            }
          }
        } else if (Fields.isRecordField(name)) {
          String text = scalarText(v);
          if (text == null) {
            throw new IllegalArgumentException("must be a string or number, not " + kind(v));
          }
          Fields.set(b, name, text);
        } else {
          b.custom(name, Fields.checked(name, customValue(v, name)));
        }
      } catch (IllegalArgumentException ex) {
        problems.add(line, e.getKey(), ex.getMessage());
        ok = false;
      }
    }
    return ok ? b.build() : null;
  }

  private static String scalarText(JsonValue v) {
    switch (v.getValueType()) {
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        return plain(((JsonNumber) v).bigDecimalValue());
      default:
        return null;
    }
  }

  /**
   * The number as plain digits, unless that would be huge ({@code 1e999999999}): then as written.
   */
  private static String plain(java.math.BigDecimal d) {
    return Math.abs((long) d.scale()) > 100 ? d.toString() : d.toPlainString();
  }

  /** A JSON value's kind in words, for messages. */
  private static String kind(JsonValue v) {
    switch (v.getValueType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case TRUE:
      case FALSE:
        return "a boolean (true/false)";
      default:
        return v.getValueType().name().toLowerCase(Locale.ROOT);
    }
  }

  private static Object customValue(JsonValue v, String name) {
    switch (v.getValueType()) {
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        java.math.BigDecimal d = ((JsonNumber) v).bigDecimalValue();
        if (Math.abs((long) d.scale()) > 100) {
          throw new IllegalArgumentException(
              "custom attribute " + name + " " + d + " is out of range");
        }
        return d;
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException(
            "custom attribute " + name + " must be a string, number or boolean, not " + kind(v));
    }
  }
}
