package dev.outreach.report.html;

import static dev.outreach.report.Book.call;
import static dev.outreach.report.Book.sms;
import static dev.outreach.report.Book.suppress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.Book;
import dev.outreach.report.PlanIndex;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String EVIL = "<script>alert('x')</script> & \"quoted\"";

  static List<Customer> customers(int n) {
    List<Customer> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          Customer.builder(String.format(Locale.ROOT, "LOAN-%05d", i))
              .phoneNumber("+9198765" + String.format(Locale.ROOT, "%05d", i))
              .language(i % 2 == 0 ? "hindi" : "tamil")
              .custom("branch", i % 3 == 0 ? EVIL : "pune")
              .build());
    }
    return out;
  }

  /**
   * Every third customer is suppressed, the rest get a call (a few also an SMS), the last ten
   * nothing.
   */
  static List<Ruling> decisions(int n) {
    List<Ruling> out = new ArrayList<>();
    for (int i = 1; i <= n - 10; i++) {
      String id = String.format(Locale.ROOT, "LOAN-%05d", i);
      if (i % 3 == 0) {
        out.add(suppress(id, "paid " + EVIL, "Paid " + EVIL));
        out.add(call(id, "agent_a", Timing.NOW, 0, "Call " + EVIL));
      } else {
        out.add(
            call(
                id,
                "agent_a",
                new Timing(null, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(13, 0)),
                0,
                "Call " + EVIL));
        if (i % 7 == 0) {
          out.add(sms(id, "tpl_<b>", Timing.NOW, "SMS rule"));
        }
      }
    }
    return out;
  }

  static String scriptData(String html) {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"search-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("search data block").isTrue();
    return m.group(1);
  }

  @Test
  void userTextIsEscapedEverywhereSoARuleNameCannotInjectMarkup() {
    Plan plan = Book.plan(customers(60), decisions(60), false);

    String html =
        HtmlReport.builder(plan)
            .customers(customers(60))
            .chartBy(List.of("branch"))
            .build()
            .render();

    assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>");
    assertThat(html)
        .contains("Call &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    // Only the page's own two scripts: the search data and the code.
    assertThat(html.split("<script", -1)).hasSize(3);
    String data = scriptData(html);
    assertThat(data).doesNotContain("<").contains("\\u003cscript>alert");
    assertThat(
            JsonText.parseObject(data)
                .getJsonArray("rules")
                .getValuesAs(jakarta.json.JsonString::getString))
        .contains("Call " + EVIL, "Paid " + EVIL);
  }

  @Test
  void thePageLoadsNothingFromAnywhere() {
    Plan plan = Book.plan(customers(30), decisions(30), false);

    String html = HtmlReport.builder(plan).customers(customers(30)).build().render();

    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http://", "https://", "<link", " src=", "@import", "url(");
  }

  @Test
  void phoneNumbersInUploadBodiesAreMasked() {
    List<Customer> book = customers(12);
    Plan plan = Book.plan(book, decisions(12), true);

    String html = HtmlReport.builder(plan).customers(book).build().render();

    assertThat(html)
        .contains("BULK_ADD_CUSTOMERS")
        .contains(dev.outreach.core.internal.Phones.mask("+919876500001"));
    for (Customer c : book) {
      assertThat(html).doesNotContain(c.phoneNumber());
    }
  }

  @Test
  void detailTablesAndLongIdListsAreCappedWithACountOfTheRest() {
    List<Customer> book = customers(300);
    Plan plan = Book.plan(book, decisions(300), false);

    String html = HtmlReport.builder(plan).customers(book).maxRows(5).build().render();

    assertThat(html)
        .contains(
            String.format(Locale.ROOT, "Showing the first 5 of %,d", plan.suppressed().size()))
        .contains(
            String.format(Locale.ROOT, "Showing the first 5 of %,d", plan.undecided().size()));
    assertThat(html)
        .containsPattern("… [0-9,]+ more, not shown here \\(the plan JSON has all [0-9,]+\\)");
  }

  @Test
  void theSearchDataHoldsEveryCustomerWithTheirOutcomeAndRules() {
    List<Customer> book = customers(200);
    Plan plan = Book.plan(book, decisions(200), false);
    Map<String, List<String>> fired = new HashMap<>();
    book.forEach(c -> fired.put(c.loanId(), List.of("Rule for " + c.language())));

    String html = HtmlReport.builder(plan).customers(book).firedRules(fired::get).build().render();

    JsonObject data = JsonText.parseObject(scriptData(html).replace("\\u003c", "<"));
    PlanIndex index = PlanIndex.of(plan);
    Map<String, JsonObject> found = new HashMap<>();
    for (JsonValue v : data.getJsonArray("profiles")) {
      JsonObject p = v.asJsonObject();
      String prev = "";
      for (String e : p.getJsonArray("ids").getValuesAs(jakarta.json.JsonString::getString)) {
        String id = prev.substring(0, e.charAt(0) - '0') + e.substring(1);
        assertThat(found.put(id, p)).as(id + " once").isNull();
        prev = id;
      }
    }
    assertThat(found.keySet())
        .containsExactlyInAnyOrderElementsOf(book.stream().map(Customer::loanId).toList());
    // Customers share profiles: far fewer profiles than customers.
    assertThat(data.getJsonArray("profiles").size()).isLessThan(20);
    for (Customer c : book) {
      JsonObject p = found.get(c.loanId());
      assertThat(p.getString("o")).isEqualTo(index.status(c.loanId()).name());
      List<String> stepIds = new ArrayList<>();
      p.getJsonArray("st")
          .getValuesAs(jakarta.json.JsonNumber::intValue)
          .forEach(i -> stepIds.add(data.getJsonArray("steps").getJsonObject(i).getString("id")));
      assertThat(stepIds)
          .isEqualTo(
              index.steps(c.loanId()).stream().map(dev.outreach.core.plan.Step::id).toList());
      List<String> rules = new ArrayList<>();
      data.getJsonArray("fired")
          .getJsonArray(p.getInt("f"))
          .getValuesAs(jakarta.json.JsonNumber::intValue)
          .forEach(i -> rules.add(data.getJsonArray("rules").getString(i)));
      assertThat(rules).containsExactly("Rule for " + c.language());
    }
  }

  @Test
  void chartsCountContactsByChannelRuleHourAndAttribute() {
    List<Customer> book = customers(100);
    Plan plan = Book.plan(book, decisions(100), false);

    String html = HtmlReport.builder(plan).customers(book).build().render();

    for (String id :
        List.of(
            "chart-channel",
            "chart-hour",
            "chart-rule",
            "chart-attr-language",
            "chart-attr-branch")) {
      assertThat(html).contains("<figure class=\"chart").contains("id=\"" + id + "\"");
    }
    long calls = plan.summary().byChannel().get(dev.outreach.core.Channel.CALL);
    assertThat(html).contains(String.format(Locale.ROOT, "<title>CALL · CALL: %,d</title>", calls));
    // The hour chart puts the 10:00 window's calls in column 10.
    long at10 =
        plan.steps().stream()
            .filter(s -> s.notBefore().getHour() == 10)
            .mapToLong(s -> s.customerIds().size())
            .sum();
    assertThat(at10).isPositive();
    assertThat(html).contains(String.format(Locale.ROOT, "<title>10 · CALL: %,d</title>", at10));
  }

  @Test
  void aboveTheFactsLimitThePageLeavesEachCustomersFactsOutAndSaysSo() {
    Plan plan = Book.plan(customers(30), decisions(30), false);

    String small = HtmlReport.builder(plan).customers(customers(30)).build().render();
    String large =
        HtmlReport.builder(plan).customers(customers(30)).customerFactsLimit(10).build().render();

    assertThat(scriptData(small)).contains("\"fk\":[").contains("\"LOAN-00001\":[");
    assertThat(scriptData(large)).doesNotContain("\"fk\":[").contains("\"cfLimit\":10");
    assertThat(large).contains("id=\"facts-omitted\"").contains("With more than 10 customers");
    assertThat(small).doesNotContain("id=\"facts-omitted\"");
    assertThat(large.length()).isLessThan(small.length());
  }

  @Test
  void moneyIsShownBesideEveryCountInTheChosenCurrency() {
    List<Customer> book = new ArrayList<>();
    for (Customer c : customers(30)) {
      book.add(
          Customer.builder(c.loanId())
              .emiAmount(new java.math.BigDecimal("1000.50"))
              .emiDueDate(java.time.LocalDate.of(2025, 7, 1))
              .language(c.language())
              .build());
    }
    Plan plan = Book.plan(book, decisions(30), false);

    String inr = HtmlReport.builder(plan).customers(book).build().render();
    String usd =
        HtmlReport.builder(plan)
            .customers(book)
            .money(
                dev.outreach.report.money.MoneyFormat.of("USD"),
                dev.outreach.report.money.Buckets.parse("0,30"))
            .build()
            .render();

    // 30 customers of 1,000.50: 30,015 in all
    assertThat(inr)
        .contains("<td class=\"num\">₹30,015</td>")
        .contains("<tr data-bucket=\"31–60\">");
    assertThat(usd).contains("$30,015").doesNotContain("₹").contains("<tr data-bucket=\"30+\">");
    assertThat(inr).contains("id=\"money-outcomes\"").contains("id=\"chart-bucket\"");
    assertThat(inr)
        .containsPattern(
            "id=\"headline\">This run reaches ₹[0-9,]+ of EMIs \\([0-9]+ customers\\)");
  }

  @Test
  void whatACustomerGetsIsToldInPlainWordsInTheirOwnZoneWithItsDaylightSavingOffset() {
    List<Customer> book =
        List.of(
            Customer.builder("NY-1").custom("timezone", "America/New_York").build(),
            Customer.builder("IN-1").build());
    List<Ruling> decisions = new ArrayList<>();
    for (String id : List.of("NY-1", "IN-1")) {
      decisions.add(
          call(
              id,
              "agent_a",
              new Timing(null, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(13, 0)),
              0,
              "Call"));
      decisions.add(sms(id, "tpl", Timing.NOW, "SMS"));
    }
    Plan plan = Book.plan(book, decisions, false);

    String data = scriptData(HtmlReport.builder(plan).customers(book).build().render());

    // 09:00 in Kolkata is 23:30 the day before in New York (EDT in August)
    assertThat(data)
        .contains("a call between 10:00 and 13:00 EDT (UTC-04:00) tomorrow")
        .contains("a call between 10:00 and 13:00 IST (UTC+05:30) today")
        .contains("an SMS at 09:00 IST (UTC+05:30) today")
        .contains("America/New_York, EDT (UTC-04:00)");
  }
}
