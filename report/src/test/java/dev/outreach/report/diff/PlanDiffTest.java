package dev.outreach.report.diff;

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
import dev.outreach.report.html.HtmlDiff;
import jakarta.json.JsonObject;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
  static final List<Customer> BOOK =
      IntStream.rangeClosed(1, 8)
          .mapToObj(i -> Customer.builder("L" + i).build())
          .collect(Collectors.toList());

  static Timing at(int hour) {
    return new Timing(null, LocalTime.of(hour, 0), null);
  }

  static final List<Ruling> BASE =
      List.of(
          call("L2", "a", at(10), 0, "call"),
          call("L3", "a", at(10), 0, "call"),
          call("L4", "a", at(10), 0, "call"),
          call("L5", "a", at(10), 0, "call"),
          call("L6", "a", at(10), 0, "call"),
          call("L8", "a", at(10), 0, "call"));
  static final List<Ruling> CHANGED =
      List.of(
          call("L1", "a", at(10), 0, "call"),
          suppress("L2", "disputed", "dispute"),
          sms("L3", "t", at(10), "sms"),
          call("L4", "a", at(11), 0, "call"),
          call("L5", "b", at(10), 0, "call"),
          call("L6", "a", at(10), 0, "call"),
          suppress("L7", "deceased", "deceased"),
          call("L8", "a", at(12), 0, "call"));

  static PlanDiff diff() {
    Plan a = Book.plan(BOOK, BASE, false);
    Plan b = Book.plan(BOOK, CHANGED, false);
    return PlanDiff.of(a, b, "rules v1", "rules v2");
  }

  @Test
  void eachChangedCustomerIsClassifiedAndTheUnchangedOneIsLeftOut() {
    PlanDiff d = diff();

    Map<String, Change.Kind> kinds =
        d.changes().stream().collect(Collectors.toMap(Change::customerId, Change::kind));
    assertThat(kinds)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "L1",
                Change.Kind.NEWLY_CONTACTED,
                "L2",
                Change.Kind.NO_LONGER_CONTACTED,
                "L3",
                Change.Kind.CHANNEL_CHANGED,
                "L4",
                Change.Kind.TIMING_CHANGED,
                "L8",
                Change.Kind.TIMING_CHANGED,
                "L5",
                Change.Kind.REQUEST_CHANGED,
                "L7",
                Change.Kind.STATUS_CHANGED));
    assertThat(d.transitions())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "UNDECIDED -> CONTACTED", "CONTACTED -> SUPPRESSED", "UNDECIDED -> SUPPRESSED");
  }

  @Test
  void textJsonAndHtmlTellTheSameChanges() {
    PlanDiff d = diff();

    String text = DiffText.render(d, 20);
    assertThat(text)
        .contains("Customers whose outcome changes: 7")
        .contains("base:    rules v1")
        .contains(
            "  L4\n      before: CALL a / disp 2025-08-05 10:00-19:00\n      after:  CALL a / disp 2025-08-05 11:00-19:00")
        .contains("after:  suppressed (disputed)");
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(DiffText.render(d, 1))
        .contains("  L4\n")
        .doesNotContain("  L8\n")
        .contains("… and 1 more (--format json lists every one)");

    JsonObject json = JsonText.parseObject(DiffJson.write(d));
    assertThat(json.getInt("customersChanged")).isEqualTo(7);
    assertThat(json.getJsonObject("counts").getInt("TIMING_CHANGED")).isEqualTo(2);
    JsonObject l3 =
        json.getJsonArray("changes").stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getString("customerId").equals("L3"))
            .findFirst()
            .orElseThrow();
    assertThat(
            l3.getJsonObject("before")
                .getJsonArray("contacts")
                .getJsonObject(0)
                .getString("channel"))
        .isEqualTo("CALL");
    assertThat(
            l3.getJsonObject("after")
                .getJsonArray("contacts")
                .getJsonObject(0)
                .getString("channel"))
        .isEqualTo("SMS");

    String html = HtmlDiff.render(d, 20);
    assertThat(html)
        .contains("Customers whose outcome changes: 7")
        .contains("<td class=\"id\">L5</td>")
        .contains("id=\"chart-kinds\"");
  }
}
