package dev.outreach.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.cli.PlanEngine;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Planner;
import dev.outreach.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan made on Spark from a source in several partitions, whose customers are sorted by loan id
 * across them: the same bytes as the program's, and bad rows named by their place in the source.
 */
class PartitionedPlanTest {
  static SparkSession spark;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    // The 3,000 customers sorted into five parts.
    // Small parts, and the compact filters' answers in chunks of a few hundred bytes, spread over
    // partitions and added up out of order.
    spark =
        LocalSpark.start(
            "PartitionedPlanTest",
            SparkPlanning.PER_PARTITION,
            "700",
            SparkSnapshot.CHUNK_BYTES,
            "300");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Reads a CSV file as Spark does, then splits its rows, in order, over three partitions. */
  static final class InThreeParts implements PlanEngine {
    final SparkPlanEngine engine = new SparkPlanEngine(spark);

    @Override
    public Evaluated evaluate(
        Path customers, RuleSet rules, List<Experiment> experiments, PlanningDay day) {
      throw new AssertionError("the plan is made on Spark, not evaluated there");
    }

    @Override
    public Plan plan(
        Path customers,
        RuleSet rules,
        List<Experiment> experiments,
        Planner planner,
        OffsetDateTime asOf)
        throws Exception {
      Dataset<Row> read = engine.read(customers.toString());
      List<Row> rows = read.collectAsList();
      Dataset<Row> parts =
          spark.createDataFrame(
              JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3),
              read.schema());
      assertThat(parts.javaRDD().getNumPartitions()).isEqualTo(3);
      return engine.plan(parts, customers.toString(), rules, experiments, planner, asOf);
    }

    @Override
    public Reported planForReport(
        Path customers,
        RuleSet rules,
        List<Experiment> experiments,
        Planner planner,
        OffsetDateTime asOf) {
      throw new AssertionError("this engine makes plans only");
    }
  }

  /**
   * {@code outreach plan} of {@code customers} with the sample's rules, as JSON, on {@code engine}.
   */
  static SparkPlanTest.Run plan(PlanEngine engine, Path customers, String... more) {
    return SparkPlanTest.plan(engine, SparkPlanTest.args(customers, more));
  }

  @Test
  void loanIdsSortedAsJavaSortsThemPlanTheSameBytesFromThreePartitions() throws Exception {
    // Ids whose UTF-8 order is not String's (U+1F600 sorts before U+FF21 in UTF-16 only), with
    // spaces around some, over six zones and none.
    List<String> lines = Files.readAllLines(SparkPlanTest.SAMPLE.resolve("portfolio.csv"));
    String[] zones = {"Asia/Kolkata", "America/New_York", "Europe/London", "Australia/Sydney", ""};
    String[] prefixes = {"", "\uFF21-", "\uD83D\uDE00-", " ", "z", "\u00e9-"};
    List<String> messy = new ArrayList<>(List.of(lines.get(0) + ",timezone"));
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String id = line.substring(0, line.indexOf(','));
      String prefix = prefixes[i % prefixes.length];
      String suffix = prefix.equals(" ") ? "  " : "";
      messy.add(
          prefix + id + suffix + line.substring(line.indexOf(',')) + "," + zones[i % zones.length]);
    }
    Path csv = dir.resolve("unicode-ids.csv");
    Files.write(csv, messy, StandardCharsets.UTF_8);
    String[] more = {
      "--policy", SparkPlanTest.SAMPLE.resolve("policy/policy.json").toString(),
      "--history", SparkPlanTest.SAMPLE.resolve("policy/history.csv").toString()
    };

    SparkPlanTest.Run local = plan(null, csv, more);
    SparkPlanTest.Run onSpark = plan(new InThreeParts(), csv, more);

    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.out()).contains("\uD83D\uDE00-", "\uFF21-", "America/New_York");
    assertThat(onSpark.exit()).as(onSpark.err()).isZero();
    assertThat(onSpark.out()).isEqualTo(local.out());
  }

  @Test
  void uploadsIdListsAndExperimentsPlanTheSameBytesFromThreePartitions() throws Exception {
    Path csv = SparkPlanTest.SAMPLE.resolve("portfolio.csv");
    String experiments = SparkPlanTest.SAMPLE.resolve("experiments").toString();
    List<String[]> variants =
        List.of(
            new String[] {"--upload"},
            new String[] {"--filters", "ids"},
            new String[] {
              "--rules", experiments, "--experiment", "tone=champion:80,challenger:20", "--upload"
            });
    for (String[] more : variants) {
      SparkPlanTest.Run local = plan(null, csv, more);
      SparkPlanTest.Run onSpark = plan(new InThreeParts(), csv, more);

      assertThat(local.exit()).as(local.err()).isZero();
      assertThat(onSpark.exit()).as(onSpark.err()).isZero();
      assertThat(onSpark.out()).as(String.join(" ", more)).isEqualTo(local.out());
    }
    assertThat(plan(null, csv, "--upload").out()).contains("BULK_ADD_CUSTOMERS", "phone_number");
  }

  @Test
  void eachCustomersHistoryIsJoinedToItsRowInWhicheverPartItLands() throws Exception {
    List<String> lines = Files.readAllLines(SparkPlanTest.SAMPLE.resolve("portfolio.csv"));
    List<String> history = new ArrayList<>(List.of("loan_id,channel,timestamp,outcome"));
    for (int i = 1; i < lines.size(); i++) {
      String id = lines.get(i).substring(0, lines.get(i).indexOf(','));
      if (i % 3 == 0) {
        history.add(id + ",CALL,2025-08-03T10:15:00+05:30,no_answer");
        history.add(id + ",call,2025-08-04T11:00:00+05:30,NO_ANSWER");
        history.add(id + ",CALL,2025-08-02T12:00:00+05:30,no_answer"); // the week's cap of 3
      }
      if (i % 4 == 0) {
        history.add(id + ",SMS,2025-08-04T18:00:00+05:30,delivered");
      }
    }
    history.add("NOT-IN-THE-BOOK,CALL,2025-08-04T11:00:00+05:30,no_answer");
    Path historyCsv = dir.resolve("joined-history.csv");
    Files.write(historyCsv, history, StandardCharsets.UTF_8);
    Path rules = dir.resolve("cadence-rules");
    Files.createDirectories(rules);
    Files.writeString(
        rules.resolve("cadence.drl"),
        "package outreach.cadence\n"
            + "import dev.outreach.core.Customer;\n"
            + "import dev.outreach.core.Channel;\n"
            + "import dev.outreach.rules.Attempt;\n"
            + "import dev.outreach.rules.Decision;\n"
            + "rule \"two unanswered calls: whatsapp\" salience 50 when\n"
            + "  $c : Customer( paymentStatus != \"paid\" )\n"
            + "  Number( intValue >= 2 ) from accumulate( Attempt( customerId == $c.loanId,"
            + " channel == Channel.CALL, outcome == \"no_answer\" ), count(1) )\n"
            + "then insert( Decision.whatsapp($c).template(\"tpl_missed_you\") ); end\n",
        StandardCharsets.UTF_8);
    Path csv = SparkPlanTest.SAMPLE.resolve("portfolio.csv");
    String[] more = {
      "--rules", rules.toString(),
      "--policy", SparkPlanTest.SAMPLE.resolve("policy/policy.json").toString(),
      "--history", historyCsv.toString()
    };

    SparkPlanTest.Run local = plan(null, csv, more);
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.out()).contains("tpl_missed_you", "FREQUENCY_CAP");
    // Spark draws the ranges of the sorted rows from a sample that changes with the partitions and
    // with the jobs run before: under each, a loan's history stays with its row.
    try {
      for (String perPartition : new String[] {"700", "230", "999"}) {
        spark.conf().set(SparkPlanning.PER_PARTITION, perPartition);
        SparkPlanTest.Run onSpark = plan(new InThreeParts(), csv, more);
        assertThat(onSpark.exit()).as(onSpark.err()).isZero();
        assertThat(onSpark.out()).as(perPartition).isEqualTo(local.out());
      }
    } finally {
      spark.conf().set(SparkPlanning.PER_PARTITION, "700");
    }
  }

  @Test
  void aBinaryCellOrAMissingLoanIdInATableIsNamedByItsRowAndNothingIsPlanned() throws Exception {
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("loan_id", org.apache.spark.sql.types.DataTypes.StringType)
            .add("emi_amount", org.apache.spark.sql.types.DataTypes.StringType)
            .add("photo", org.apache.spark.sql.types.DataTypes.BinaryType);
    List<Row> rows =
        List.of(
            org.apache.spark.sql.RowFactory.create("L1", "100", null),
            org.apache.spark.sql.RowFactory.create("L2", "100", new byte[] {1, 2}),
            org.apache.spark.sql.RowFactory.create(null, "100", null),
            org.apache.spark.sql.RowFactory.create("L4", "100", null));
    Dataset<Row> table =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2), schema);
    RuleSet rules = RuleSet.load(List.of(SparkPlanTest.SAMPLE.resolve("rules")));
    Planner planner = Planner.builder("CAMP-1").build();

    assertThatThrownBy(
            () ->
                new SparkPlanEngine(spark)
                    .plan(
                        table,
                        "loans",
                        rules,
                        List.of(),
                        planner,
                        OffsetDateTime.parse(SparkPlanTest.AS_OF)))
        .isInstanceOf(dev.outreach.core.portfolio.PortfolioException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining("loans:2: has a binary cell")
        .hasMessageContaining("loans:3: loan_id: is empty");
  }

  @Test
  void theProofInThePartitionsRefusesABodyThatSelectsOtherCustomersThanItsStep() throws Exception {
    Path csv = SparkPlanTest.SAMPLE.resolve("portfolio.csv");
    SparkPlanEngine engine = new SparkPlanEngine(spark);
    Dataset<Row> rows = engine.read(csv.toString());
    RuleSet rules = RuleSet.load(List.of(SparkPlanTest.SAMPLE.resolve("rules")));
    OffsetDateTime asOf = OffsetDateTime.parse(SparkPlanTest.AS_OF);
    Planner planner = Planner.builder("CAMP-1").zone(java.time.ZoneId.of("Asia/Kolkata")).build();
    Plan plan = engine.plan(rows, csv.toString(), rules, List.of(), planner, asOf);
    List<String> columns = List.of(rows.columns());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    dev.outreach.core.plan.Step byFilters =
        plan.steps().stream()
            .filter(s -> s.body().getJsonObject("filters").containsKey("payment_status"))
            .findFirst()
            .orElseThrow();
    Plan listing =
        engine.plan(
            rows,
            csv.toString(),
            rules,
            List.of(),
            Planner.builder("CAMP-1")
                .zone(java.time.ZoneId.of("Asia/Kolkata"))
                .filters(dev.outreach.core.filter.FilterCompiler.Mode.IDS)
                .build(),
            asOf);
    dev.outreach.core.plan.Step byIds =
        listing.steps().stream()
            .filter(s -> s.body().getJsonObject("filters").containsKey("ids"))
            .findFirst()
            .orElseThrow();

    // The plans as made pass.
    SparkProof.prove(plan.steps(), context, rows, csv.toString(), columns);
    SparkProof.prove(listing.steps(), context, rows, csv.toString(), columns);
    assertThat(listing.summary().contacted()).isEqualTo(plan.summary().contacted());
    // A customer the filters select, missing from the step.
    assertThat(refusal(without(byFilters), context, rows, csv, columns))
        .contains("step " + byFilters.id() + " would select " + byFilters.customerIds().size());
    // A step listing an id its body does not.
    assertThat(refusal(without(byIds), context, rows, csv, columns))
        .contains("step " + byIds.id() + " would select " + byIds.customerIds().size());
    // A listed id no customer has.
    List<String> ghost = new ArrayList<>(byIds.customerIds());
    ghost.set(0, "GHOST-1");
    jakarta.json.JsonObject body =
        jakarta.json.Json.createObjectBuilder(byIds.body())
            .add(
                "filters",
                jakarta.json.Json.createObjectBuilder()
                    .add("ids", jakarta.json.Json.createArrayBuilder(ghost)))
            .build();
    assertThat(refusal(with(byIds, body, ghost), context, rows, csv, columns))
        .contains(
            "would select " + (ghost.size() - 1) + " customers instead of its " + ghost.size());
  }

  private static dev.outreach.core.plan.Step without(dev.outreach.core.plan.Step s) {
    return with(s, s.body(), s.customerIds().subList(1, s.customerIds().size()));
  }

  private static dev.outreach.core.plan.Step with(
      dev.outreach.core.plan.Step s, jakarta.json.JsonObject body, List<String> ids) {
    if (body.containsKey("limit")) {
      body = jakarta.json.Json.createObjectBuilder(body).remove("limit").build();
    }
    return new dev.outreach.core.plan.Step(
        s.id(), s.kind(), s.method(), s.path(), s.notBefore(), s.notAfter(), body, ids, s.rules());
  }

  private static String refusal(
      dev.outreach.core.plan.Step step,
      JavaSparkContext context,
      Dataset<Row> rows,
      Path csv,
      List<String> columns) {
    try {
      SparkProof.prove(List.of(step), context, rows, csv.toString(), columns);
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
    throw new AssertionError("step " + step.id() + " was proved");
  }

  @Test
  void badRowsAndRepeatsInOtherPartitionsAreNamedByTheirLineAsTheProgramNamesThem()
      throws Exception {
    StringBuilder csv = new StringBuilder("loan_id,emi_amount,emi_due_date,payment_status\n");
    csv.append("  L7 ,100,2025-08-10,pending\n"); // L7, once its spaces are stripped
    csv.append("\"\t\",100,2025-08-10,pending\n"); // blank
    for (int i = 1; i <= 150; i++) {
      String id = i % 9 == 0 ? "L" + (i / 3) : "L" + i; // repeats an earlier id, elsewhere
      String amount = i % 4 == 0 ? "lots" : "2500";
      String date = i % 10 == 0 ? "2025-02-30" : "2025-08-10";
      csv.append(id).append(',').append(amount).append(',').append(date).append(",pending\n");
    }
    csv.append(",100,2025-08-10,pending\n");
    Path file = dir.resolve("many-problems.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    SparkPlanTest.Run local = plan(null, file);
    SparkPlanTest.Run onSpark = plan(new InThreeParts(), file);

    assertThat(local.exit()).isEqualTo(1);
    assertThat(local.err())
        .contains("appears again (first on line", "problems")
        .contains("many-problems.csv:10: loan_id: \"L7\" appears again (first on line 2)")
        .contains("many-problems.csv:3: loan_id: is empty");
    assertThat(onSpark.exit()).isEqualTo(1);
    assertThat(onSpark.out()).isEmpty();
    assertThat(onSpark.err()).isEqualTo(local.err());
  }
}
