package dev.outreach.spark;

import dev.outreach.cli.PlanEngine;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.portfolio.CustomerRows;
import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.rules.RuleSet;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code outreach plan} on Apache Spark: the portfolio is read by Spark from any source it reads
 * (Parquet, CSV, ORC, JSON lines, a table, JDBC), with the portfolio files' checks and messages.
 *
 * <p>{@link #plan(Dataset, String, RuleSet, List, Planner, OffsetDateTime)} makes the whole plan
 * there: the rows are sorted by loan id, each partition evaluates the rules (compiled once per
 * executor JVM, one rule session per part of {@value PartitionPlanner#PART} customers) and plans
 * each of its customers, the driver puts the plan together from the customer plans in loan-id order
 * keeping only what the plan's filters read, and the partitions prove every step's audience. {@link
 * #evaluate(Dataset, String, RuleSet, List, PlanningDay)} gives the customers and what the rules
 * decided for them instead, for reports that show every customer: the driver then holds the
 * portfolio. Either way the plan is byte for byte the one {@code outreach plan} makes of the same
 * customers.
 *
 * <pre>{@code
 * SparkPlanEngine engine = new SparkPlanEngine(spark);
 * Plan plan = engine.plan(spark.read().parquet("s3://book/loans"), "loans", rules, experiments,
 *     planner, asOf);
 * }</pre>
 */
public final class SparkPlanEngine implements PlanEngine {
  /** Problems listed in a report; the rest are counted. */
  private static final int KEPT = 50;

  /**
   * What a partition's result may hold: our records, the JDK's collections, times, strings and
   * decimals.
   */
  private static final java.io.ObjectInputFilter ONLY_EVALUATIONS =
      java.io.ObjectInputFilter.Config.createFilter(
          "maxdepth=20;dev.outreach.**;java.util.**;java.time.**;java.lang.**;java.math.BigDecimal;java.math.BigInteger;!*");

  private final SparkSession spark;

  public SparkPlanEngine(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark == null");
  }

  /**
   * Reads {@code customers} by its name: {@code table:NAME} is a table of the session's catalog; a
   * name ending in {@code .csv} (a header row, RFC 4180 quotes, every cell text), {@code .json} or
   * {@code .jsonl} (JSON lines), {@code .orc}; anything else (a {@code .parquet} file, a folder of
   * them) is Parquet.
   */
  @Override
  public Evaluated evaluate(
      Path customers, RuleSet rules, List<Experiment> experiments, PlanningDay day)
      throws PortfolioException {
    return evaluate(customers, rules, experiments, day, false);
  }

  /** As {@link #evaluate(Path, RuleSet, List, PlanningDay)}, with the fired rules when asked. */
  @Override
  public Evaluated evaluate(
      Path customers,
      RuleSet rules,
      List<Experiment> experiments,
      PlanningDay day,
      boolean firedRules)
      throws PortfolioException {
    return onRows(
        customers,
        rows -> evaluate(rows, customers.toString(), rules, experiments, day, firedRules));
  }

  /**
   * Plans the customers {@code customers} names (as {@link #evaluate(Path, RuleSet, List,
   * PlanningDay)} reads them) on Spark, the driver keeping no customer's record: see {@link
   * #plan(Dataset, String, RuleSet, List, Planner, OffsetDateTime)}.
   */
  @Override
  public Plan plan(
      Path customers,
      RuleSet rules,
      List<Experiment> experiments,
      Planner planner,
      OffsetDateTime asOf)
      throws PortfolioException {
    return onRows(
        customers, rows -> plan(rows, customers.toString(), rules, experiments, planner, asOf));
  }

  /**
   * The plan {@code planner} makes of the customers in {@code rows} as of {@code asOf}, byte for
   * byte, made on Spark: the rows are sorted by loan id, each partition reads its customers (the
   * portfolio files' checks), evaluates {@code rules} for them and plans each (conflicts, timing,
   * consent, jurisdiction, every guardrail), and the driver puts the plan together from the
   * customer plans in that order, keeping of each customer only the attributes the plan's filters
   * read (every record field when the plan uploads them).
   *
   * @param source names the rows in problems, e.g. the file or table
   * @throws PortfolioException if any row is bad (each named by its row number, loan id and column)
   *     or a loan id repeats; nothing is planned then
   */
  public Plan plan(
      Dataset<Row> rows,
      String source,
      RuleSet rules,
      List<Experiment> experiments,
      Planner planner,
      OffsetDateTime asOf)
      throws PortfolioException {
    return SparkPlanning.plan(spark, rows, source, rules, experiments, planner, asOf, false).plan();
  }

  /**
   * {@link #plan(Path, RuleSet, List, Planner, OffsetDateTime)}, with every customer also sent back
   * to the driver with what the text report reads ({@link dev.outreach.core.Customer#filterable}):
   * each is still planned in its partition.
   */
  @Override
  public Reported planForReport(
      Path customers,
      RuleSet rules,
      List<Experiment> experiments,
      Planner planner,
      OffsetDateTime asOf)
      throws PortfolioException {
    return onRows(
        customers,
        rows ->
            SparkPlanning.plan(
                spark, rows, customers.toString(), rules, experiments, planner, asOf, true));
  }

  /** Work on the rows of the file or table {@code customers} names. */
  private interface OnRows<T> {
    T apply(Dataset<Row> rows) throws PortfolioException;
  }

  private <T> T onRows(Path customers, OnRows<T> work) throws PortfolioException {
    String name = customers.toString();
    boolean localText = localTextFile(name);
    if (localText) {
      try {
        PortfolioReader.checkUtf8(customers); // Spark would read other bytes as U+FFFD, silently
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return work.apply(read(name));
    } catch (Exception e) { // Spark's exceptions are checked ones Scala does not declare
      if (localText) {
        // Spark's readers know no line numbers (a quoted field may span lines, blank lines are
        // skipped): the program's own reader names every problem of a local file, word for word.
        readLocally(customers);
      }
      throw SparkPlanEngine.<RuntimeException>rethrow(e);
    }
  }

  /** A CSV or JSON lines file on this machine, which the program's own reader can read. */
  private static boolean localTextFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".csv") || lower.endsWith(".json") || lower.endsWith(".jsonl"))) {
      return false;
    }
    try {
      return Files.isRegularFile(Path.of(name));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** Reads a local file as the program does, for its exceptions; returns when it reads cleanly. */
  private static void readLocally(Path customers) throws PortfolioException {
    try {
      PortfolioReader.read(customers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of {@code name} as named columns, for writing elsewhere ({@code convert}): JSON lines
   * by Spark's JSON reader, every value as text.
   */
  Dataset<Row> columns(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".jsonl")
        ? spark.read().option("primitivesAsString", "true").json(name)
        : read(name);
  }

  /**
   * The rows of {@code name} (see {@link #evaluate(Path, RuleSet, List, PlanningDay)}); a JSON
   * lines file gives one row per line, in one column the partitions parse as the program does.
   */
  public Dataset<Row> read(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("table:")) {
      return spark.table(name.substring("table:".length()));
    }
    if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
      return spark
          .read()
          .option("header", "true")
          .option("inferSchema", "false")
          .option("quote", "\"")
          .option("escape", "\"")
          .option("multiLine", "true")
          .option("ignoreLeadingWhiteSpace", "false")
          .option("ignoreTrailingWhiteSpace", "false")
          .option("mode", "FAILFAST")
          .option("encoding", "UTF-8")
          .csv(name);
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl")) {
      // One row per line, parsed in the partitions as the program parses the file: Spark's JSON
      // reader gives a column one type, so "1" and 1 would become alike.
      return spark.read().option("wholetext", "false").text(name).toDF(SourceRows.JSON_LINE);
    }
    if (lower.endsWith(".orc")) {
      return spark.read().orc(name);
    }
    return spark.read().parquet(name);
  }

  /**
   * Evaluates {@code rules} for the customers in {@code rows} (its column names follow the
   * portfolio files' conventions).
   *
   * @param source names the rows in problems, e.g. the file or table
   * @throws PortfolioException if any row is bad (each named by its row number, loan id and column)
   *     or a loan id repeats; nothing is planned then
   */
  public Evaluated evaluate(
      Dataset<Row> rows,
      String source,
      RuleSet rules,
      List<Experiment> experiments,
      PlanningDay day)
      throws PortfolioException {
    return evaluate(rows, source, rules, experiments, day, false);
  }

  /**
   * As {@link #evaluate(Dataset, String, RuleSet, List, PlanningDay)}; with {@code firedRules}, the
   * partitions also tell which rules fired for each customer.
   */
  public Evaluated evaluate(
      Dataset<Row> rows,
      String source,
      RuleSet rules,
      List<Experiment> experiments,
      PlanningDay day,
      boolean firedRules)
      throws PortfolioException {
    List<String> columns = List.of(rows.columns());
    SourceRows reader = SourceRows.of(source, columns); // a bad header fails before any task
    boolean csv = source.toLowerCase(Locale.ROOT).matches(".*\\.csv(\\.gz)?$");
    try (Parts parts =
        Parts.of(
            rows.mapPartitions(
                new PartitionEvaluator(
                    source,
                    columns,
                    new CompiledRules(rules),
                    // The history, once per executor, not once per task.
                    JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .broadcast(rules.history()),
                    experiments,
                    day,
                    firedRules),
                Encoders.BINARY()),
            source,
            columns.size())) {
      return evaluated(parts, source, reader, csv, day);
    }
  }

  private Evaluated evaluated(
      Parts parts, String source, SourceRows reader, boolean csv, PlanningDay day)
      throws PortfolioException {
    List<Customer> portfolio = new ArrayList<>();
    Map<String, List<Ruling>> decided = new HashMap<>();
    Map<String, List<String>> fired = new HashMap<>();
    Map<List<String>, List<String>> distinct = new HashMap<>(); // few lists, each kept once
    Map<String, Long> rowOfId = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    int total = 0;
    long row = 0;
    while (parts.hasNext()) {
      for (Evaluation e : parts.<Evaluation>next()) {
        row++;
        // A CSV file's data row n is on line n + 1 (after the header), as the program counts.
        long line = csv ? row + 1 : row;
        if (e.failure() != null) {
          throw new IllegalArgumentException(e.failure());
        }
        if (e.cells() == null) {
          total++;
          keep(problems, new Problem(line, null, "has a binary cell; a portfolio holds text"));
          continue;
        }
        CustomerRows.Result r = reader.read(line, e.cells(), row == 1);
        for (Problem p : r.problems()) {
          total++;
          keep(problems, csv ? p : named(p, r.loanId()));
        }
        if (r.loanId() != null) {
          Long first = rowOfId.putIfAbsent(r.loanId(), line);
          if (first != null) {
            total++;
            keep(
                problems,
                new Problem(
                    line,
                    "loan_id",
                    "\""
                        + r.loanId()
                        + "\" appears again (first on "
                        + (csv ? "line " : "row ")
                        + first
                        + ")"));
          }
        }
        if (r.customer() != null && total == 0) {
          portfolio.add(r.customer());
          if (e.fired() != null) {
            fired.put(r.loanId(), distinct.computeIfAbsent(e.fired(), k -> k));
          }
          if (!e.rulings().isEmpty()) {
            decided.put(r.loanId(), e.rulings());
          }
        }
      }
    }
    if (total > 0) {
      throw new PortfolioException(source, problems, total);
    }
    if (portfolio.isEmpty()) {
      // As the program refuses an empty export: planning nothing and succeeding hides it.
      throw new PortfolioException(
          source,
          List.of(new Problem(1, null, "has no customers: no rows (is the export complete?)")),
          1);
    }
    return new Evaluated(portfolio, replay(decided, day), fired);
  }

  /** Throws {@code e} as it is, checked or not (Spark throws checked exceptions undeclared). */
  @SuppressWarnings("unchecked")
  static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }

  /** Outside a CSV file, a row has no line: it is named by its number and loan id. */
  static Problem named(Problem p, String loanId) {
    String field = p.field() == null ? "" : ", " + p.field();
    return loanId == null
        ? p
        : new Problem(
            p.line(), "loan_id " + loanId + field.replaceFirst("^, ", ": ").trim(), p.message());
  }

  private static void keep(List<Problem> problems, Problem p) {
    if (problems.size() < KEPT) {
      problems.add(p);
    }
  }

  /** The rulings the partitions made, given out again as the rules gave them. */
  private static DecisionSource replay(Map<String, List<Ruling>> decided, PlanningDay evaluated) {
    return (customers, day, sink) -> {
      if (!day.equals(evaluated)) {
        throw new IllegalStateException(
            "the rules were evaluated for " + evaluated + ", not for " + day);
      }
      for (Customer c : customers) {
        List<Ruling> mine = decided.get(c.loanId());
        if (mine != null) {
          mine.forEach(sink);
        }
      }
    };
  }

  /** A partition's part, as {@link PartitionEvaluator} or {@link PartitionPlanner} wrote it. */
  @SuppressWarnings("unchecked")
  static <T> List<T> read(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteInput(bytes))) {
      in.setObjectInputFilter(ONLY_EVALUATIONS);
      return (List<T>) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("a partition's result could not be read", e);
    }
  }
}
