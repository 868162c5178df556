package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** A snapshot read from whole customers, in the list's order (the caller keeps the list). */
final class PortfolioSource implements SnapshotSource {
  private final List<Customer> customers;
  private final Map<String, Integer> positions;

  PortfolioSource(List<Customer> customers) {
    this.customers = List.copyOf(customers);
    this.positions = new HashMap<>(customers.size() * 2);
    for (int i = 0; i < this.customers.size(); i++) {
      String id = this.customers.get(i).loanId();
      if (positions.putIfAbsent(id, i) != null) {
        throw new IllegalArgumentException("the snapshot has loan id " + id + " more than once");
      }
    }
  }

  @Override
  public int size() {
    return customers.size();
  }

  @Override
  public String loanId(int position) {
    return customers.get(position).loanId();
  }

  @Override
  public int position(String loanId) {
    Integer p = positions.get(loanId);
    return p == null ? -1 : p;
  }

  @Override
  public Object[] values(String attribute) {
    Object[] raw = new Object[customers.size()];
    String key = attribute.startsWith("custom.") ? attribute.substring("custom.".length()) : null;
    for (int i = 0; i < raw.length; i++) {
      Customer c = customers.get(i);
      raw[i] =
          key != null
              ? c.custom().get(key)
              : attribute.equals("payment_status") ? c.paymentStatus() : c.language();
    }
    return raw;
  }

  @Override
  public LocalDate[] dates() {
    LocalDate[] v = new LocalDate[customers.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = customers.get(i).emiDueDate();
    }
    return v;
  }

  @Override
  public BigDecimal[] amounts() {
    BigDecimal[] v = new BigDecimal[customers.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = customers.get(i).emiAmount();
    }
    return v;
  }

  @Override
  public SortedSet<String> customKeys(int position) {
    return new TreeSet<>(customers.get(position).custom().keySet());
  }
}
