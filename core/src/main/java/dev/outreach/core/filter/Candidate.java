package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One attribute constraint the compiler may add to a filter: it holds for every customer of the
 * audience by construction, so adding it can only remove customers who should not be reached.
 *
 * @param cost the bytes it adds to the request body
 */
record Candidate(String key, Filters part, int cost) {

  /** Every constraint implied by {@code audience} that could narrow the selection, in a fixed order. */
  static List<Candidate> implied(List<Customer> audience, int maxValues) {
    List<Candidate> out = new ArrayList<>();
    List<String> status = strings(audience, Customer::paymentStatus, maxValues);
    if (status != null) {
      out.add(of("payment_status", new Filters(null, null, status, null, null, null, null)));
    }
    List<String> language = strings(audience, Customer::language, maxValues);
    if (language != null) {
      out.add(of("language", new Filters(null, null, null, language, null, null, null)));
    }
    LocalDate[] dates = range(audience, Customer::emiDueDate, Comparator.naturalOrder());
    if (dates != null) {
      out.add(of("emi_due_date", dates(new Filters.DateRange(dates[0], dates[1]))));
      out.add(of("emi_due_date.from", dates(new Filters.DateRange(dates[0], null))));
      out.add(of("emi_due_date.to", dates(new Filters.DateRange(null, dates[1]))));
    }
    BigDecimal[] amounts = range(audience, Customer::emiAmount, Comparator.naturalOrder());
    if (amounts != null) {
      out.add(of("emi_amount", amounts(new Filters.AmountRange(amounts[0], amounts[1]))));
      out.add(of("emi_amount.min", amounts(new Filters.AmountRange(amounts[0], null))));
      out.add(of("emi_amount.max", amounts(new Filters.AmountRange(null, amounts[1]))));
    }
    for (Map.Entry<String, List<Object>> e : customValues(audience, maxValues).entrySet()) {
      out.add(of("custom." + e.getKey(), new Filters(null, null, null, null, null, null, Map.of(e.getKey(), e.getValue()))));
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
  private static List<String> strings(List<Customer> audience, java.util.function.Function<Customer, String> get,
      int maxValues) {
    java.util.TreeSet<String> values = new java.util.TreeSet<>();
    for (Customer c : audience) {
      String v = get.apply(c);
      if (v == null || (values.add(v) && values.size() > maxValues)) {
        return null;
      }
    }
    return new ArrayList<>(values);
  }

  private static <T> T[] range(List<Customer> audience, java.util.function.Function<Customer, T> get,
      Comparator<T> order) {
    T min = null;
    T max = null;
    for (Customer c : audience) {
      T v = get.apply(c);
      if (v == null) {
        return null;
      }
      min = min == null || order.compare(v, min) < 0 ? v : min;
      max = max == null || order.compare(v, max) > 0 ? v : max;
    }
    if (min == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T[] out = (T[]) java.lang.reflect.Array.newInstance(min.getClass(), 2);
    out[0] = min;
    out[1] = max;
    return out;
  }

  /** Custom keys every audience member has, with their distinct values (numbers numerically). */
  private static Map<String, List<Object>> customValues(List<Customer> audience, int maxValues) {
    Map<String, List<Object>> out = new TreeMap<>();
    if (audience.isEmpty()) {
      return out;
    }
    for (String key : new java.util.TreeSet<>(audience.get(0).custom().keySet())) {
      List<Object> values = new ArrayList<>();
      ValueSet seen = new ValueSet(List.of());
      boolean usable = true;
      for (Customer c : audience) {
        Object v = c.custom().get(key);
        if (v == null) {
          usable = false;
          break;
        }
        if (!seen.contains(v)) {
          seen.add(v);
          values.add(v);
          if (values.size() > maxValues) {
            usable = false;
            break;
          }
        }
      }
      if (usable) {
        Map<Object, String> keys = new java.util.IdentityHashMap<>();
        for (Object v : values) {
          keys.put(v, sortKey(v)); // once per value: formatting a number is dear, a sort compares often
        }
        values.sort(Comparator.comparing(keys::get));
        out.put(key, values);
      }
    }
    return out;
  }

  private static String sortKey(Object v) {
    return v instanceof BigDecimal ? String.format(Locale.ROOT, "%040.10f", (BigDecimal) v) : String.valueOf(v);
  }
}
