package dev.outreach.cli;

import static dev.outreach.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collections manager's reading of the reports for a messy portfolio (several zones, one with
 * daylight saving, empty cells, statuses in odd case, unicode names, a dpd column for some, due
 * dates in the future and missing, an overdue column): the customers and amounts per days-past-due
 * bucket and outcome, recomputed here from the CSV and the plan JSON alone, match the text report,
 * the HTML report and the diff JSON to the rupee.
 */
class MoneyReportTest {
  static final String AS_OF = "2025-08-05T02:00:00+05:30"; // still 4 August in New York
  static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
  static final String[] ZONES = {
    "", "Asia/Kolkata", "America/New_York", "Asia/Dubai", "Pacific/Chatham", ""
  };
  static final String[] STATUSES = {
    "bounced", "PAID", "Paid ", "paid", "partial", "pending", "Pending", "", "BOUNCED", "partial"
  };
  static final String[] NAMES = {"Zoë", "श्रेया", "Łukasz", "\"Rao, Jr.\"", "Ana", "Émile"};
  static final List<String> OUTCOMES =
      List.of("contacted", "CALL", "SMS", "WHATSAPP", "suppressed", "undecided", "dropped", "all");
  static final List<String> BUCKETS =
      List.of("current", "1–30", "31–60", "61–90", "90+", "unknown");

  @TempDir static Path dir;
  static Path csv;
  static Path rules;
  static Path changedRules;
  static Path policy;
  static JsonObject plan;
  static JsonObject changedPlan;

  static String[] common(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(
        List.of(
            "--customers",
            csv.toString(),
            "--campaign",
            "C1",
            "--as-of",
            AS_OF,
            "--zone",
            ZONE.getId(),
            "--policy",
            policy.toString(),
            "--no-progress"));
    return all.toArray(String[]::new);
  }

  @BeforeAll
  static void portfolioRulesAndPlans() throws Exception {
    StringBuilder sb =
        new StringBuilder(
            "loan_id,first_name,phone_number,emi_amount,emi_due_date,payment_status,language,"
                + "timezone,dpd,overdue_amount,segment\n");
    List<String> dnc = new ArrayList<>();
    for (int i = 1; i <= 240; i++) {
      String id = String.format(Locale.ROOT, "L-%04d", i);
      String emi =
          i % 17 == 0
              ? ""
              : new BigDecimal(1000 + (i * 7919L) % 90000)
                  .add(new BigDecimal(i % 4 == 0 ? "0.50" : i % 4 == 1 ? "0.49" : "0.25"))
                  .toPlainString();
      String due =
          i % 13 == 0 ? "" : LocalDate.of(2025, 8, 5).minusDays((i * 37L) % 150 - 20).toString();
      String dpd = i % 5 == 0 ? Integer.toString((i * 11) % 120) : i % 23 == 0 ? "N/A" : "";
      String overdue = i % 3 == 0 ? "" : Integer.toString((i * 131) % 50000) + ".5";
      String status = STATUSES[i % STATUSES.length];
      sb.append(id)
          .append(',')
          .append(NAMES[i % NAMES.length])
          .append(",+91 98765 ")
          .append(String.format(Locale.ROOT, "%05d", i))
          .append(',')
          .append(emi)
          .append(',')
          .append(due)
          .append(',')
          .append(status)
          .append(',')
          .append(i % 3 == 0 ? "hindi" : i % 3 == 1 ? "tamil" : "")
          .append(',')
          .append(ZONES[i % ZONES.length])
          .append(',')
          .append(dpd)
          .append(',')
          .append(overdue)
          .append(',')
          .append(i % 2 == 0 ? "retail" : "sme")
          .append('\n');
      if (status.equals("bounced") && i % 4 == 0) {
        dnc.add(id);
      }
    }
    csv = dir.resolve("book.csv");
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("dnc.txt"), String.join("\n", dnc) + "\n");
    policy = dir.resolve("policy.json");
    Files.writeString(policy, "{ \"preset\": \"rbi\", \"doNotContact\": \"dnc.txt\" }");
    String head = "import dev.outreach.core.Customer;\nimport dev.outreach.rules.Decision;\n";
    String base =
        head
            + "rule \"Paid: suppress\" when $c : Customer( paymentStatus == \"paid\" ) then\n"
            + "  insert(Decision.suppress($c, \"already paid\")); end\n"
            + "rule \"Bounced: call\" when $c : Customer( paymentStatus == \"bounced\" ) then\n"
            + "  insert(Decision.call($c).agent(\"a1\").disposition(\"d1\").window(\"10:00\", \"13:00\")); end\n"
            + "rule \"Partial: SMS\" when $c : Customer( paymentStatus == \"partial\" ) then\n"
            + "  insert(Decision.sms($c).template(\"t1\").at(\"09:00\")); end\n"
            + "rule \"Partial hindi: WhatsApp\" when $c : Customer( paymentStatus == \"partial\", language == \"hindi\" ) then\n"
            + "  insert(Decision.whatsapp($c).template(\"w1\")); end\n";
    rules = dir.resolve("base.drl");
    Files.writeString(rules, base);
    changedRules = dir.resolve("changed.drl");
    Files.writeString(
        changedRules,
        base
            + "rule \"Pending: SMS\" when $c : Customer( paymentStatus == \"pending\" ) then\n"
            + "  insert(Decision.sms($c).template(\"t2\")); end\n");
    Run p = run(common("plan", "--rules", rules.toString(), "--format", "json"));
    assertThat(p.code()).as(p.err()).isZero();
    plan = JsonText.parseObject(p.out());
    Run c = run(common("plan", "--rules", changedRules.toString(), "--format", "json"));
    assertThat(c.code()).as(c.err()).isZero();
    changedPlan = JsonText.parseObject(c.out());
  }

  /** One customer as the CSV has them. */
  record Row(String id, BigDecimal emi, BigDecimal overdue, String bucket) {}

  /** The portfolio read again, by hand: the definitions in the README, nothing from the program. */
  static List<Row> rows() throws Exception {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = cells(lines.get(0));
    OffsetDateTime asOf = OffsetDateTime.parse(AS_OF);
    List<Row> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      Map<String, String> r = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        r.put(header.get(i), cells.get(i).strip());
      }
      BigDecimal emi =
          r.get("emi_amount").isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.get("emi_amount"));
      BigDecimal overdue =
          r.get("overdue_amount").isEmpty() ? null : new BigDecimal(r.get("overdue_amount"));
      ZoneId zone = r.get("timezone").isEmpty() ? ZONE : ZoneId.of(r.get("timezone"));
      LocalDate today = asOf.atZoneSameInstant(zone).toLocalDate();
      Integer dpd;
      if (r.get("dpd").matches("[0-9]+")) {
        dpd = Integer.parseInt(r.get("dpd"));
      } else if (r.get("payment_status").equalsIgnoreCase("paid")) {
        dpd = 0;
      } else if (r.get("emi_due_date").isEmpty()) {
        dpd = null;
      } else {
        dpd =
            (int)
                Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(r.get("emi_due_date")), today));
      }
      String bucket =
          dpd == null
              ? "unknown"
              : dpd == 0
                  ? "current"
                  : dpd <= 30 ? "1–30" : dpd <= 60 ? "31–60" : dpd <= 90 ? "61–90" : "90+";
      out.add(new Row(r.get("loan_id"), emi, overdue, bucket));
    }
    return out;
  }

  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /** Per bucket, per outcome: customers, EMI and overdue, from the CSV and the plan JSON. */
  static Map<String, Map<String, BigDecimal[]>> expected(JsonObject plan) throws Exception {
    Map<String, Set<String>> outcomes = new HashMap<>();
    OUTCOMES.forEach(o -> outcomes.put(o, new java.util.HashSet<>()));
    for (JsonValue v : plan.getJsonArray("steps")) {
      JsonObject s = v.asJsonObject();
      String kind = s.getString("kind");
      if (kind.startsWith("INITIATE_")) {
        String channel = kind.substring("INITIATE_".length()).replace("CALLS", "CALL");
        s.getJsonArray("customerIds")
            .getValuesAs(jakarta.json.JsonString.class)
            .forEach(
                id -> {
                  outcomes.get(channel).add(id.getString());
                  outcomes.get("contacted").add(id.getString());
                });
      }
    }
    plan.getJsonArray("suppressed")
        .forEach(v -> outcomes.get("suppressed").add(v.asJsonObject().getString("customerId")));
    plan.getJsonArray("undecided")
        .forEach(v -> outcomes.get("undecided").add(((jakarta.json.JsonString) v).getString()));
    Map<String, Map<String, BigDecimal[]>> out = new LinkedHashMap<>();
    BUCKETS.forEach(
        b -> {
          Map<String, BigDecimal[]> m = new LinkedHashMap<>();
          OUTCOMES.forEach(
              o -> m.put(o, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
          out.put(b, m);
        });
    for (Row r : rows()) {
      List<String> in = new ArrayList<>(List.of("all"));
      boolean decided = false;
      for (String o : OUTCOMES) {
        if (outcomes.get(o).contains(r.id())) {
          in.add(o);
          decided |= o.equals("contacted") || o.equals("suppressed") || o.equals("undecided");
        }
      }
      if (!decided) {
        in.add("dropped");
      }
      for (String o : in) {
        BigDecimal[] t = out.get(r.bucket()).get(o);
        t[0] = t[0].add(BigDecimal.ONE);
        t[1] = t[1].add(r.emi());
        t[2] = t[2].add(r.overdue() == null ? BigDecimal.ZERO : r.overdue());
      }
    }
    return out;
  }

  static BigDecimal rupees(String text) {
    return new BigDecimal(text.replace("₹", "").replace(",", ""));
  }

  static BigDecimal rounded(BigDecimal b) {
    return b.setScale(0, RoundingMode.HALF_UP);
  }

  @Test
  void thePortfolioIsMessyEnoughToTestEveryRule() throws Exception {
    Map<String, Map<String, BigDecimal[]>> e = expected(plan);
    for (String b : BUCKETS) {
      assertThat(e.get(b).get("all")[0]).as("customers in " + b).isPositive();
    }
    assertThat(e.values().stream().mapToInt(m -> m.get("dropped")[0].intValue()).sum())
        .as("dropped")
        .isPositive();
    for (String o : List.of("CALL", "SMS", "WHATSAPP", "suppressed", "undecided")) {
      assertThat(e.values().stream().mapToInt(m -> m.get(o)[0].intValue()).sum())
          .as(o)
          .isPositive();
    }
  }

  @Test
  void theTextReportsBucketTableMatchesARecomputationToTheRupee() throws Exception {
    Run r = run(common("plan", "--rules", rules.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Map<String, BigDecimal[]>> e = expected(plan);

    String text = r.out();
    int from = text.indexOf("\nDays past due");
    assertThat(from).isPositive();
    Pattern line =
        Pattern.compile(
            "^  (.{9}) (\\S+)\\s+([\\d,]+)\\s+(₹[\\d,]+)\\s+(₹[\\d,]+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(text.substring(from, text.indexOf("\n\n", from + 2)));
    String bucket = null;
    Map<String, Map<String, BigDecimal[]>> found = new TreeMap<>();
    while (m.find()) {
      bucket = m.group(1).isBlank() ? bucket : m.group(1).strip();
      found
          .computeIfAbsent(bucket, k -> new TreeMap<>())
          .put(
              m.group(2),
              new BigDecimal[] {
                new BigDecimal(m.group(3).replace(",", "")), rupees(m.group(4)), rupees(m.group(5))
              });
    }
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(BUCKETS);
    for (String b : BUCKETS) {
      for (String o : OUTCOMES) {
        BigDecimal[] want = e.get(b).get(o);
        BigDecimal[] got = found.get(b).get(o);
        if (want[0].signum() == 0 && !o.equals("all")) {
          assertThat(got).as(b + " " + o + " (empty rows are left out)").isNull();
          continue;
        }
        assertThat(got).as(b + " " + o).isNotNull();
        assertThat(got[0]).as(b + " " + o + " customers").isEqualByComparingTo(want[0]);
        assertThat(got[1]).as(b + " " + o + " EMI").isEqualByComparingTo(rounded(want[1]));
        assertThat(got[2]).as(b + " " + o + " overdue").isEqualByComparingTo(rounded(want[2]));
      }
    }
    assertThat(text).contains("Money at stake: sum of emi_amount and of the overdue amount, INR");
    assertThat(text).contains("Dropped, by the guardrail that dropped them");
    assertThat(text).contains("This run reaches ₹").contains("Needs action: ");
    for (String l : text.split("\n")) {
      assertThat(l.length()).as(l).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void theHtmlBucketTableMatchesARecomputationToTheRupee() throws Exception {
    Path page = dir.resolve("report.html");
    Run r =
        run(
            common(
                "plan", "--rules", rules.toString(), "--format", "html", "--out", page.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(page);
    Map<String, Map<String, BigDecimal[]>> e = expected(plan);

    for (String b : BUCKETS) {
      Matcher row =
          Pattern.compile(
                  "<tr data-bucket=\""
                      + Pattern.quote(b)
                      + "\"><th scope=\"row\">[^<]*</th>(.*?)</tr>")
              .matcher(html);
      assertThat(row.find()).as("row " + b).isTrue();
      Matcher td = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row.group(1));
      for (String o : OUTCOMES) {
        BigDecimal[] want = e.get(b).get(o);
        for (int k = 0; k < 3; k++) {
          assertThat(td.find()).isTrue();
          BigDecimal got =
              k == 0 ? new BigDecimal(td.group(1).replace(",", "")) : rupees(td.group(1));
          assertThat(got)
              .as(b + " " + o + " " + k)
              .isEqualByComparingTo(k == 0 ? want[0] : rounded(want[k]));
        }
      }
    }
    assertThat(html).contains("id=\"chart-bucket\"").contains("id=\"undecided-by-days_past_due\"");
    assertThat(html).contains("id=\"dropped-by-guardrail\"").contains("DO_NOT_CONTACT");
    assertThat(html).contains("id=\"card-dropped\" data-alarm=\"true\"");
  }

  @Test
  void theDiffJsonCarriesBothPlansMoneyExactlyAndTheTextDiffItsSummary() throws Exception {
    Run r =
        run(
            common(
                "diff",
                "--base-rules",
                rules.toString(),
                "--rules",
                changedRules.toString(),
                "--format",
                "json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonObject diff = JsonText.parseObject(r.out());

    for (String side : List.of("base", "changed")) {
      Map<String, Map<String, BigDecimal[]>> e = expected(side.equals("base") ? plan : changedPlan);
      JsonObject money = diff.getJsonObject(side).getJsonObject("money");
      assertThat(money.getString("currency")).isEqualTo("INR");
      for (JsonValue v : money.getJsonArray("buckets")) {
        JsonObject b = v.asJsonObject();
        for (String o : OUTCOMES) {
          BigDecimal[] want = e.get(b.getString("bucket")).get(o);
          JsonObject got = b.getJsonObject(o);
          assertThat(got.getInt("customers"))
              .as(side + " " + b + " " + o)
              .isEqualTo(want[0].intValue());
          assertThat(got.getJsonNumber("emi").bigDecimalValue())
              .as(side + " " + o)
              .isEqualByComparingTo(want[1]);
          assertThat(got.getJsonNumber("overdue").bigDecimalValue())
              .as(side + " " + o)
              .isEqualByComparingTo(want[2]);
        }
      }
    }
    int newly = diff.getJsonObject("counts").getInt("NEWLY_CONTACTED");
    assertThat(newly).isPositive();
    assertThat(
            diff.getJsonObject("moneyByKind").getJsonObject("NEWLY_CONTACTED").getInt("customers"))
        .isEqualTo(newly);

    Run text =
        run(common("diff", "--base-rules", rules.toString(), "--rules", changedRules.toString()));
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Money at stake (sum of emi_amount")
        .contains("Contacted by days past due");
  }

  @Test
  void currencyAndBucketsAreOptionsAndABadValueIsAUsageErrorNamingTheOption() throws Exception {
    Run usd =
        run(
            common(
                "plan", "--rules", rules.toString(), "--currency", "usd", "--buckets", "0,7,30"));
    assertThat(usd.code()).as(usd.err()).isZero();
    assertThat(usd.out()).contains("USD").contains("$").doesNotContain("₹").contains("  8–30 ");

    Run none = run(common("plan", "--rules", rules.toString(), "--currency", "none"));
    assertThat(none.out()).contains("no currency").doesNotContain("₹");

    Run badCurrency = run(common("plan", "--rules", rules.toString(), "--currency", "rupees"));
    assertThat(badCurrency.code()).isEqualTo(2);
    assertThat(badCurrency.err()).contains("--currency").contains("'rupees' is not a currency");

    Run badBuckets =
        run(
            common(
                "diff",
                "--base-rules",
                rules.toString(),
                "--rules",
                rules.toString(),
                "--buckets",
                "30,0"));
    assertThat(badBuckets.code()).isEqualTo(2);
    assertThat(badBuckets.err()).contains("--buckets").contains("must increase");
  }
}
