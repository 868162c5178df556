package dev.outreach.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.rules.RuleCompileException;
import dev.outreach.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionTableTest {
  static final String HEADER =
      "import dev.outreach.core.Customer;\n"
          + "import dev.outreach.rules.Today;\n"
          + "import dev.outreach.rules.Decision;\n";
  static final PlanningDay DAY =
      new PlanningDay(
          java.time.OffsetDateTime.parse("2025-08-05T09:00:00+05:30"),
          java.time.ZoneId.of("Asia/Kolkata"));

  static List<Ruling> decide(RuleSet rules, List<Customer> customers) {
    List<Ruling> out = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    rules.decisions().decide(customers, DAY, out::add);
    return out;
  }

  @TempDir Path dir;

  static final List<Customer> CUSTOMERS =
      List.of(
          Customer.builder("P-HI").paymentStatus("pending").language("hindi").build(),
          Customer.builder("P-EN").paymentStatus("pending").language("english").build(),
          Customer.builder("B-HI").paymentStatus("bounced").language("hindi").build(),
          Customer.builder("B-TA").paymentStatus("bounced").language("tamil").build());

  static Map<String, String> templates(RuleSet rules) {
    return decide(rules, CUSTOMERS).stream()
        .collect(
            Collectors.toMap(
                Ruling::customerId, d -> ((Contact) d).templateId() + " by " + d.rule()));
  }

  @Test
  void aCsvDecisionTableInARulesFolderDecidesLikeDrl() throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.copy(
        Path.of("src/test/resources/tables/sms-by-language.drl.csv"),
        rules.resolve("sms-by-language.drl.csv"));

    Map<String, String> t = templates(RuleSet.load(List.of(rules)));

    assertThat(t).containsOnlyKeys("P-HI", "P-EN", "B-HI");
    assertThat(t.get("P-HI")).startsWith("tpl_pending_hi by SMS by language");
    assertThat(t.get("B-HI")).startsWith("tpl_bounced_hi by ");
  }

  @Test
  void anXlsxDecisionTableWorksBesideDrlAndSuppressionStillWins() throws Exception {
    Path xlsx = dir.resolve("calls.xlsx");
    Files.write(xlsx, spreadsheet());
    Path drl = dir.resolve("suppress.drl");
    Files.writeString(
        drl,
        HEADER
            + "rule \"no tamil\" when $c : Customer( language == \"tamil\" ) then insert(Decision.suppress($c, \"no agent\")); end\n");

    List<Ruling> ds = decide(RuleSet.load(List.of(xlsx, drl)), CUSTOMERS);

    assertThat(ds)
        .filteredOn(d -> d instanceof Contact)
        .extracting(d -> d.customerId() + ":" + ((Contact) d).agentId())
        .containsExactlyInAnyOrder("B-HI:agent_hi", "B-TA:agent_ta");
    assertThat(ds)
        .filteredOn(d -> !(d instanceof Contact))
        .extracting(Ruling::customerId)
        .containsExactly("B-TA");
  }

  @Test
  void anOrdinaryCsvInARulesFolderIsNotMistakenForATable() throws Exception {
    Files.writeString(dir.resolve("notes.csv"), "not,a,table\n");
    Files.writeString(
        dir.resolve("a.drl"),
        HEADER
            + "rule \"sms\" when $c : Customer() then insert(Decision.sms($c).template(\"t\")); end\n");

    assertThat(RuleSet.load(List.of(dir)).ruleNames()).containsExactly("sms");
  }

  @Test
  void aBrokenTableIsReportedUnderItsOwnFileName() throws Exception {
    Path bad = dir.resolve("broken.csv"); // named explicitly, a plain .csv is read as a table
    Files.writeString(
        bad,
        Files.readString(Path.of("src/test/resources/tables/sms-by-language.drl.csv"))
            .replace("paymentStatus == ", "paymentStatuz == "));

    assertThatThrownBy(() -> RuleSet.load(List.of(bad)))
        .isInstanceOf(RuleCompileException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("paymentStatuz");
  }

  /** calls.xlsx: bounced customers get a call from the agent for their language. */
  static byte[] spreadsheet() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("Calls");
      String[][] rows = {
        {"RuleSet", "outreach.xlsx"},
        {"Import", "dev.outreach.core.Customer, dev.outreach.rules.Decision"},
        {},
        {"RuleTable Bounced calls by language"},
        {"CONDITION", "CONDITION", "ACTION"},
        {"$c : Customer", "", ""}, // merged over A6:B6 below
        {
          "paymentStatus == \"$param\"",
          "language == \"$param\"",
          "insert(Decision.call($c).agent(\"$param\").disposition(\"disp_xyz789\"));"
        },
        {"Status", "Language", "Agent"},
        {"bounced", "hindi", "agent_hi"},
        {"bounced", "tamil", "agent_ta"}
      };
      // A spreadsheet merges the pattern cell over both condition columns, as authors do in Excel.
      s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(5, 5, 0, 1));
      for (int r = 0; r < rows.length; r++) {
        Row row = s.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
