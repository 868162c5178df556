package dev.outreach.core.internal;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;

/**
 * Shares equal values met again (statuses, languages, dates, amounts and custom values repeat
 * across a book), so a store of millions of customers holds each once: up to a bound, past which a
 * value is kept as it came. Not thread-safe.
 */
public final class SharedValues {
  private final HashMap<Object, Object> seen = new HashMap<>();
  private final HashMap<java.util.List<String>, ColumnMap.Columns> columns = new HashMap<>();
  private final int bound;

  /** Remembers at most {@code bound} distinct values. */
  public SharedValues(int bound) {
    this.bound = bound;
  }

  /** The first value met that equals {@code v} and has its class, else {@code v}. */
  public Object shared(Object v) {
    if (v == null) {
      return null;
    }
    Object s = seen.get(v);
    if (s != null && s.getClass() == v.getClass()) {
      return s;
    }
    if (seen.size() < bound) {
      seen.put(v, v);
    }
    return v;
  }

  /**
   * {@code c} with its values shared (its loan id, phone number and lead id, which are its own,
   * kept as they are), and its custom attributes' column names shared with customers of the same
   * columns.
   */
  public Customer share(Customer c) {
    java.util.Map<String, Object> custom = c.custom();
    if (custom instanceof ColumnMap m) {
      ColumnMap.Columns mine = columns.computeIfAbsent(m.columns().names(), k -> m.columns());
      custom = m.over(mine, this::shared);
    }
    return new Customer(
        c.loanId(),
        (String) shared(c.firstName()),
        (String) shared(c.lastName()),
        c.phoneNumber(),
        (BigDecimal) shared(c.loanAmount()),
        (BigDecimal) shared(c.emiAmount()),
        (Integer) shared(c.loanPeriod()),
        (BigDecimal) shared(c.currentEmi()),
        (LocalDate) shared(c.emiDueDate()),
        (String) shared(c.paymentStatus()),
        (String) shared(c.language()),
        c.leadId(),
        (LocalDate) shared(c.leadDate()),
        custom);
  }

  /** Forgets every value. */
  public void clear() {
    seen.clear();
    columns.clear();
  }
}
