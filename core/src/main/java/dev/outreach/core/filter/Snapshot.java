package dev.outreach.core.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.function.IntUnaryOperator;

/**
 * What the filter compiler reads of a campaign snapshot, customers named by position (ascending in
 * the snapshot's order): the whole snapshot indexed here ({@link SnapshotIndex}), or one whose
 * customers mostly stay where they are and are asked about in rounds ({@link PartialSnapshot}).
 * Per-customer reads are only ever made of customers the compiler was given by the snapshot: the
 * audience's, or those a selection lists.
 */
interface Snapshot {
  /** How many customers the snapshot has. */
  int size();

  /** The bytes all their loan ids would take in an id list. */
  long totalWeight();

  String loanId(int position);

  /** The position of {@code loanId}, or -1 when the snapshot lacks it. */
  int position(String loanId);

  /** The bytes the loan id at {@code position} takes in an id list: the id, its quotes, a comma. */
  int weight(int position);

  /** The custom keys of the customer at {@code position}, sorted. */
  SortedSet<String> customKeys(int position);

  /**
   * The id of the value of equality attribute {@code attribute} ({@code payment_status}, {@code
   * language} or {@code custom.KEY}) of the customer at {@code position}, -1 when it has none;
   * customers with equal values (by {@code equals}) share an id.
   */
  default int valueId(String attribute, int position) {
    return valueIds(attribute).applyAsInt(position);
  }

  /**
   * {@link #valueId} of {@code attribute} as a function of the position: looked up once, for a loop
   * over many customers.
   */
  IntUnaryOperator valueIds(String attribute);

  /** The value of id {@code id} of {@code attribute}. */
  Object value(String attribute, int id);

  LocalDate dueDate(int position);

  BigDecimal amount(int position);

  /** The customers one attribute constraint ({@code part} constrains one attribute) selects. */
  Selection select(Filters part);

  /**
   * The customers whose {@code attribute} equals (by {@code equals}) the value of id {@code id}:
   * counted, weighed and listed, never tested.
   */
  Selection withValue(String attribute, int id);

  /**
   * The customers whose {@code attribute} equals the value of id {@code id} and that {@code part}
   * (one attribute constraint) selects: counted, weighed and listed, never tested.
   */
  Selection within(String attribute, int id, Filters part);

  /**
   * Every position, ascending, to be tested with {@code probes} alone (one attribute constraint
   * each); called only when the search can afford {@link #size()}.
   */
  int[] everyone(java.util.List<Filters> probes);
}
