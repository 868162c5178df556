package dev.outreach.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import dev.outreach.report.Book;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlWarningsTest {
  @Test
  void warningsAboutCustomersAreATableOfGroupsWhoseExamplesOpenTheSearch() {
    String html = HtmlReport.builder(Book.weekend(300)).build().render();

    String section = section(html);
    assertThat(section)
        .contains("<h2>Warnings: 600</h2>")
        .doesNotContain("About batches")
        .contains(
            "<th scope=\"col\" class=\"num\">Warnings</th><th scope=\"col\">Code</th><th scope=\"col\">Rule</th>"
                + "<th scope=\"col\">Channel</th><th scope=\"col\">Outcome</th><th scope=\"col\">For example</th>")
        .contains(
            "<tr><td class=\"num\">294</td><td><span class=\"code\">WORKING_DAYS</span></td><td>Overdue: SMS</td>"
                + "<td>SMS</td><td>moved to Mon 2025-08-11 08:00</td><td><a class=\"id\" href=\"#q=LOAN-000001\">"
                + "LOAN-000001</a> <a class=\"id\" href=\"#q=LOAN-000002\">LOAN-000002</a> "
                + "<a class=\"id\" href=\"#q=LOAN-000003\">LOAN-000003</a></td></tr>")
        .contains(
            "<td class=\"num\">2</td><td><span class=\"code\">DO_NOT_CONTACT</span></td><td>High risk: call</td>"
                + "<td>CALL</td><td>dropped</td>");
    assertThat(section.indexOf(">294<")).isLessThan(section.indexOf(">196<"));
    assertThat(section.split("<tr>", -1)).hasSize(1 + 1 + 6); // the header and six groups
  }

  @Test
  void batchWarningsAreListedOneByOneAndUserTextIsEscaped() {
    List<Plan.Warning> list = new ArrayList<>();
    list.add(
        new Plan.Warning(
            "HOLIDAY",
            null,
            "Batch " + HtmlReportTest.EVIL,
            "batch \"<b>\" would call on holidays"));
    list.add(
        new Plan.Warning(
            "COOL_OFF", "L&<1> x", "Rule " + HtmlReportTest.EVIL, "SMS not planned: too soon"));

    String section = section(HtmlReport.builder(withWarnings(list)).build().render());

    assertThat(section)
        .contains("<h3>About batches</h3>")
        .contains("batch &quot;&lt;b&gt;&quot; would call on holidays")
        .contains("<a class=\"id\" href=\"#q=L%26%3C1%3E%20x\">L&amp;&lt;1&gt; x</a>")
        .contains(
            "<td>Rule &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</td>")
        .doesNotContain("<script>alert")
        .doesNotContain("<b>");
  }

  @Test
  void groupsPastTheRowCapAreCountedWithTheirWarnings() {
    List<Plan.Warning> list = new ArrayList<>();
    for (int rule = 1; rule <= 8; rule++) {
      for (int i = 0; i < 10 - rule; i++) {
        list.add(
            new Plan.Warning(
                "COOL_OFF", "L" + rule + "-" + i, "Rule " + rule, "SMS not planned: too soon"));
      }
    }

    String section = section(HtmlReport.builder(withWarnings(list)).maxRows(5).build().render());

    // rules 6, 7 and 8 hold 4 + 3 + 2 warnings
    assertThat(section)
        .contains("<td>Rule 5</td>")
        .doesNotContain("<td>Rule 6</td>")
        .contains("3 more groups (9 warnings); every warning is in the plan JSON and explain");
  }

  @Test
  void aPageOfFiftyThousandCustomersMovedFromAWeekendGrowsOnlyByItsSearchData() {
    String small = HtmlReport.builder(Book.weekend(20_000)).build().render();
    String large = HtmlReport.builder(Book.weekend(50_000)).build().render();

    assertThat(section(large)).contains("<h2>Warnings: 100,000</h2>").contains(">49,000<");
    assertThat(large).isEqualTo(HtmlReport.builder(Book.weekend(50_000)).build().render());
    long smallRest = small.length() - HtmlReportTest.scriptData(small).length();
    long largeRest = large.length() - HtmlReportTest.scriptData(large).length();
    // 2.5 times the warnings (and past every list's cap of 200 rows either way): the page around
    // the
    // search data differs only in a few counts.
    assertThat(largeRest - smallRest).isLessThan(2_000);
    assertThat(largeRest).isLessThan(100_000);
  }

  private static String section(String html) {
    int from = html.indexOf("<section id=\"warnings\">");
    return html.substring(from, html.indexOf("</section>", from));
  }

  private static Plan withWarnings(List<Plan.Warning> warnings) {
    Plan p = Book.weekend(1);
    return new Plan(
        p.campaignId(),
        p.asOf(),
        p.zone(),
        p.summary(),
        p.steps(),
        p.suppressed(),
        p.undecided(),
        p.overrides(),
        warnings,
        p.experiments());
  }
}
