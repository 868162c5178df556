package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a {@link PartialSnapshot} asks its engine about the customers it does not keep: which
 * customers of the snapshot one attribute constraint selects (as a request's filter would select
 * them), which have exactly one value of an attribute (by {@code equals}), or all of them. Sent to
 * where the customers are, so serializable; {@link #selects} is the only test an engine applies.
 */
public final class Question implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String filters; // a constraint's filters, as JSON
  private final String attribute; // an equality's attribute
  private final Object value; // an equality's value
  private final List<String> probes; // null unless it lists: the constraints its customers face
  private transient volatile Predicate<Customer> test;
  private transient volatile List<Predicate<Customer>> probing;

  private Question(
      String key, String filters, String attribute, Object value, List<String> probes) {
    this.key = key;
    this.filters = filters;
    this.attribute = attribute;
    this.value = value;
    this.probes = probes;
  }

  /** The customers filters of one attribute constraint, {@code part}, select. */
  static Question constraint(Filters part) {
    String json = FilterJson.toJson(part).toString();
    return new Question("c " + json, json, null, null, null);
  }

  /** The customers whose {@code attribute} equals {@code value}. */
  static Question equalTo(String attribute, Object value) {
    Objects.requireNonNull(value, "value == null");
    if (!(value instanceof Serializable)) {
      throw new IllegalArgumentException("not a value a snapshot holds: " + value.getClass());
    }
    return new Question(
        "e " + attribute + '\u0000' + value.getClass().getName() + '\u0000' + value,
        null,
        attribute,
        value,
        null);
  }

  /** Every customer (whose number the snapshot knows). */
  static Question everyone() {
    return new Question("*", null, null, null, null);
  }

  /**
   * This question, asking also which customers it selects, each with how {@code probes} (one
   * attribute constraint each) fare on it.
   */
  Question listing(List<Filters> probes) {
    List<String> json = new ArrayList<>(probes.size());
    for (Filters f : probes) {
      json.add(FilterJson.toJson(f).toString());
    }
    return new Question(key, filters, attribute, value, List.copyOf(json));
  }

  /** What tells this question from others, whether and with what it lists aside. */
  String key() {
    return key;
  }

  /** What tells this question from others, with what it lists. */
  String listingKey() {
    return probes == null ? key : key + '\u0001' + String.join("\u0001", probes);
  }

  /** A constraint's filters as JSON (as a probe names it); null for other questions. */
  String filters() {
    return filters;
  }

  /** The probes, as JSON, when it lists. */
  List<String> probes() {
    return probes;
  }

  /** Whether the engine must list the customers it selects, not only count them. */
  public boolean lists() {
    return probes != null;
  }

  /** How many words {@link #probe} gives. */
  public int words() {
    return probes == null ? 0 : (probes.size() + 63) >>> 6;
  }

  /**
   * How the probes fare on {@code c}, as bits (probe {@code i} is bit {@code i % 64} of word {@code
   * i / 64}), set when the probe selects {@code c}; safe on several threads at once.
   */
  public long[] probe(Customer c) {
    List<Predicate<Customer>> p = probing;
    if (p == null) {
      List<Predicate<Customer>> made = new ArrayList<>();
      for (String json : probes == null ? List.<String>of() : probes) {
        made.add(matcher(json));
      }
      probing = p = List.copyOf(made);
    }
    long[] bits = new long[words()];
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i).test(c)) {
        bits[i >>> 6] |= 1L << i;
      }
    }
    return bits;
  }

  private static Predicate<Customer> matcher(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return FilterJson.fromJson(r.readObject()).matcher();
    }
  }

  /** Whether this question selects {@code c}; safe on several threads at once. */
  public boolean selects(Customer c) {
    Predicate<Customer> t = test;
    if (t == null) {
      test = t = test();
    }
    return t.test(c);
  }

  private Predicate<Customer> test() {
    if (filters != null) {
      return matcher(filters);
    }
    if (attribute == null) {
      return c -> true;
    }
    if (attribute.startsWith("custom.")) {
      String k = attribute.substring("custom.".length());
      return c -> value.equals(c.custom().get(k));
    }
    return switch (attribute) {
      case "payment_status" -> c -> value.equals(c.paymentStatus());
      case "language" -> c -> value.equals(c.language());
      default -> throw new IllegalStateException("not an equality attribute: " + attribute);
    };
  }

  @Override
  public String toString() {
    String what =
        filters != null
            ? "filters " + filters
            : attribute != null ? attribute + " = " + value : "every customer";
    return (lists() ? "list " : "count ") + what;
  }
}
