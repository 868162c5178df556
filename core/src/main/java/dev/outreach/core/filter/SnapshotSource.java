package dev.outreach.core.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedSet;

/**
 * Where a {@link SnapshotIndex} reads its customers' attributes, by position: a list of whole
 * customers, or columns kept without them ({@link SnapshotBuilder}).
 */
interface SnapshotSource {
  int size();

  String loanId(int position);

  /** The position of {@code loanId}, or -1 when the snapshot lacks it. */
  int position(String loanId);

  /**
   * Each customer's value of {@code attribute} ({@code payment_status}, {@code language} or {@code
   * custom.KEY}), null when absent; read once, when the attribute is indexed.
   */
  Object[] values(String attribute);

  LocalDate[] dates();

  BigDecimal[] amounts();

  /** The custom keys the customer at {@code position} has, sorted. */
  SortedSet<String> customKeys(int position);
}
