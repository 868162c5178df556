package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.CustomerPlan;
import dev.outreach.core.plan.CustomerPlanner;
import dev.outreach.core.portfolio.CustomerRows;
import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The per-customer half of a plan, in the executor, over rows sorted by loan id: each part of
 * {@value #PART} rows becomes customers (with the portfolio files' checks), the rules decide for
 * the good ones in one session per part, and each customer is planned there (conflicts, timing,
 * consent, jurisdiction, every guardrail), under a history of the part's own customers' attempts
 * (their rows come just before theirs, see {@link History}). The part goes back as one serialized
 * list of {@link Planned}, in loan-id order, holding of each customer only what the plan's filters
 * read.
 */
final class PartitionPlanner implements MapPartitionsFunction<Row, byte[]> {
  private static final long serialVersionUID = 1L;

  /** Rows per part: one rule session's worth. */
  static final int PART = 1_000;

  /** What the driver keeps of each customer: what the plan's filters and uploads need. */
  enum Kept {
    /** Nothing: requests list ids, and the plan's lists are all it needs. */
    IDS,
    /**
     * The attributes filters read, of the customers a request may name (the others are asked about
     * where they are).
     */
    FILTERED,
    /** The record fields an upload sends. */
    UPLOADED,
    /**
     * What the text report reads (its money and breakdowns): the attributes filters read, which are
     * those (no names, phone numbers or lead fields).
     */
    REPORTED
  }

  /**
   * What a partition found for one row.
   *
   * @param row the row's place in the source ({@code monotonically_increasing_id})
   * @param loanId its loan id, or {@code null} when it has none
   * @param problems what keeps the row out (lines 0: the driver numbers them)
   * @param binary whether a cell is binary (the row is then not read)
   * @param plan what the customer adds to the plan, or {@code null} for a bad row
   * @param kept the customer with only what the driver keeps, or {@code null} for a bad row or when
   *     it keeps none
   * @param failure the rules' error in this row's part, or {@code null}
   */
  record Planned(
      long row,
      String loanId,
      List<Problem> problems,
      boolean binary,
      CustomerPlan plan,
      Customer kept,
      String failure)
      implements Serializable {}

  private final String source;
  private final List<String> columns;
  private final CompiledRules rules;

  /** The histories, broadcast whole; both {@code null} when each row's attempts come with it. */
  private final Broadcast<ContactHistory> ruleHistory;

  private final Broadcast<ContactHistory> planHistory;
  private final List<Experiment> experiments;
  private final PlanningDay day;
  private final GuardrailPolicy policy;
  private final ZoneId zone;
  private final OffsetDateTime asOf;
  private final Kept kept;

  PartitionPlanner(
      String source,
      List<String> columns,
      CompiledRules rules,
      Broadcast<ContactHistory> ruleHistory,
      Broadcast<ContactHistory> planHistory,
      List<Experiment> experiments,
      PlanningDay day,
      GuardrailPolicy policy,
      ZoneId zone,
      OffsetDateTime asOf,
      Kept kept) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.rules = rules;
    this.ruleHistory = ruleHistory;
    this.planHistory = planHistory;
    this.experiments = List.copyOf(experiments);
    this.day = day;
    this.policy = policy;
    this.zone = zone;
    this.asOf = asOf;
    this.kept = kept;
  }

  @Override
  public Iterator<byte[]> call(Iterator<Row> rows) throws PortfolioException {
    SourceRows reader = SourceRows.of(source, columns);
    boolean joined = ruleHistory == null; // each customer's attempts come just before its row
    DecisionSource shared =
        joined ? null : rules.get().withHistory(ruleHistory.value()).decisions(experiments);
    CustomerPlanner sharedPlanner =
        joined ? null : CustomerPlanner.of(new Guardrails(policy, planHistory.value()), zone, asOf);
    int n = columns.size();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public byte[] next() {
        if (!rows.hasNext()) {
          throw new NoSuchElementException();
        }
        List<Row> part = new ArrayList<>(PART);
        List<ContactHistory.Attempt> attempts = new ArrayList<>();
        while (rows.hasNext() && part.size() < PART) {
          Row row = rows.next();
          if (joined && !row.isNullAt(n + 2)) {
            attempts.addAll(History.attempts((byte[]) row.get(n + 2)));
          } else {
            part.add(row);
          }
        }
        if (!joined) {
          return serialize(plan(part, n, reader, shared, sharedPlanner));
        }
        // The part's own history: its customers' attempts, joined to them by loan id.
        ContactHistory history = ContactHistory.of(attempts);
        return serialize(
            plan(
                part,
                n,
                reader,
                rules.get().withHistory(history).decisions(experiments),
                CustomerPlanner.of(new Guardrails(policy, history), zone, asOf)));
      }
    };
  }

  private List<Planned> plan(
      List<Row> part, int n, SourceRows reader, DecisionSource decisions, CustomerPlanner planner) {
    CustomerRows.Result[] read = new CustomerRows.Result[part.size()];
    List<Customer> good = new ArrayList<>(part.size());
    for (int i = 0; i < read.length; i++) {
      String[] cells = cells(part.get(i), n);
      if (cells != null) {
        read[i] = reader.read(0, cells, part.get(i).getLong(n + 1) == 0);
        if (read[i].customer() != null) {
          good.add(read[i].customer());
        }
      }
    }
    Decided decided = Decided.of(decisions, good, day);
    String failure = decided.failure();
    List<Planned> out = new ArrayList<>(read.length);
    for (int i = 0; i < read.length; i++) {
      long row = part.get(i).getLong(n + 1);
      CustomerRows.Result r = read[i];
      if (r == null) {
        out.add(new Planned(row, null, List.of(), true, null, null, failure));
      } else if (r.customer() == null || failure != null) {
        out.add(new Planned(row, r.loanId(), r.problems(), false, null, null, failure));
      } else {
        Customer c = r.customer();
        CustomerPlan plan = planner.plan(c, decided.of(c.loanId()));
        out.add(new Planned(row, c.loanId(), List.of(), false, plan, kept(c, plan), null));
      }
      failure = null; // told once, with the part's first row
    }
    return out;
  }

  /** The first {@code n} cells of {@code row} as text; null when one cannot be text. */
  private static String[] cells(Row row, int n) {
    try {
      return Cells.of(row, n);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Customer kept(Customer c, CustomerPlan plan) {
    switch (kept) {
      case IDS:
        return null; // the plan's own lists are all the driver needs
      case UPLOADED:
        return c.withCustom(java.util.Map.of());
      case FILTERED: // the others stay here, and are asked about (SparkSnapshot)
        return plan.grouped() ? c.filterable() : null;
      default: // REPORTED
        return c.filterable();
    }
  }

  private static byte[] serialize(List<Planned> part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * part.size());
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(part));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
