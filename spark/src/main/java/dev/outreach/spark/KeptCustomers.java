package dev.outreach.spark;

import dev.outreach.core.Customer;
import java.util.Arrays;
import java.util.List;

/**
 * The customers as the driver keeps them, each value met before shared (statuses, languages, dates,
 * amounts and custom values repeat across a book), put back in the source's order at the end: the
 * filters are chosen in that order, as the program chooses them.
 */
final class KeptCustomers {
  private static final int SHARED = 1 << 20;

  private final java.util.HashMap<Object, Object> seen = new java.util.HashMap<>();
  private final java.util.HashMap<List<String>, dev.outreach.core.internal.ColumnMap.Columns>
      columns = new java.util.HashMap<>();
  private Customer[] customers = new Customer[1024];
  private long[] rows = new long[1024];
  int size;

  void add(long row, Customer c) {
    if (size == customers.length) {
      customers = Arrays.copyOf(customers, size * 2);
      rows = Arrays.copyOf(rows, size * 2);
    }
    customers[size] = shared(c);
    rows[size++] = row;
  }

  List<Customer> inSourceOrder(long[] firstRow) {
    Customer[] out = new Customer[size];
    for (int i = 0; i < size; i++) {
      out[(int) (SparkPlanning.number(rows[i], firstRow) - 1)] = customers[i];
    }
    customers = null;
    rows = null;
    return Arrays.asList(out);
  }

  private Customer shared(Customer c) {
    java.util.Map<String, Object> custom = c.custom();
    if (custom instanceof dev.outreach.core.internal.ColumnMap m) {
      var mine = columns.computeIfAbsent(m.columns().names(), k -> m.columns());
      custom = m.over(mine, this::shared);
    }
    return new Customer(
        c.loanId(),
        (String) shared(c.firstName()),
        (String) shared(c.lastName()),
        c.phoneNumber(),
        (java.math.BigDecimal) shared(c.loanAmount()),
        (java.math.BigDecimal) shared(c.emiAmount()),
        (Integer) shared(c.loanPeriod()),
        (java.math.BigDecimal) shared(c.currentEmi()),
        (java.time.LocalDate) shared(c.emiDueDate()),
        (String) shared(c.paymentStatus()),
        (String) shared(c.language()),
        c.leadId(),
        (java.time.LocalDate) shared(c.leadDate()),
        custom);
  }

  private Object shared(Object v) {
    if (v == null) {
      return null;
    }
    Object s = seen.get(v);
    if (s != null && s.getClass() == v.getClass()) {
      return s;
    }
    if (seen.size() < SHARED) {
      seen.put(v, v);
    }
    return v;
  }
}
