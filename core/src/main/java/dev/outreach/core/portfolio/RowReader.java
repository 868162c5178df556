package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.ColumnMap;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one row of named text cells into a customer, with the portfolio's checks: the loan id
 * present, record fields parsed by their wire name, any other column a custom attribute, an empty
 * cell absent. Shared by the CSV reader and {@link CustomerRows}. Thread-safe.
 */
final class RowReader {
  private final CsvColumn[] columns;
  private final int loanIdColumn;

  /** For each column, its slot among the custom attributes, or -1 for a record field. */
  private final int[] customSlot;

  private final ColumnMap.Columns custom;

  /** One row's result: its customer, or the problems that keep it out. */
  record Row(long line, String loanId, Customer customer, List<Problem> problems) {}

  /** A reader for rows of {@code names} (canonical, checked: see {@link #header}). */
  RowReader(String[] names) {
    this.columns = new CsvColumn[names.length];
    int id = -1;
    for (int i = 0; i < names.length; i++) {
      columns[i] = new CsvColumn(names[i]);
      id = columns[i].isLoanId() ? i : id;
    }
    this.loanIdColumn = id;
    this.customSlot = new int[names.length];
    List<String> customNames = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      customSlot[i] = columns[i].record ? -1 : customNames.size();
      if (!columns[i].record) {
        customNames.add(names[i]);
      }
    }
    this.custom = new ColumnMap.Columns(customNames);
  }

  int columns() {
    return columns.length;
  }

  /**
   * The canonical column names of a header, reporting an empty or repeated name and a missing
   * {@code loan_id} to {@code problems} at {@code line}.
   */
  static String[] header(List<String> raw, long line, Problems problems) {
    String[] names = new String[raw.size()];
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      names[i] = Fields.canonical(raw.get(i) == null ? "" : raw.get(i));
      if (names[i].isEmpty()) {
        problems.add(line, "column " + (i + 1), "the header names no column here");
      } else if (seen.putIfAbsent(names[i], i) != null) {
        problems.add(line, names[i], "the column appears twice in the header");
      }
    }
    return names;
  }

  /** Whether {@code names} has a loan_id column. */
  static boolean hasLoanId(String[] names) {
    for (String n : names) {
      if (Fields.LOAN_ID.equals(n)) {
        return true;
      }
    }
    return false;
  }

  /** The customer of {@code cells} (one per column, {@code null} or blank for none). */
  Row row(long line, String[] cells) {
    String raw = cells[loanIdColumn];
    String loanId = raw == null ? "" : raw.strip();
    if (loanId.isEmpty()) {
      return new Row(
          line,
          null,
          null,
          List.of(new Problem(line, Fields.LOAN_ID, "is empty; every customer needs a loan id")));
    }
    try {
      Fields.checkLength(loanId);
    } catch (IllegalArgumentException e) {
      return new Row(line, null, null, List.of(new Problem(line, Fields.LOAN_ID, e.getMessage())));
    }
    Customer.Builder b = Customer.builder(loanId);
    Object[] attributes = custom.size() == 0 ? null : new Object[custom.size()];
    List<Problem> bad = null;
    for (int i = 0; i < columns.length; i++) {
      String text = cells[i];
      if (i == loanIdColumn || text == null || text.isBlank()) {
        continue;
      }
      try {
        Object value = columns[i].value(text);
        if (customSlot[i] < 0) {
          Fields.assign(b, columns[i].name, value);
        } else {
          attributes[customSlot[i]] = value;
        }
      } catch (IllegalArgumentException e) {
        bad = bad == null ? new ArrayList<>(2) : bad;
        bad.add(new Problem(line, columns[i].name, e.getMessage()));
      }
    }
    if (bad != null) {
      return new Row(line, loanId, null, bad);
    }
    if (attributes != null) {
      b.customAll(custom.map(attributes));
    }
    return new Row(line, loanId, b.build(), null);
  }
}
