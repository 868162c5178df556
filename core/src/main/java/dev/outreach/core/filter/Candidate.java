package dev.outreach.core.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * One attribute constraint the compiler may add to a filter: it holds for every customer of the
 * audience by construction, so adding it can only remove customers who should not be reached.
 *
 * @param cost the bytes it adds to the request body
 */
record Candidate(String key, Filters part, int cost) {

  /**
   * Every constraint implied by the audience at {@code positions} of {@code index} that could
   * narrow the selection, in a fixed order; custom attributes only when {@code useCustom}.
   */
  static List<Candidate> implied(
      Snapshot index, int[] positions, boolean useCustom, int maxValues) {
    List<Candidate> out = new ArrayList<>();
    List<String> status = strings(index, "payment_status", positions, maxValues);
    if (status != null) {
      out.add(of("payment_status", new Filters(null, null, status, null, null, null, null)));
    }
    List<String> language = strings(index, "language", positions, maxValues);
    if (language != null) {
      out.add(of("language", new Filters(null, null, null, language, null, null, null)));
    }
    LocalDate[] dates = range(index::dueDate, positions, LocalDate.class);
    if (dates != null) {
      out.add(of("emi_due_date", dates(new Filters.DateRange(dates[0], dates[1]))));
      out.add(of("emi_due_date.from", dates(new Filters.DateRange(dates[0], null))));
      out.add(of("emi_due_date.to", dates(new Filters.DateRange(null, dates[1]))));
    }
    BigDecimal[] amounts = range(index::amount, positions, BigDecimal.class);
    if (amounts != null) {
      out.add(of("emi_amount", amounts(new Filters.AmountRange(amounts[0], amounts[1]))));
      out.add(of("emi_amount.min", amounts(new Filters.AmountRange(amounts[0], null))));
      out.add(of("emi_amount.max", amounts(new Filters.AmountRange(null, amounts[1]))));
    }
    if (useCustom) {
      for (Map.Entry<String, List<Object>> e :
          customValues(index, positions, maxValues).entrySet()) {
        out.add(
            of(
                "custom." + e.getKey(),
                new Filters(null, null, null, null, null, null, Map.of(e.getKey(), e.getValue()))));
      }
    }
    return out;
  }

  private static Candidate of(String key, Filters part) {
    // Cost: the key and value as they appear inside "filters", plus a separating comma.
    String json = FilterJson.toJson(part).toString();
    return new Candidate(key, part, json.length() - 1);
  }

  private static Filters dates(Filters.DateRange r) {
    return new Filters(null, null, null, null, r, null, null);
  }

  private static Filters amounts(Filters.AmountRange r) {
    return new Filters(null, null, null, null, null, r, null);
  }

  /** The audience's distinct values, sorted; null when one is missing or there are too many. */
  private static List<String> strings(
      Snapshot index, String attribute, int[] positions, int maxValues) {
    IntSet ids = new IntSet();
    IntUnaryOperator valueIds = index.valueIds(attribute);
    for (int p : positions) {
      int id = valueIds.applyAsInt(p);
      if (id < 0 || (ids.add(id) && ids.size() > maxValues)) {
        return null;
      }
    }
    java.util.TreeSet<String> values = new java.util.TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      values.add((String) index.value(attribute, ids.get(i)));
    }
    return new ArrayList<>(values);
  }

  /**
   * The least and greatest values of the audience (the first met of equals); null when one is
   * missing.
   */
  private static <T extends Comparable<? super T>> T[] range(
      java.util.function.IntFunction<T> column, int[] positions, Class<T> type) {
    T min = null;
    T max = null;
    for (int p : positions) {
      T v = column.apply(p);
      if (v == null) {
        return null;
      }
      min = min == null || v.compareTo(min) < 0 ? v : min;
      max = max == null || v.compareTo(max) > 0 ? v : max;
    }
    if (min == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T[] out = (T[]) java.lang.reflect.Array.newInstance(type, 2);
    out[0] = min;
    out[1] = max;
    return out;
  }

  /**
   * Custom keys every audience member has (those of the first member, checked for all), with their
   * distinct values as {@link ValueSet} tells them apart (numbers numerically), sorted.
   */
  private static Map<String, List<Object>> customValues(
      Snapshot index, int[] positions, int maxValues) {
    Map<String, List<Object>> out = new TreeMap<>();
    if (positions.length == 0) {
      return out;
    }
    for (String key : index.customKeys(positions[0])) {
      String attribute = "custom." + key;
      List<Object> values = new ArrayList<>();
      ValueSet seen = new ValueSet(List.of());
      IntSet ids = new IntSet();
      boolean usable = true;
      IntUnaryOperator valueIds = index.valueIds(attribute);
      for (int p : positions) {
        int id = valueIds.applyAsInt(p);
        if (id < 0) {
          usable = false;
          break;
        }
        if (ids.add(id)) { // a value first met: equal objects share an id, so a repeat is never new
          Object v = index.value(attribute, id);
          if (!seen.contains(v)) {
            seen.add(v);
            values.add(v);
            if (values.size() > maxValues) {
              usable = false;
              break;
            }
          }
        }
      }
      if (usable) {
        Map<Object, String> keys = new java.util.IdentityHashMap<>();
        for (Object v : values) {
          keys.put(
              v, sortKey(v)); // once per value: formatting a number is dear, a sort compares often
        }
        values.sort(Comparator.comparing(keys::get));
        out.put(key, values);
      }
    }
    return out;
  }

  private static String sortKey(Object v) {
    return v instanceof BigDecimal
        ? String.format(Locale.ROOT, "%040.10f", (BigDecimal) v)
        : String.valueOf(v);
  }
}
