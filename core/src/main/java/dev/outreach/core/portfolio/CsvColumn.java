package dev.outreach.core.portfolio;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One column of a CSV portfolio: how its text becomes a value, with the values already seen.
 *
 * <p>A portfolio repeats most values (statuses, languages, branches, amounts, dates), so each
 * column keeps the first {@value #CACHED} distinct values it parses and hands out the same instance
 * for the same text: a million customers then hold a few thousand {@code BigDecimal}s and strings
 * per column instead of a million, and each distinct text is parsed and checked once. The value is
 * a pure function of the text, so which values are kept (it depends on thread timing) never changes
 * a customer. Problems are never kept: every bad cell is reported on its own line.
 */
final class CsvColumn {
  /**
   * The most distinct values one column keeps; unique columns (phone numbers, ids) stop growing
   * here.
   */
  static final int CACHED = 4_096;

  final String name;
  final boolean record;
  private final ConcurrentHashMap<String, Object> seen = new ConcurrentHashMap<>();

  CsvColumn(String name) {
    this.name = name;
    this.record = Fields.isRecordField(name);
  }

  boolean isLoanId() {
    return name.equals(Fields.LOAN_ID);
  }

  /**
   * This column's value in {@code text} (not blank); throws {@link IllegalArgumentException} saying
   * why not.
   */
  Object value(String text) {
    Object value = seen.get(text);
    if (value == null) {
      value = record ? Fields.parse(name, text) : Fields.checked(name, Fields.customValue(text));
      if (seen.size() < CACHED) {
        Object first = seen.putIfAbsent(text, value);
        value = first == null ? value : first;
      }
    }
    return value;
  }
}
