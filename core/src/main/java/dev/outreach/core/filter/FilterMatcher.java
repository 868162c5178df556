package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** {@link Filters} as a predicate, with hash sets built once for the id lists. */
final class FilterMatcher implements Predicate<Customer> {
  private final Filters f;
  private final Set<String> ids;
  private final Set<String> excludeIds;
  private final String[] customKeys;
  private final ValueSet[] customValues;

  FilterMatcher(Filters f) {
    this.f = f;
    this.ids = f.ids() == null ? null : new HashSet<>(f.ids());
    this.excludeIds = f.excludeIds() == null ? null : new HashSet<>(f.excludeIds());
    int n = f.custom() == null ? 0 : f.custom().size();
    this.customKeys = new String[n];
    this.customValues = new ValueSet[n];
    int i = 0;
    for (Map.Entry<String, List<Object>> e :
        n == 0 ? Map.<String, List<Object>>of().entrySet() : f.custom().entrySet()) {
      customKeys[i] = e.getKey();
      customValues[i++] = new ValueSet(e.getValue());
    }
  }

  @Override
  public boolean test(Customer c) {
    // exclude_ids last: most customers a body is tried on fail an attribute first, and that costs
    // no hashing
    return (ids == null || ids.contains(c.loanId()))
        && oneOf(f.paymentStatus(), c.paymentStatus())
        && oneOf(f.language(), c.language())
        && (f.emiDueDate() == null || f.emiDueDate().contains(c.emiDueDate()))
        && (f.emiAmount() == null || f.emiAmount().contains(c.emiAmount()))
        && customMatches(c)
        && (excludeIds == null || !excludeIds.contains(c.loanId()));
  }

  private static boolean oneOf(List<String> allowed, String value) {
    return allowed == null || (value != null && allowed.contains(value));
  }

  private boolean customMatches(Customer c) {
    for (int i = 0; i < customKeys.length; i++) {
      Object actual = c.custom().get(customKeys[i]);
      if (actual == null || !customValues[i].contains(actual)) {
        return false;
      }
    }
    return true;
  }
}
