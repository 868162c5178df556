package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A request's {@code filters}: which customers of a campaign it selects. Keys are ANDed; a {@code
 * null} component does not restrict, so {@link #ALL} selects the whole campaign.
 *
 * @param ids selects customers whose loan id is listed
 * @param excludeIds selects customers whose loan id is not listed
 * @param paymentStatus selects customers whose payment status is one of these
 * @param language selects customers whose language is one of these
 * @param emiDueDate selects customers whose EMI due date is within the (inclusive) range
 * @param emiAmount selects customers whose EMI amount is within the (inclusive) range
 * @param custom for each key, selects customers whose custom attribute equals one of the values
 */
public record Filters(
    List<String> ids,
    List<String> excludeIds,
    List<String> paymentStatus,
    List<String> language,
    DateRange emiDueDate,
    AmountRange emiAmount,
    Map<String, List<Object>> custom) {

  /** No filters: the whole campaign. */
  public static final Filters ALL = new Filters(null, null, null, null, null, null, null);

  public Filters {
    ids = copy(ids, "ids");
    excludeIds = copy(excludeIds, "exclude_ids");
    paymentStatus = copy(paymentStatus, "payment_status");
    language = copy(language, "language");
    if (custom != null) {
      Map<String, List<Object>> c = new LinkedHashMap<>();
      custom.forEach(
          (k, v) -> c.put(Objects.requireNonNull(k, "custom key == null"), copy(v, "custom." + k)));
      custom = java.util.Collections.unmodifiableMap(c);
    }
  }

  /** Selects exactly the customers with these loan ids. */
  public static Filters ids(Collection<String> ids) {
    return new Filters(List.copyOf(ids), null, null, null, null, null, null);
  }

  /** Whether no key restricts the selection. */
  public boolean isAll() {
    return equals(ALL);
  }

  /** A predicate that tells whether a customer is selected; build it once and reuse it. */
  public Predicate<Customer> matcher() {
    return new FilterMatcher(this);
  }

  private static <T> List<T> copy(List<T> values, String key) {
    if (values == null) {
      return null;
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("filters." + key + " is empty: it would select nobody");
    }
    return List.copyOf(values);
  }

  /** An inclusive date range; either end may be open ({@code null}), not both. */
  public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
      if (from == null && to == null) {
        throw new IllegalArgumentException("a date range needs from or to");
      }
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException(
            "date range " + from + ".." + to + " ends before it starts");
      }
    }

    boolean contains(LocalDate d) {
      return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
  }

  /** An inclusive amount range; either end may be open ({@code null}), not both. */
  public record AmountRange(BigDecimal min, BigDecimal max) {
    public AmountRange {
      if (min == null && max == null) {
        throw new IllegalArgumentException("an amount range needs min or max");
      }
      if (min != null && max != null && max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "amount range " + min + ".." + max + " ends before it starts");
      }
    }

    boolean contains(BigDecimal v) {
      return v != null
          && (min == null || v.compareTo(min) >= 0)
          && (max == null || v.compareTo(max) <= 0);
    }
  }
}
