package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.portfolio.CustomerRows;
import dev.outreach.core.portfolio.PortfolioException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The work of one partition, in the executor: each part of {@value #PART} rows becomes customers
 * (with the portfolio files' checks), the rules decide for the good ones in one session per part
 * (the compiled rules are shared by every task of the JVM), and the part goes back as one
 * serialized list of {@link Evaluation}s, in row order.
 */
final class PartitionEvaluator implements MapPartitionsFunction<Row, byte[]> {
  private static final long serialVersionUID = 1L;

  /** Rows per part: one rule session's worth, as the program evaluates them. */
  static final int PART = 1_000;

  private final String source;
  private final List<String> columns;
  private final CompiledRules rules;
  private final Broadcast<ContactHistory> history;
  private final List<Experiment> experiments;
  private final PlanningDay day;
  private final boolean traced;

  PartitionEvaluator(
      String source,
      List<String> columns,
      CompiledRules rules,
      Broadcast<ContactHistory> history,
      List<Experiment> experiments,
      PlanningDay day,
      boolean traced) {
    this.traced = traced;
    this.source = source;
    this.columns = List.copyOf(columns);
    this.rules = rules;
    this.history = history;
    this.experiments = List.copyOf(experiments);
    this.day = day;
  }

  @Override
  public Iterator<byte[]> call(Iterator<Row> rows) throws PortfolioException {
    SourceRows reader = SourceRows.of(source, columns);
    boolean[] first = {org.apache.spark.TaskContext.getPartitionId() == 0};
    dev.outreach.rules.RuleSet rs = rules.get().withHistory(history.value());
    Map<String, List<String>> fired = new java.util.concurrent.ConcurrentHashMap<>();
    DecisionSource decisions =
        traced
            ? rs.decisions(experiments, t -> fired.put(t.customerId(), t.firedRules()))
            : rs.decisions(experiments);
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
        List<String[]> part = new ArrayList<>(PART);
        while (rows.hasNext() && part.size() < PART) {
          part.add(cells(rows.next()));
        }
        List<Evaluation> out = evaluate(part, reader, first[0], decisions, fired);
        first[0] = false;
        return serialize(out);
      }
    };
  }

  /** A row's cells as text; a cell that cannot be text is left to the driver to report. */
  private static String[] cells(Row row) {
    try {
      return Cells.of(row);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private List<Evaluation> evaluate(
      List<String[]> part,
      SourceRows reader,
      boolean first,
      DecisionSource decisions,
      Map<String, List<String>> fired) {
    List<Customer> good = new ArrayList<>(part.size());
    String[] ids = new String[part.size()];
    for (int i = 0; i < ids.length; i++) {
      if (part.get(i) != null) {
        CustomerRows.Result r = reader.read(0, part.get(i), first && i == 0);
        ids[i] = r.loanId();
        if (r.customer() != null) {
          good.add(r.customer());
        }
      }
    }
    Decided decided = Decided.of(decisions, good, day);
    String failure = decided.failure();
    List<Evaluation> out = new ArrayList<>(part.size());
    for (int i = 0; i < ids.length; i++) {
      List<Ruling> mine = decided.of(ids[i]);
      List<String> rules =
          !traced ? null : ids[i] == null ? List.of() : fired.getOrDefault(ids[i], List.of());
      out.add(
          new Evaluation(part.get(i), mine, failure, rules == null ? null : List.copyOf(rules)));
      failure = null; // told once, with the part's first row
    }
    fired.clear();
    return out;
  }

  private static byte[] serialize(List<Evaluation> part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * part.size());
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(part));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
