package dev.outreach.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job's plan against the program's, in one local Spark session for the whole class. */
class SparkPlanTest {
  static final Path SAMPLE = Path.of("../examples/src/main/resources/outreach/sample");
  static final String AS_OF = "2025-08-05T09:00:00+05:30";

  static SparkSession spark;
  static final AtomicInteger jobs = new AtomicInteger();

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkPlanTest", "spark.sql.shuffle.partitions", "4");
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
              }
            });
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  record Run(int exit, String out, String err) {}

  /** {@code outreach plan ARGS} in this process, on Spark or (engine null) as the program. */
  static Run plan(dev.outreach.cli.PlanEngine engine, String... args) {
    List<String> all = new ArrayList<>(List.of("plan"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        dev.outreach.cli.Main.run(
            all.toArray(String[]::new),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            java.util.Map.of(),
            engine);
    return new Run(exit, out.toString(), err.toString());
  }

  static String[] args(Path customers, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--rules",
                SAMPLE.resolve("rules").toString(),
                "--customers",
                customers.toString(),
                "--campaign",
                "CAMP-1",
                "--as-of",
                AS_OF,
                "--zone",
                "Asia/Kolkata",
                "--format",
                "json"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  /** The CSV as Parquet with every column a string, as a data lake table of the book would be. */
  static Path parquet(Path csv, String name) {
    Path out = dir.resolve(name);
    new SparkPlanEngine(spark)
        .read(csv.toString())
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out.toString());
    return out;
  }

  @Test
  void theSamplePlansToTheSameBytesFromItsCsvAndFromParquet() {
    Path csv = SAMPLE.resolve("portfolio.csv");
    Run local = plan(null, args(csv));
    Run fromCsv = plan(new SparkPlanEngine(spark), args(csv));
    Run fromParquet = plan(new SparkPlanEngine(spark), args(parquet(csv, "sample.parquet")));

    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
    assertThat(fromParquet.exit()).as(fromParquet.err()).isZero();
    assertThat(local.out()).contains("\"steps\"");
    assertThat(fromCsv.out()).isEqualTo(local.out());
    assertThat(fromParquet.out()).isEqualTo(local.out());
  }

  @Test
  void zonesAPolicyAHistoryAnExperimentAndBatchCampaignsPlanTheSameOnSpark() throws Exception {
    // The sample's customers spread over six zones (DST ones included), one in twenty with no zone.
    List<String> lines = Files.readAllLines(SAMPLE.resolve("portfolio.csv"));
    String[] zones = {
      "Asia/Kolkata", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Dubai", ""
    };
    List<String> messy = new ArrayList<>(List.of(lines.get(0) + ",timezone"));
    for (int i = 1; i < lines.size(); i++) {
      messy.add(lines.get(i) + "," + (i % 20 == 0 ? "" : zones[i % zones.length]));
    }
    Path csv = dir.resolve("messy.csv");
    Files.write(csv, messy, StandardCharsets.UTF_8);
    Path batch = dir.resolve("batch-rules");
    Files.createDirectories(batch);
    Files.writeString(
        batch.resolve("40-batch.drl"),
        "package outreach.batch\n"
            + "import dev.outreach.core.Customer;\n"
            + "import dev.outreach.rules.Decision;\n"
            + "import dev.outreach.core.decision.BatchCampaign;\n"
            + "rule \"pre-due week by batch\" salience -5\n"
            + "when\n"
            + "  $c : Customer( paymentStatus == \"pending\", custom[\"timezone\"] == \"Asia/Kolkata\" )\n"
            + "then\n"
            + "  insert( Decision.call($c).agent(\"3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d\")"
            + ".window(\"10:00\", \"18:00\").priority(1)"
            + ".batch(BatchCampaign.of(\"Pre-due week\", \"9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9\")"
            + ".concurrency(20).callsPerDay(500).retries(2).days(1, 2, 3, 4, 5, 6)) );\n"
            + "end\n",
        StandardCharsets.UTF_8);
    // A strategy over days: the history reaches the partitions' rules as Attempt facts.
    Files.writeString(
        batch.resolve("50-cadence.drl"),
        "package outreach.cadence\n"
            + "import dev.outreach.core.Customer;\n"
            + "import dev.outreach.core.Channel;\n"
            + "import dev.outreach.rules.Attempt;\n"
            + "import dev.outreach.rules.Decision;\n"
            + "import dev.outreach.rules.Today;\n"
            + "rule \"two unanswered calls: whatsapp\" salience 50 when\n"
            + "  $c : Customer( paymentStatus == \"bounced\" )\n"
            + "  Number( intValue >= 2 ) from accumulate( Attempt( customerId == $c.loanId,"
            + " channel == Channel.CALL, outcome == \"no_answer\", daysAgo <= 7 ), count(1) )\n"
            + "then insert( Decision.whatsapp($c).template(\"tpl_missed_you\") ); end\n"
            + "rule \"promise due tomorrow\" when $t : Today() $c : Customer()\n"
            + "  Attempt( customerId == $c.loanId, outcome == \"promise_to_pay\","
            + " $t.daysUntil(promisedDate) == 1 )\n"
            + "then insert( Decision.sms($c).template(\"tpl_promise\") ); end\n",
        StandardCharsets.UTF_8);
    List<String> history =
        new ArrayList<>(List.of("loan_id,channel,timestamp,outcome,promised_date,promised_amount"));
    for (int i = 1; i < lines.size(); i++) {
      String id = lines.get(i).substring(0, lines.get(i).indexOf(','));
      if (i % 5 == 0) { // a few of the batch's customers too: the cap drops them from it
        history.add(id + ",CALL,2025-08-0" + (1 + i % 4) + "T10:15:00+05:30,no_answer,,");
        history.add(id + ",call,2025-08-04T13:45:00-04:00,NO_ANSWER,,");
      }
      if (i % 7 == 0) {
        history.add(id + ",WHATSAPP,2025-08-03T12:00:00Z,promise_to_pay,2025-08-06,1500.50");
      }
    }
    Path historyCsv = dir.resolve("cadence-history.csv");
    Files.write(historyCsv, history, StandardCharsets.UTF_8);
    String[] more = {
      "--rules", SAMPLE.resolve("experiments").toString(),
      "--rules", batch.toString(),
      "--experiment", "tone=champion:80,challenger:20",
      "--policy", SAMPLE.resolve("policy/policy.json").toString(),
      "--history", historyCsv.toString()
    };

    Run local = plan(null, args(csv, more));
    Run onSpark = plan(new SparkPlanEngine(spark), args(parquet(csv, "messy.parquet"), more));

    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(onSpark.exit()).as(onSpark.err()).isZero();
    assertThat(local.out())
        .contains("CREATE_BATCH_CALL", "\"experiments\"", "America/New_York")
        .contains("tpl_missed_you", "tpl_promise", "FREQUENCY_CAP");
    assertThat(onSpark.out()).isEqualTo(local.out());
  }

  @Test
  void theHtmlReportMadeOnSparkIsTheProgramsWithTheRulesThatFiredForEachCustomer()
      throws Exception {
    Path csv = SAMPLE.resolve("portfolio.csv");
    List<String> local = new ArrayList<>(List.of(args(csv)));
    local.set(local.indexOf("json"), "html");
    List<String> onSpark = new ArrayList<>(List.of(args(parquet(csv, "html.parquet"))));
    onSpark.set(onSpark.indexOf("json"), "html");

    Run mine = plan(null, local.toArray(String[]::new));
    Run theirs = plan(new SparkPlanEngine(spark), onSpark.toArray(String[]::new));

    assertThat(mine.exit()).as(mine.err()).isZero();
    assertThat(theirs.exit()).as(theirs.err()).isZero();
    assertThat(mine.out()).contains("Paid customers are never contacted");
    assertThat(theirs.out()).isEqualTo(mine.out());
  }

  @Test
  void theTextReportTheDefaultIsTheProgramsWithEachCustomerPlannedInThePartitions()
      throws Exception {
    Path csv = SAMPLE.resolve("portfolio.csv");
    String[] more = {
      "--rules", SAMPLE.resolve("experiments").toString(),
      "--experiment", "tone=champion:80,challenger:20",
      "--policy", SAMPLE.resolve("policy/policy.json").toString(),
      "--history", SAMPLE.resolve("policy/history.csv").toString(),
      "--chart-by", "branch"
    };
    List<String> local = new ArrayList<>(List.of(args(csv, more)));
    local.subList(local.indexOf("--format"), local.indexOf("--format") + 2).clear();
    List<String> onSpark = new ArrayList<>(List.of(args(parquet(csv, "text.parquet"), more)));
    onSpark.subList(onSpark.indexOf("--format"), onSpark.indexOf("--format") + 2).clear();
    AtomicInteger evaluated = new AtomicInteger();
    SparkPlanEngine engine = new SparkPlanEngine(spark);
    dev.outreach.cli.PlanEngine counting =
        new dev.outreach.cli.PlanEngine() {
          @Override
          public Evaluated evaluate(
              Path customers,
              dev.outreach.rules.RuleSet rules,
              List<dev.outreach.core.experiment.Experiment> experiments,
              dev.outreach.core.decision.PlanningDay day)
              throws Exception {
            evaluated.incrementAndGet();
            return engine.evaluate(customers, rules, experiments, day);
          }

          @Override
          public Reported planForReport(
              Path customers,
              dev.outreach.rules.RuleSet rules,
              List<dev.outreach.core.experiment.Experiment> experiments,
              dev.outreach.core.plan.Planner planner,
              java.time.OffsetDateTime asOf)
              throws Exception {
            return engine.planForReport(customers, rules, experiments, planner, asOf);
          }
        };

    Run mine = plan(null, local.toArray(String[]::new));
    Run theirs = plan(counting, onSpark.toArray(String[]::new));

    assertThat(mine.exit()).as(mine.err()).isZero();
    assertThat(mine.out()).contains("EMI", "branch");
    assertThat(theirs.exit()).as(theirs.err()).isZero();
    assertThat(theirs.out()).isEqualTo(mine.out());
    assertThat(evaluated).hasValue(0); // planned in the partitions, not re-planned here
  }

  @Test
  void capacityConsentAndJurisdictionsPlanTheSameOnSpark() throws Exception {
    Files.writeString(
        dir.resolve("consent.csv"),
        "loan_id,channel,status,timestamp\n"
            + "LOAN-2025-00017,ALL,revoked,2025-08-01T10:00:00+05:30\n"
            + "LOAN-2025-00004,SMS,opt_out,2025-08-04T10:00:00+05:30\n",
        StandardCharsets.UTF_8);
    Path policy = dir.resolve("capacity-policy.json");
    Files.writeString(
        policy,
        "{ \"preset\": \"rbi\", \"capacity\": { \"CALL\": 150, \"SMS\": 200 },\n"
            + "  \"consent\": { \"file\": \"consent.csv\" },\n"
            + "  \"jurisdictions\": { \"attribute\": \"branch\","
            + " \"policies\": { \"Mumbai\": \"us-ma\" } } }",
        StandardCharsets.UTF_8);
    String[] more = {
      "--policy", policy.toString(), "--history", SAMPLE.resolve("policy/history.csv").toString()
    };
    Path csv = SAMPLE.resolve("portfolio.csv");

    Run local = plan(null, args(csv, more));
    Run onSpark = plan(new SparkPlanEngine(spark), args(parquet(csv, "capacity.parquet"), more));

    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.out()).contains("\"capacity\"", "CAPACITY", "CONSENT");
    assertThat(onSpark.exit()).as(onSpark.err()).isZero();
    assertThat(onSpark.out()).isEqualTo(local.out());
  }

  @Test
  void badRowsAreNamedByRowLoanIdAndColumnAndNothingIsPlanned() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(
        csv,
        "loan_id,emi_amount,emi_due_date,payment_status\n"
            + "L1,2500,2025-08-10,pending\n"
            + "L2,lots,2025-08-10,pending\n"
            + "L3,100,2025-02-30,pending\n"
            + "L1,100,2025-08-10,pending\n",
        StandardCharsets.UTF_8);
    Run local = plan(null, args(csv));
    Run fromCsv = plan(new SparkPlanEngine(spark), args(csv));
    Run fromParquet = plan(new SparkPlanEngine(spark), args(parquet(csv, "bad.parquet")));

    assertThat(fromCsv.exit()).isEqualTo(1);
    assertThat(fromCsv.out()).isEmpty();
    // From a CSV file, word for word what the program says.
    assertThat(fromCsv.err()).isEqualTo(local.err());
    assertThat(fromParquet.exit()).isEqualTo(1);
    assertThat(fromParquet.out()).isEmpty();
    assertThat(fromParquet.err())
        .contains("3 problems, nothing was read")
        .contains("bad.parquet:2: loan_id L2: emi_amount:")
        .contains("bad.parquet:3: loan_id L3: emi_due_date:")
        .contains("bad.parquet:4: loan_id: \"L1\" appears again (first on row 1)");
  }

  @Test
  void brokenRulesAreReportedWithFileAndLineBeforeAnyTaskIsScheduled() throws Exception {
    Path rules = dir.resolve("broken");
    Files.createDirectories(rules);
    Files.writeString(
        rules.resolve("bad.drl"),
        "package x\nimport dev.outreach.core.Customer;\nrule \"r\" when\n  $c : Customer( nope == 1 )\n"
            + "then end\n",
        StandardCharsets.UTF_8);
    Path customers = parquet(SAMPLE.resolve("portfolio.csv"), "for-broken.parquet");
    int before = jobs.get();

    Run run =
        plan(
            new SparkPlanEngine(spark),
            "--rules",
            rules.toString(),
            "--customers",
            customers.toString(),
            "--campaign",
            "CAMP-1",
            "--as-of",
            AS_OF);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("bad.drl:4");
    assertThat(jobs.get()).isEqualTo(before);
  }

  @Test
  void messyCsvFilesGetTheProgramsOwnWordsLineForLine() throws Exception {
    String header = "loan_id,first_name,phone_number,emi_amount,emi_due_date,payment_status\n";
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(
        ragged,
        header
            + "L1,Asha,+919876543210,2500,2025-08-10,pending\n"
            + "\n"
            + "L2,\"Ravi\nKumar\",+919876543211,2500,2025-08-10,pending\n"
            + "L3,Zoë,+919876543212,2500,2025-08-10\n"
            + "L4,Li,+919876543213,lots,2025-08-10,pending,extra\n",
        StandardCharsets.UTF_8);
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1,
        (header + "L1,Zo\u00eb,+919876543210,2500,2025-08-10,pending\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Path empty = dir.resolve("only-header.csv");
    Files.writeString(empty, header, StandardCharsets.UTF_8);

    for (Path csv : List.of(ragged, latin1, empty)) {
      Run local = plan(null, args(csv));
      Run onSpark = plan(new SparkPlanEngine(spark), args(csv));
      assertThat(local.exit()).as(csv.toString()).isEqualTo(1);
      assertThat(onSpark.exit()).as(onSpark.err()).isEqualTo(1);
      assertThat(onSpark.out()).isEmpty();
      assertThat(onSpark.err()).isEqualTo(local.err());
    }
    assertThat(plan(null, args(ragged)).err())
        .contains("ragged.csv:6: has 5 fields but the header has 6")
        .contains("ragged.csv:7: has 7 fields");
  }

  @Test
  void aRaggedRecordOutsideThisMachineIsNamedWithoutQuotingIt() {
    Path csv = dir.resolve("remote-ragged.csv");
    try {
      Files.writeString(
          csv,
          "loan_id,phone_number,emi_amount\nL1,+919876543210,2500\nL2,+919876543299\n",
          StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    SparkPlanEngine engine = new SparkPlanEngine(spark);
    dev.outreach.rules.RuleSet rules;
    try {
      rules = dev.outreach.rules.RuleSet.load(List.of(SAMPLE.resolve("rules")));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                engine.evaluate(
                    engine.read(csv.toString()),
                    "s3://book/remote-ragged.csv",
                    rules,
                    List.of(),
                    new dev.outreach.core.decision.PlanningDay(
                        java.time.OffsetDateTime.parse(AS_OF),
                        java.time.ZoneId.of("Asia/Kolkata"))))
        .isInstanceOf(dev.outreach.core.portfolio.PortfolioException.class)
        .hasMessageContaining("s3://book/remote-ragged.csv: 1 problem")
        .hasMessageContaining("does not have the header's 3 fields")
        .hasMessageNotContaining("9299");
  }
}
