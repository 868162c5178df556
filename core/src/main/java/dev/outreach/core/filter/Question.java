package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a {@link PartialSnapshot} asks its engine about the customers it does not keep: which
 * customers of the snapshot one attribute constraint selects (as a request's filter would select
 * them), which have exactly one value of an attribute (by {@code equals}), which have that value
 * and are selected by one attribute constraint, or all of them. Sent to where the customers are, so
 * serializable; {@link #selects} is the only test an engine applies.
 */
public final class Question implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String filters; // a constraint's filters, as JSON
  private final String attribute; // an equality's attribute
  private final Object value; // an equality's value
  private final List<String> probes; // null unless it lists: the constraints its customers face
  private transient volatile Predicate<Customer> test;
  private transient volatile Predicate<Customer> filtersTest;
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
    if (!attribute.equals("payment_status")
        && !attribute.equals("language")
        && !attribute.startsWith("custom.")) {
      throw new IllegalArgumentException("not an equality attribute: " + attribute);
    }
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

  /**
   * The customers whose {@code attribute} equals {@code value} and that the filters of one
   * attribute constraint, {@code part}, select.
   */
  static Question within(String attribute, Object value, Filters part) {
    Question equal = equalTo(attribute, value);
    String json = FilterJson.toJson(part).toString();
    return new Question("w " + equal.key + '\u0000' + json, json, attribute, value, null);
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

  /** Whether this question's filters (all customers when it has none) select {@code c}. */
  private boolean filtersSelect(Customer c) {
    Predicate<Customer> t = filtersTest;
    if (t == null) {
      filtersTest = t = filters == null ? x -> true : matcher(filters);
    }
    return t.test(c);
  }

  /** The value of equality attribute {@code attribute} of {@code c}, null when it has none. */
  private static Object valueOf(String attribute, Customer c) {
    if (attribute.startsWith("custom.")) {
      return c.custom().get(attribute.substring("custom.".length()));
    }
    return switch (attribute) {
      case "payment_status" -> c.paymentStatus();
      case "language" -> c.language();
      default -> throw new IllegalStateException("not an equality attribute: " + attribute);
    };
  }

  /**
   * Questions answered together, customer after customer, as an engine does in one pass: a question
   * about one value of an attribute is tested only on the customers having that value (one lookup
   * per attribute, however many values and constraints are asked about).
   */
  public static final class Batch {
    private final List<Question> questions;
    private final int[] plain; // questions about no value: each tested
    private final List<String> attributes = new ArrayList<>();
    private final List<Map<Object, int[]>> byValue = new ArrayList<>();

    /** The questions, each answered at its index in {@code questions}. */
    public Batch(List<Question> questions) {
      this.questions = List.copyOf(questions);
      List<Integer> others = new ArrayList<>();
      Map<String, Map<Object, List<Integer>>> grouped = new TreeMap<>();
      for (int i = 0; i < this.questions.size(); i++) {
        Question q = this.questions.get(i);
        if (q.attribute == null) {
          others.add(i);
        } else {
          grouped
              .computeIfAbsent(q.attribute, a -> new HashMap<>())
              .computeIfAbsent(q.value, v -> new ArrayList<>())
              .add(i);
        }
      }
      plain = others.stream().mapToInt(Integer::intValue).toArray();
      grouped.forEach(
          (attribute, values) -> {
            Map<Object, int[]> indexes = new HashMap<>();
            values.forEach(
                (v, list) -> indexes.put(v, list.stream().mapToInt(Integer::intValue).toArray()));
            attributes.add(attribute);
            byValue.add(indexes);
          });
    }

    /**
     * Puts in {@code selected} the indexes of the questions that select {@code c} ({@link
     * Question#selects}), ascending, and returns how many; safe on several threads at once, each
     * with its own array (as long as the questions).
     */
    public int selects(Customer c, int[] selected) {
      int n = 0;
      for (int q : plain) {
        if (questions.get(q).selects(c)) {
          selected[n++] = q;
        }
      }
      boolean sorted = true;
      for (int a = 0; a < attributes.size(); a++) {
        Object v = valueOf(attributes.get(a), c);
        int[] asked = v == null ? null : byValue.get(a).get(v);
        if (asked != null) {
          for (int q : asked) {
            if (questions.get(q).filtersSelect(c)) {
              sorted &= n == 0 || selected[n - 1] < q;
              selected[n++] = q;
            }
          }
        }
      }
      if (!sorted) {
        Arrays.sort(selected, 0, n);
      }
      return n;
    }
  }

  private Predicate<Customer> test() {
    Predicate<Customer> equal = equality();
    return filters == null ? equal : equal.and(matcher(filters));
  }

  private Predicate<Customer> equality() {
    if (attribute == null) {
      return c -> true;
    }
    return c -> value.equals(valueOf(attribute, c));
  }

  @Override
  public String toString() {
    String equal = attribute == null ? null : attribute + " = " + value;
    String what =
        filters != null
            ? "filters " + filters + (equal == null ? "" : " where " + equal)
            : equal != null ? equal : "every customer";
    return (lists() ? "list " : "count ") + what;
  }
}
