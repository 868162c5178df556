package dev.outreach.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.report.diff.Change;
import dev.outreach.report.diff.PlanDiff;
import dev.outreach.report.explain.DecisionFate;
import dev.outreach.report.explain.ExplainText;
import dev.outreach.report.explain.Explanation;
import dev.outreach.report.html.HtmlReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch-call steps (a create that rings nobody, then the schedule that does) in every report. */
class BatchReportTest {
  static final String AGENT = "3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d";
  static final String OTHER_AGENT = "7a0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d";
  static final BatchCampaign WEEK =
      BatchCampaign.of("Pre-due week", "9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9");
  static final List<Customer> BOOK =
      List.of(Customer.builder("L1").build(), Customer.builder("L2").build());

  static List<Ruling> batched(String agent) {
    return List.of(
        Contact.of(
            "L1", Channel.CALL, agent, null, null, null, Timing.NOW, 0, 0, "batch rule", WEEK),
        Contact.of(
            "L2", Channel.CALL, agent, null, null, null, Timing.NOW, 0, 0, "batch rule", WEEK));
  }

  static List<Ruling> batchedIn(Timing window) {
    return List.of(
        Contact.of("L1", Channel.CALL, AGENT, null, null, null, window, 0, 0, "batch rule", WEEK),
        Contact.of("L2", Channel.CALL, AGENT, null, null, null, window, 0, 0, "batch rule", WEEK));
  }

  @Test
  void theDiffSeesABatchCampaignCallingAtOtherHours() {
    // Planned at 09:00: the campaign calls from 10:00 in one plan, from 14:00 in the other. Both
    // schedule
    // steps are sent now and expire at 18:00, so only the campaign's own scheduled_at and window
    // differ.
    Plan morning = Book.plan(BOOK, batchedIn(Timing.NOW.window("10:00", "18:00")), false);
    Plan afternoon = Book.plan(BOOK, batchedIn(Timing.NOW.window("14:00", "18:00")), false);
    PlanDiff d = PlanDiff.of(morning, afternoon, "a", "b");
    assertThat(d.changes()).extracting(Change::customerId).containsExactly("L1", "L2");
    assertThat(d.changes()).extracting(Change::kind).containsOnly(Change.Kind.TIMING_CHANGED);
    assertThat(d.changes().get(0).before().describe()).contains("2025-08-05 10:00");
    assertThat(d.changes().get(0).after().describe()).contains("2025-08-05 14:00");

    // Another daily window that opens before the run leaves scheduled_at (now) alone: still a
    // change, shown.
    Plan wide = Book.plan(BOOK, batchedIn(Timing.NOW.window("08:00", "18:00")), false);
    Plan narrow = Book.plan(BOOK, batchedIn(Timing.NOW.window("09:00", "18:00")), false);
    List<Change> changes = PlanDiff.of(wide, narrow, "a", "b").changes();
    assertThat(changes).extracting(Change::customerId).containsExactly("L1", "L2");
    assertThat(changes.get(0).before().describe()).contains("daily 08:00-18:00");
    assertThat(changes.get(0).after().describe()).contains("daily 09:00-18:00");
  }

  @Test
  void theHourChartPutsBatchedCallsAtTheHourTheCampaignStartsInTheCustomersZone() {
    // Planned at 09:00 in Kolkata, which is 20:30 the evening before in Los Angeles: the campaign
    // starts
    // calling at 10:00 there, and the chart must say so, not the hour the schedule request is sent.
    List<Customer> la =
        List.of(
            Customer.builder("L1").custom("timezone", "America/Los_Angeles").build(),
            Customer.builder("L2").custom("timezone", "America/Los_Angeles").build());
    Plan plan = Book.plan(la, batchedIn(Timing.NOW.window("10:00", "18:00")), false);
    assertThat(plan.steps().get(0).body().getString("scheduled_at"))
        .isEqualTo("2025-08-05T10:00:00-07:00");

    String html = HtmlReport.builder(plan).customers(la).build().render();
    assertThat(html)
        .contains("<title>10 · CALL: 2</title>")
        .doesNotContain("<title>20 · CALL: 2</title>");

    // The steps expire when the first calling day ends there, 18:00 in Los Angeles: 06:30 the next
    // day in
    // the plan's zone, which is the zone every report's step times are read in.
    assertThat(plan.steps())
        .allSatisfy(
            st -> {
              assertThat(st.notAfter())
                  .isEqualTo(java.time.OffsetDateTime.parse("2025-08-06T06:30:00+05:30"));
              assertThat(st.notAfter().getOffset()).isEqualTo(Book.AS_OF.getOffset());
            });
    assertThat(TextReport.render(plan))
        .contains("2025-08-05 09:00 08-06 06:30")
        .doesNotContain("09:00 18:00")
        .contains("\"Pre-due week\" from 08-05 10:00, 10:00-18:00 America/Los_Angeles");
    Plan home = Book.plan(BOOK, batchedIn(Timing.NOW.window("10:00", "18:00")), false);
    assertThat(TextReport.render(home))
        .contains("\"Pre-due week\" from 08-05 10:00, 10:00-18:00\n")
        .as("the plan's own zone is in the header, not on every row")
        .doesNotContain("10:00-18:00 Asia/Kolkata");
  }

  @Test
  void theReportsShowBothBatchStepsAndTheScheduleAsTheOneThatReaches() {
    Plan plan = Book.plan(BOOK, batched(AGENT), false);
    assertThat(plan.steps())
        .extracting(Step::kind)
        .containsExactly(StepKind.CREATE_BATCH_CALL, StepKind.SCHEDULE_BATCH_CALL);
    String create = plan.steps().get(0).id();

    String html = HtmlReport.builder(plan).customers(BOOK).build().render();
    assertThat(html)
        .contains(">CREATE_BATCH_CALL<")
        .contains(">SCHEDULE_BATCH_CALL<")
        .contains("contacts nobody by itself")
        .contains("{" + create + "} is the id that step " + create + " returns")
        .contains("<title>CALL · CALL: 2</title>");

    Explanation e =
        Explanation.of(
            PlanIndex.of(plan),
            BOOK.get(0),
            Book.ZONE,
            List.of("batch rule"),
            List.copyOf(batched(AGENT).subList(0, 1)));
    assertThat(e.status()).isEqualTo(PlanIndex.Status.CONTACTED);
    assertThat(e.decisions().get(0).fate()).isEqualTo(DecisionFate.Fate.PLANNED);
    assertThat(e.decisions().get(0).step().kind()).isEqualTo(StepKind.SCHEDULE_BATCH_CALL);
    assertThat(ExplainText.render(e).replaceAll("\\s+", " "))
        .contains(
            "campaign \"Pre-due week\" calls from"
                + " 2025-08-05T09:00:00+05:30, daily 08:00-19:00 Asia/Kolkata, days [1,2,3,4,5,6,7], retries 0; contacts: folder"
                + " 9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9");
    assertThat(ExplainText.render(e))
        .contains("CREATE_BATCH_CALL")
        .contains("SCHEDULE_BATCH_CALL")
        .contains("{" + create + "} is")
        .contains("batch-call campaign \"Pre-due week\", agent " + AGENT);

    PlanDiff d = PlanDiff.of(plan, Book.plan(BOOK, batched(OTHER_AGENT), false), "a", "b");
    assertThat(d.changes()).extracting(Change::kind).containsOnly(Change.Kind.REQUEST_CHANGED);
    assertThat(d.changes().get(0).after().describe())
        .contains(OTHER_AGENT)
        .contains("Pre-due week");
  }
}
