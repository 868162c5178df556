package dev.outreach.spark;

import dev.outreach.cli.PlanEngine;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.plan.AudienceProof;
import dev.outreach.core.plan.PlanAssembler;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.portfolio.CustomerRows;
import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import dev.outreach.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A whole plan on Spark, the driver keeping no customer's record: the rows are sorted by loan id
 * (Spark's sort, spilling to disk as it needs), each partition reads, decides and plans its
 * customers ({@link PartitionPlanner}), and the driver adds the customer plans in that order to the
 * program's own {@link PlanAssembler}. A plan of id lists keeps no customer here; a plan that
 * chooses filters keeps only the customers its requests may name, with what filters read, and asks
 * about the others where they are, in a few passes over the rows ({@link SparkSnapshot}). Repeated
 * loan ids are next to each other in that order, so they are found without a set of every id; bad
 * rows are numbered as the source holds them.
 */
final class SparkPlanning {
  private static final String KEY = "__outreach_loan_id_key__";
  private static final String ROW = "__outreach_row__";
  private static final String ATTEMPTS = "__outreach_attempts__";

  /** The setting of the customers per partition of the sorted rows (default 100,000). */
  static final String PER_PARTITION = "spark.outreach.customersPerPartition";

  /** Bits of {@code monotonically_increasing_id} below the partition's index. */
  private static final int OFFSET_BITS = 33;

  private SparkPlanning() {}

  /**
   * The plan {@code planner} makes of {@code rows}; with {@code report}, every customer is also
   * kept, with what the text report reads ({@link Customer#filterable}), and given back with it
   * (else no customer is).
   */
  static PlanEngine.Reported plan(
      SparkSession spark,
      Dataset<Row> rows,
      String source,
      RuleSet rules,
      List<Experiment> experiments,
      Planner planner,
      OffsetDateTime asOf,
      boolean report)
      throws PortfolioException {
    List<String> columns = List.of(rows.columns());
    SourceRows.of(source, columns); // a bad header fails before any task
    boolean jsonLines = SourceRows.jsonLines(columns);
    String loanIdColumn = jsonLines ? SourceRows.JSON_LINE : null;
    for (String c : columns) {
      if (loanIdColumn == null && CustomerRows.canonical(c).equals("loan_id")) {
        loanIdColumn = c;
      }
    }
    boolean csv = source.toLowerCase(Locale.ROOT).matches(".*\\.csv(\\.gz)?$");
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ContactHistory history = planner.guardrails().history();
    // The history the rules and guardrails share is joined to the customers by loan id; any
    // other is broadcast whole.
    boolean join = history == rules.history() && history.size() > 0;
    Broadcast<ContactHistory> ruleHistory = join ? null : context.broadcast(rules.history());
    Broadcast<ContactHistory> planHistory =
        join ? null : history == rules.history() ? ruleHistory : context.broadcast(history);
    PartitionPlanner.Kept kept =
        report
            ? PartitionPlanner.Kept.REPORTED
            : planner.uploadsCustomers()
                ? PartitionPlanner.Kept.UPLOADED
                : planner.filterMode() == FilterCompiler.Mode.IDS
                    ? PartitionPlanner.Kept.IDS
                    : PartitionPlanner.Kept.FILTERED;
    // Partitions of about PER_PARTITION customers: the driver holds one at a time.
    long count; // from the files' footers for Parquet and ORC
    try {
      count = rows.count();
    } catch (Exception e) { // Spark's exceptions are checked ones Scala does not declare
      throw Parts.said(e, source, columns.size());
    }
    long perPartition = perPartition(spark);
    int partitions =
        (int)
            Math.max(
                context.defaultParallelism(),
                Math.min(1 << 16, (count + perPartition - 1) / perPartition));
    Column[] order = {functions.col(KEY).asc_nulls_first(), functions.col(ROW).asc()};
    Dataset<Row> keyed =
        rows.withColumn(KEY, sortKey(jsonLines).apply(rows.col(quoted(loanIdColumn))))
            .withColumn(ROW, functions.monotonically_increasing_id())
            .withColumn(ATTEMPTS, functions.lit(null).cast(DataTypes.BinaryType));
    if (join) {
      keyed = keyed.union(History.rows(spark, history, keyed.schema()));
    }
    // Ranges of the key alone: Spark draws the ranges' bounds from a sample of the rows, and a
    // bound drawn between a loan's history row and its customer's row (were the row number part of
    // the range) would part them. Every row of one loan id lands in one partition.
    Dataset<Row> sorted =
        keyed
            .repartitionByRange(partitions, functions.col(KEY).asc_nulls_first())
            .sortWithinPartitions(order);
    try (Parts parts =
        Parts.of(
            sorted.mapPartitions(
                new PartitionPlanner(
                    source,
                    columns,
                    new CompiledRules(rules),
                    ruleHistory,
                    planHistory,
                    experiments,
                    new PlanningDay(
                        asOf.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), planner.zone()),
                    planner.guardrails().policy(),
                    planner.zone(),
                    asOf,
                    kept),
                Encoders.BINARY()),
            source,
            columns.size())) {
      return plan(parts, context, rows, source, columns, planner, asOf, kept, csv, count);
    }
  }

  /** The plan from the partitions' customer plans; {@code rows} proves it. */
  private static PlanEngine.Reported plan(
      Parts parts,
      JavaSparkContext context,
      Dataset<Row> rows,
      String source,
      List<String> columns,
      Planner planner,
      OffsetDateTime asOf,
      PartitionPlanner.Kept kept,
      boolean csv,
      long rowCount)
      throws PortfolioException {
    PlanAssembler assembler = planner.assembler(asOf);
    RowProblems found = new RowProblems();
    KeptCustomers snapshot =
        new KeptCustomers(
            kept == PartitionPlanner.Kept.FILTERED,
            // a partial snapshot keeps only the customers requests may name: it grows as it needs
            kept == PartitionPlanner.Kept.IDS || kept == PartitionPlanner.Kept.FILTERED
                ? 0
                : (int) Math.min(rowCount, 1 << 30));
    TreeMap<Integer, Long> rowsOf = new TreeMap<>(); // rows per partition of the source
    String last = null;
    long lastRow = -1;
    while (parts.hasNext()) {
      for (PartitionPlanner.Planned p : parts.<PartitionPlanner.Planned>next()) {
        rowsOf.merge(
            (int) (p.row() >>> OFFSET_BITS), (p.row() & ((1L << OFFSET_BITS) - 1)) + 1, Math::max);
        if (p.failure() != null) {
          throw new IllegalArgumentException(p.failure());
        }
        if (p.binary()) {
          found.add(
              p.row(),
              0,
              null,
              new Problem(0, null, "has a binary cell; a portfolio holds text"),
              -1);
          continue;
        }
        int seq = 0;
        for (Problem problem : p.problems()) {
          found.add(p.row(), seq++, p.loanId(), problem, -1);
        }
        if (p.loanId() != null) {
          int order = last == null ? -1 : last.compareTo(p.loanId());
          if (order == 0) {
            found.add(
                p.row(),
                -1,
                p.loanId(),
                null,
                lastRow); // told before the row's own, as files tell it
            continue;
          }
          if (order > 0) {
            throw new IllegalStateException(
                "internal error: Spark gave loan id " + p.loanId() + " after " + last);
          }
          last = p.loanId();
          lastRow = p.row();
        }
        if (p.plan() != null && found.total == 0) {
          assembler.add(p.plan());
          if (kept == PartitionPlanner.Kept.IDS) {
            snapshot.size++; // a plan of id lists needs no customer kept here
          } else if (p.kept() == null) {
            snapshot.count(p.loanId()); // no request names them: asked about where they are
          } else {
            snapshot.add(p.row(), p.kept());
          }
        }
      }
    }
    long[] firstRow = firsts(rowsOf);
    if (found.total > 0) {
      throw found.exception(source, csv, firstRow);
    }
    if (snapshot.size == 0 && snapshot.counted() == 0) {
      // As the program refuses an empty export: planning nothing and succeeding hides it.
      throw new PortfolioException(
          source,
          List.of(new Problem(1, null, "has no customers: no rows (is the export complete?)")),
          1);
    }
    AudienceProof proof = steps -> SparkProof.prove(steps, context, rows, source, columns);
    if (kept == PartitionPlanner.Kept.IDS) {
      return new PlanEngine.Reported(assembler.finishByIds(proof), List.of());
    }
    if (kept == PartitionPlanner.Kept.REPORTED) {
      List<Customer> portfolio = snapshot.inSourceOrder(firstRow);
      return new PlanEngine.Reported(assembler.finish(portfolio, proof), portfolio);
    }
    if (kept == PartitionPlanner.Kept.FILTERED) {
      SparkSnapshot engine = new SparkSnapshot(context, rows, source, columns, firstRow);
      try {
        return new PlanEngine.Reported(
            assembler.finish(snapshot.partial(firstRow, engine), proof), List.of());
      } finally {
        engine.close();
      }
    }
    return new PlanEngine.Reported(
        assembler.finish(snapshot.inSourceOrder(firstRow), proof), List.of());
  }

  private static long perPartition(SparkSession spark) {
    String v = spark.conf().get(PER_PARTITION, "100000");
    try {
      long n = Long.parseLong(v.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        PER_PARTITION + " must be a whole number of at least 1: " + v);
  }

  /** A loan id's place in {@link String#compareTo} order, as bytes Spark sorts the same way. */
  private static UserDefinedFunction sortKey(boolean jsonLines) {
    return functions.udf(
        (UDF1<Object, byte[]>)
            v -> {
              if (v == null) {
                return null;
              }
              String s;
              try {
                s = jsonLines ? CustomerRows.jsonLineLoanId((String) v) : Cells.text(v).strip();
              } catch (IllegalArgumentException e) {
                return null; // a binary cell: the partition says so
              }
              if (s == null) {
                return null; // a blank line, or one without a loan id: the partition says which
              }
              // UTF-16 code units, big end first: unsigned bytes compare as String.compareTo does
              return s.isEmpty() ? null : s.getBytes(StandardCharsets.UTF_16BE);
            },
        DataTypes.BinaryType);
  }

  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** The number (from 0) of each source partition's first row, by partition index. */
  private static long[] firsts(TreeMap<Integer, Long> rowsOf) {
    long[] first = new long[rowsOf.isEmpty() ? 0 : rowsOf.lastKey() + 1];
    long n = 0;
    for (int p = 0; p < first.length; p++) {
      first[p] = n;
      n += rowsOf.getOrDefault(p, 0L);
    }
    return first;
  }

  /** The row's number (from 1) in the source, from its {@code monotonically_increasing_id}. */
  static long number(long row, long[] firstRow) {
    return firstRow[(int) (row >>> OFFSET_BITS)] + (row & ((1L << OFFSET_BITS) - 1)) + 1;
  }
}
