package dev.outreach.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON lines portfolio is read on Spark as {@code outreach plan} reads it: a quoted number stays
 * text, a number stays a number, even in one attribute, so the plans are the same bytes.
 */
class JsonLinesPlanTest {
  static SparkSession spark;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    // The sample's customers in five parts.
    spark = LocalSpark.start("JsonLinesPlanTest", SparkPlanning.PER_PARTITION, "700");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * The sample as JSON lines, messily: a byte order mark, blank lines, record fields as strings or
   * numbers, custom attributes quoted ({@code "zip": "0410"}, {@code "tier": "2"}) on some lines
   * and numbers on others, some in a nested {@code custom} object, unicode loan ids.
   */
  static Path messy(String name) throws Exception {
    List<String> lines = Files.readAllLines(SparkPlanTest.SAMPLE.resolve("portfolio.csv"));
    String[] header = lines.get(0).split(",", -1);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      StringBuilder o = new StringBuilder("{");
      StringBuilder custom = new StringBuilder();
      for (int c = 0; c < header.length; c++) {
        String key = header[c];
        String v = cells[c];
        if (v.isEmpty()) {
          continue;
        }
        if (key.equals("loan_id")) {
          v = (i % 3 == 0 ? "\u0939\u093f-" : i % 3 == 1 ? "\uD83D\uDE00-" : "") + v;
        }
        boolean number = v.matches("-?\\d+(\\.\\d+)?") && i % 2 == 0 && !key.equals("loan_id");
        String json = number ? v : "\"" + v + "\"";
        if ((key.equals("branch") || key.equals("product_type")) && i % 4 == 0) {
          custom.append(custom.length() == 0 ? "" : ",").append('"').append(key).append("\":");
          custom.append(json);
        } else {
          o.append(o.length() == 1 ? "" : ",").append('"').append(key).append("\":").append(json);
        }
      }
      o.append(",\"zip\":\"0").append(410 + i % 3).append('"');
      o.append(",\"tier\":").append(i % 5 == 0 ? "\"2\"" : i % 5 == 1 ? "2" : "2.0");
      o.append(",\"vip\":").append(i % 7 == 0 ? "true" : "\"true\"");
      if (custom.length() > 0) {
        o.append(",\"custom\":{").append(custom).append('}');
      }
      out.add(o.append('}').toString());
      if (i % 10 == 0) {
        out.add(i % 20 == 0 ? "" : "   ");
      }
    }
    out.set(0, "\uFEFF" + out.get(0));
    Path file = dir.resolve(name);
    Files.write(file, out, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void quotedNumbersStayTextAndThePlansAreTheSameBytes() throws Exception {
    Path jsonl = messy("messy.jsonl");
    for (String[] more :
        List.of(
            new String[] {"--filters", "ids"},
            new String[] {"--upload"},
            new String[] {
              "--policy", SparkPlanTest.SAMPLE.resolve("policy/policy.json").toString(),
              "--history", SparkPlanTest.SAMPLE.resolve("policy/history.csv").toString()
            })) {
      SparkPlanTest.Run local = SparkPlanTest.plan(null, SparkPlanTest.args(jsonl, more));
      SparkPlanTest.Run onSpark =
          SparkPlanTest.plan(new SparkPlanEngine(spark), SparkPlanTest.args(jsonl, more));

      assertThat(local.exit()).as(local.err()).isZero();
      assertThat(onSpark.exit()).as(onSpark.err()).isZero();
      assertThat(onSpark.out()).as(String.join(" ", more)).isEqualTo(local.out());
    }
    // The compact filters name the quoted attributes as text, as the program does.
    String plan = SparkPlanTest.plan(null, SparkPlanTest.args(jsonl)).out();
    assertThat(plan).contains("\uD83D\uDE00-");
  }

  @Test
  void aByteOrderMarkAfterTheFirstLineIsRefusedAsTheProgramRefusesIt() throws Exception {
    Path jsonl = messy("late-mark.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(jsonl, StandardCharsets.UTF_8));
    lines.set(5, "\uFEFF" + lines.get(5));
    Files.write(jsonl, lines, StandardCharsets.UTF_8);

    SparkPlanTest.Run local = SparkPlanTest.plan(null, SparkPlanTest.args(jsonl));
    SparkPlanTest.Run onSpark =
        SparkPlanTest.plan(new SparkPlanEngine(spark), SparkPlanTest.args(jsonl));

    assertThat(local.exit()).isEqualTo(1);
    assertThat(local.err()).contains("late-mark.jsonl:6");
    assertThat(onSpark.exit()).isEqualTo(1);
    assertThat(onSpark.err()).isEqualTo(local.err());
  }
}
