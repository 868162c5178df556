package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.io.StringReader;
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
  private final boolean lists;
  private transient volatile Predicate<Customer> test;

  private Question(String key, String filters, String attribute, Object value, boolean lists) {
    this.key = key;
    this.filters = filters;
    this.attribute = attribute;
    this.value = value;
    this.lists = lists;
  }

  /** The customers filters of one attribute constraint, {@code part}, select. */
  static Question constraint(Filters part) {
    String json = FilterJson.toJson(part).toString();
    return new Question("c " + json, json, null, null, false);
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
        false);
  }

  /** Every customer, listed. */
  static Question everyone() {
    return new Question("*", null, null, null, true);
  }

  /** This question, asking also which customers it selects. */
  Question listing() {
    return lists ? this : new Question(key, filters, attribute, value, true);
  }

  /** What tells this question from others (whether it lists aside). */
  String key() {
    return key;
  }

  /** Whether the engine must list the customers it selects, not only count them. */
  public boolean lists() {
    return lists;
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
      try (JsonReader r = Json.createReader(new StringReader(filters))) {
        return FilterJson.fromJson(r.readObject()).matcher();
      }
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
    return (lists ? "list " : "count ") + what;
  }
}
