package dev.outreach.core.filter;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Custom-attribute values to match against, with the API's semantics as we read them: numbers
 * compare by value ({@code 5000} equals {@code 5000.00}), anything else (and a number against text)
 * by its text. Hash sets make a test constant-time however many values there are.
 */
final class ValueSet {
  private final Set<BigDecimal> numbers = new HashSet<>(); // without trailing zeros: 5E+3 for 5000
  private final Set<String> texts = new HashSet<>();

  ValueSet(Collection<?> values) {
    for (Object v : values) {
      add(v);
    }
  }

  /** Adds {@code v}; true when no equal value was there yet. */
  boolean add(Object v) {
    boolean added = texts.add(String.valueOf(v));
    if (v instanceof Number) {
      added = numbers.add(stripped((Number) v)) && added;
    }
    return added;
  }

  boolean contains(Object actual) {
    if (actual instanceof Number && numbers.contains(stripped((Number) actual))) {
      return true;
    }
    return texts.contains(String.valueOf(actual));
  }

  /** {@code n} as a number equal (by {@code equals}) to every other of the same value. */
  private static BigDecimal stripped(Number n) {
    BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  /** {@code n}'s value as text, the same for every number of that value. */
  static String numeric(Number n) {
    BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
