package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.portfolio.PortfolioReader;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  static final Path RULES = Path.of("../examples/src/main/resources/outreach/sample/rules");
  static final Path PORTFOLIO =
      Path.of("../examples/src/main/resources/outreach/sample/portfolio.csv");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  /** {@code a} then {@code b}: a command and its options, then options shared by a test's runs. */
  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void planJsonBodiesReachExactlyTheDecidedCustomersWhenAppliedAsTheApiWould() throws Exception {
    Run r =
        run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--as-of",
            "2025-08-05T09:00:00+05:30",
            "--zone",
            "Asia/Kolkata",
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonObject plan = JsonText.parseObject(r.out());
    List<Customer> book = PortfolioReader.read(PORTFOLIO);
    Map<Channel, Set<String>> reached = new EnumMap<>(Channel.class);
    for (JsonValue v : plan.getJsonArray("steps")) {
      JsonObject step = v.asJsonObject();
      assertThat(step.getString("path")).startsWith("/api/v1/initiate/C1/");
      Predicate<Customer> m =
          FilterJson.fromJson(step.getJsonObject("body").getJsonObject("filters")).matcher();
      Set<String> selected =
          book.stream().filter(m).map(Customer::loanId).collect(Collectors.toSet());
      assertThat(selected)
          .containsExactlyInAnyOrderElementsOf(
              step.getJsonArray("customerIds").getValuesAs(jakarta.json.JsonString::getString));
      Channel ch =
          Channel.valueOf(
              step.getString("kind").substring("INITIATE_".length()).replace("CALLS", "CALL"));
      assertThat(reached.computeIfAbsent(ch, k -> new HashSet<>()).addAll(selected)).isTrue();
    }
    Set<String> suppressed =
        plan.getJsonArray("suppressed").stream()
            .map(v -> v.asJsonObject().getString("customerId"))
            .collect(Collectors.toSet());
    Set<String> paid =
        book.stream()
            .filter(c -> "paid".equals(c.paymentStatus()))
            .map(Customer::loanId)
            .collect(Collectors.toSet());
    assertThat(suppressed).containsAll(paid);
    reached.values().forEach(ids -> assertThat(ids).doesNotContainAnyElementsOf(suppressed));
    JsonObject byChannel = plan.getJsonObject("summary").getJsonObject("byChannel");
    reached.forEach((ch, ids) -> assertThat(byChannel.getInt(ch.name())).isEqualTo(ids.size()));
  }

  @Test
  void theZoneDefaultsToTheOffsetOfAsOfAndOutWritesAFile() throws Exception {
    Path out = dir.resolve("plan.json");

    Run r =
        run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--as-of",
            "2025-08-05T09:00:00+05:30",
            "--format",
            "json",
            "--out",
            out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonObject plan = JsonText.parseObject(Files.readString(out));
    assertThat(plan.getString("zone")).isEqualTo("+05:30");
    assertThat(plan.getJsonArray("steps").getJsonObject(0).getString("notBefore"))
        .endsWith("+05:30");
  }

  @Test
  void rulesFromTheClasspathPlanLikeTheSameFiles() {
    String[] common = {
      "--customers",
      PORTFOLIO.toString(),
      "--campaign",
      "C1",
      "--as-of",
      "2025-08-05T09:00:00+05:30",
      "--format",
      "json"
    };
    List<String> fromFiles =
        new java.util.ArrayList<>(List.of("plan", "--rules", RULES.toString()));
    List<String> fromClasspath = new java.util.ArrayList<>(List.of("plan"));
    for (String f :
        List.of("00-classification.drl", "10-suppression.drl", "20-calls.drl", "30-messages.drl")) {
      fromClasspath.addAll(List.of("--rules", "classpath:outreach/sample/rules/" + f));
    }
    fromFiles.addAll(List.of(common));
    fromClasspath.addAll(List.of(common));

    Run a = run(fromFiles.toArray(String[]::new));
    Run b = run(fromClasspath.toArray(String[]::new));

    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).isEqualTo(a.out());
  }

  @Test
  void anExperimentSplitsCustomersIntoArmsThatRulesAndTheReportSee() throws Exception {
    Path drl = dir.resolve("tone.drl");
    Files.writeString(
        drl,
        "import dev.outreach.core.Customer;\nimport dev.outreach.rules.Decision;\n"
            + "import dev.outreach.rules.Arm;\n"
            + "rule \"champion: SMS\" when Arm( experiment == \"tone\", name == \"champion\", $c : customer ) then\n"
            + "  insert(Decision.sms($c).template(\"tpl_formal\")); end\n"
            + "rule \"challenger: WhatsApp\" when Arm( experiment == \"tone\", name == \"challenger\", $c : customer ) then\n"
            + "  insert(Decision.whatsapp($c).template(\"tpl_friendly\")); end\n");
    String[] args = {
      "plan",
      "--rules",
      drl.toString(),
      "--customers",
      PORTFOLIO.toString(),
      "--campaign",
      "C1",
      "--as-of",
      "2025-08-05T09:00:00+05:30",
      "--experiment",
      "tone=champion:70,challenger:30",
      "--format",
      "json"
    };

    Run r = run(args);

    assertThat(r.code()).as(r.err()).isZero();
    JsonObject plan = JsonText.parseObject(r.out());
    JsonObject x = plan.getJsonArray("experiments").getJsonObject(0);
    assertThat(x.getString("experiment")).isEqualTo("tone");
    JsonObject champion = x.getJsonArray("arms").getJsonObject(0);
    JsonObject challenger = x.getJsonArray("arms").getJsonObject(1);
    assertThat(champion.getInt("customers") + challenger.getInt("customers")).isEqualTo(3_000);
    assertThat(challenger.getInt("customers") / 3_000.0).isBetween(0.25, 0.35);
    assertThat(champion.getJsonObject("byChannel").getInt("SMS"))
        .isEqualTo(champion.getInt("customers"));
    assertThat(champion.getJsonObject("byChannel").getInt("WHATSAPP")).isZero();
    assertThat(challenger.getJsonObject("byChannel").getInt("WHATSAPP"))
        .isEqualTo(challenger.getInt("customers"));
    assertThat(run(args).out()).isEqualTo(r.out());
    Run text = run(java.util.Arrays.copyOf(args, args.length - 2));
    assertThat(text.out()).contains("Experiment tone").contains("challenger");
  }

  @Test
  void idsModeListsEveryCustomerAndTheDefaultCompactModeIsFarSmaller() {
    String[] base = {
      "plan",
      "--rules",
      RULES.toString(),
      "--customers",
      PORTFOLIO.toString(),
      "--campaign",
      "C1",
      "--as-of",
      "2025-08-05T09:00:00+05:30",
      "--format",
      "json"
    };
    String[] ids = java.util.Arrays.copyOf(base, base.length + 2);
    ids[base.length] = "--filters";
    ids[base.length + 1] = "ids";

    JsonObject compact = JsonText.parseObject(run(base).out());
    JsonObject byIds = JsonText.parseObject(run(ids).out());

    assertThat(byIds.getJsonArray("steps"))
        .allSatisfy(
            v ->
                assertThat(v.asJsonObject().getJsonObject("body").getJsonObject("filters").keySet())
                    .containsExactly("ids"));
    assertThat(bodyBytes(compact) * 5).isLessThan(bodyBytes(byIds));
    for (String k :
        List.of("customers", "contacted", "suppressed", "undecided", "dropped", "byChannel")) {
      assertThat(compact.getJsonObject("summary").get(k))
          .isEqualTo(byIds.getJsonObject("summary").get(k));
    }
  }

  static int bodyBytes(JsonObject plan) {
    return plan.getJsonArray("steps").stream()
        .mapToInt(v -> v.asJsonObject().getJsonObject("body").toString().length())
        .sum();
  }

  @Test
  void aContactHistoryAndTheRegFPresetMoveACallPastTheCap() throws Exception {
    Path history = dir.resolve("history.csv");
    StringBuilder rows = new StringBuilder("loan_id,channel,timestamp,outcome\n");
    for (String day :
        List.of("2025-07-31", "2025-08-01", "2025-08-02")) { // 9 calls in the last 7 days
      for (int h = 10; h <= 12; h++) {
        rows.append("LOAN-2025-00002,CALL,")
            .append(day)
            .append("T")
            .append(h)
            .append(":00:00+05:30,no_answer\n");
      }
    }
    Files.writeString(history, rows.toString());

    Run r =
        run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--as-of",
            "2025-08-05T09:00:00+05:30",
            "--policy",
            "us-reg-f",
            "--history",
            history.toString(),
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonObject plan = JsonText.parseObject(r.out());
    assertThat(
            plan.getJsonArray("warnings").stream()
                .map(JsonValue::asJsonObject)
                .filter(w -> w.getString("customerId", "").equals("LOAN-2025-00002")))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.getString("code")).isEqualTo("FREQUENCY_CAP");
              assertThat(w.getString("message")).contains("moved");
            });
  }

  @Test
  void aBadPolicyFileIsAClearError() throws Exception {
    Path policy = dir.resolve("policy.json");
    Files.writeString(
        policy, "{\n  \"hours\": { \"CALL\": { \"from\": \"8am\", \"to\": \"19:00\" } }\n}\n");

    Run r =
        run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--policy",
            policy.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("policy.json").contains("hours.CALL.from").contains("8am");
  }

  @Test
  void theTextReportSummarisesWithoutPhoneNumbers() {
    Run r =
        run(
            "plan",
            "--rules",
            RULES.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1",
            "--as-of",
            "2025-08-05T09:00:00+05:30");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Customers       3,000")
        .contains("Suppressed")
        .contains("agent_recovery_01");
    assertThat(r.out()).doesNotContainPattern("\\+91\\d{10}");
  }

  @Test
  void aBadCsvRowFailsNamingFileLineAndColumn() throws Exception {
    Path csv = dir.resolve("book.csv");
    Files.writeString(
        csv,
        "loan_id,emi_due_date,emi_amount\nL1,2025-08-01,100\nL2,2025-02-30,100\nL3,2025-08-01,1O0\n");

    Run r =
        run("plan", "--rules", RULES.toString(), "--customers", csv.toString(), "--campaign", "C1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("book.csv:3: emi_due_date: \"2025-02-30\" is not a date")
        .contains("book.csv:4: emi_amount: \"1O0\" is not a number");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aDrlThatDoesNotCompileFailsNamingFileAndLine() throws Exception {
    Path drl = dir.resolve("broken.drl");
    Files.writeString(
        drl,
        "import dev.outreach.core.Customer;\nimport dev.outreach.rules.Decision;\n\n"
            + "rule \"typo\"\nwhen\n  $c : Customer( paymentStatuz == \"paid\" )\nthen\n  insert(Decision.suppress($c, \"x\"));\nend\n");

    Run r =
        run(
            "plan",
            "--rules",
            drl.toString(),
            "--customers",
            PORTFOLIO.toString(),
            "--campaign",
            "C1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(drl + ":6")
        .contains("unknown field \"paymentStatuz\" on Customer");
  }

  @Test
  void missingFilesAndOptionsAreClearErrors() {
    Run noFile =
        run("plan", "--rules", "nowhere/", "--customers", PORTFOLIO.toString(), "--campaign", "C1");
    Run usage = run("plan", "--rules", RULES.toString());

    assertThat(noFile.code()).isEqualTo(1);
    assertThat(noFile.err()).contains("nowhere").contains("no such file or folder");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err())
        .contains("Missing required options")
        .contains("--customers")
        .contains("--campaign");
  }
}
