package dev.outreach.report.money;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What a customer owes and how late they are, read from the portfolio:
 *
 * <ul>
 *   <li>EMI: {@code emi_amount} (absent counts as nothing);
 *   <li>overdue amount: the first of the custom attributes {@code overdue_amount}, {@code
 *       amount_overdue}, {@code total_overdue} that holds a number (absent when none does);
 *   <li>days past due: a {@code dpd} attribute holding a whole number wins (a negative one counts
 *       as 0); else the days from {@code emi_due_date} to the as-of date in the customer's zone, 0
 *       when the customer has paid ({@code payment_status} {@code paid}, any case) or the due date
 *       is not past; unknown ({@code null}) without a due date.
 * </ul>
 */
public final class CustomerMoney {
  /** The attribute that gives days past due directly. */
  public static final String DPD = "dpd";

  /** The attributes read for the overdue amount, first present wins. */
  public static final List<String> OVERDUE =
      List.of("overdue_amount", "amount_overdue", "total_overdue");

  private CustomerMoney() {}

  /** The customer's EMI, zero when absent. */
  public static BigDecimal emi(Customer c) {
    return c.emiAmount() == null ? BigDecimal.ZERO : c.emiAmount();
  }

  /** The customer's overdue amount, or {@code null} when the portfolio gives none. */
  public static BigDecimal overdue(Customer c) {
    for (String name : OVERDUE) {
      BigDecimal v = number(c.attribute(name));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The name of the attribute the overdue amount was read from, or {@code null}. */
  public static String overdueAttribute(Customer c) {
    for (String name : OVERDUE) {
      if (number(c.attribute(name)) != null) {
        return name;
      }
    }
    return null;
  }

  /**
   * Days past due on {@code asOf} (the as-of date in the customer's zone), or {@code null} when
   * unknown.
   */
  public static Integer daysPastDue(Customer c, LocalDate asOf) {
    BigDecimal dpd = number(c.attribute(DPD));
    if (dpd != null && dpd.stripTrailingZeros().scale() <= 0 && dpd.abs().compareTo(MAX) <= 0) {
      return Math.max(0, dpd.intValueExact());
    }
    if (c.paymentStatus() != null
        && c.paymentStatus().strip().toLowerCase(Locale.ROOT).equals("paid")) {
      return 0;
    }
    LocalDate due = c.emiDueDate();
    if (due == null) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(due, asOf);
    return (int) Math.max(0, Math.min(days, Integer.MAX_VALUE));
  }

  private static final BigDecimal MAX = new BigDecimal(Integer.MAX_VALUE);

  /** A number from an attribute's value: a number, or text that reads as one; else {@code null}. */
  static BigDecimal number(Object v) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    if (v instanceof String) {
      String s = ((String) v).strip();
      if (s.matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?")) {
        return new BigDecimal(s);
      }
    }
    return null;
  }
}
