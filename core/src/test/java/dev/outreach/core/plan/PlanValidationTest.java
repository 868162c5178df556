package dev.outreach.core.plan;

import static dev.outreach.core.plan.TamperedPlans.body;
import static dev.outreach.core.plan.TamperedPlans.ids;
import static dev.outreach.core.plan.TamperedPlans.index;
import static dev.outreach.core.plan.TamperedPlans.json;
import static dev.outreach.core.plan.TamperedPlans.problems;
import static dev.outreach.core.plan.TamperedPlans.set;
import static dev.outreach.core.plan.TamperedPlans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.filter.FilterCompiler;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanValidationTest {
  static final Plan FULL = TamperedPlans.full();
  static final int UPLOAD = index(FULL, StepKind.BULK_ADD_CUSTOMERS);
  static final int CREATE = index(FULL, StepKind.CREATE_BATCH_CALL);
  static final int SCHEDULE = index(FULL, StepKind.SCHEDULE_BATCH_CALL);
  static final int CALLS = index(FULL, StepKind.INITIATE_CALLS);
  static final int SMS = index(FULL, StepKind.INITIATE_SMS);
  static final int WHATSAPP = index(FULL, StepKind.INITIATE_WHATSAPP);

  static String id(int i) {
    return FULL.steps().get(i).id();
  }

  @Test
  void plansThePlannerMakesPassWithEveryKindOfStepAndAfterAJsonRoundTrip() {
    assertThat(FULL.steps()).extracting(Step::kind).contains(StepKind.values());
    assertThat(FULL.steps().get(CALLS).body().getJsonObject("filters").keySet())
        .containsExactly("payment_status");

    assertThat(PlanValidation.problems(FULL)).isEmpty();
    assertThat(PlanValidation.problems(PlanJson.read(PlanJson.write(FULL)))).isEmpty();
  }

  @Test
  void plansOfTheWholeSnapshotByIdsAndSplitIntoManyStepsPass() {
    List<dev.outreach.core.Customer> book = TamperedPlans.book();
    Contact[] everyone =
        book.stream()
            .map(c -> Decisions.sms(c.loanId(), "t", Timing.NOW, "all"))
            .toArray(Contact[]::new);
    for (Planner planner :
        List.of(
            PlannerTest.PLANNER,
            Planner.builder("CAMP").filters(FilterCompiler.Mode.IDS).maxIdsPerStep(7).build())) {
      Plan plan = planner.plan(book, PlannerTest.source(everyone), PlannerTest.AS_OF);

      assertThat(plan.steps())
          .allSatisfy(s -> assertThat(s.body().getJsonObject("filters")).isNotEmpty());
      assertThat(PlanValidation.problems(plan)).isEmpty();
    }
  }

  @Test
  void aBodyWhoseIdsDifferFromTheStepsCustomersIsRefused() {
    List<PlanProblem> got =
        problems(
            step(
                FULL,
                SMS,
                s ->
                    body(
                        s,
                        "filters",
                        Json.createObjectBuilder().add("ids", ids("L21", "L39", "L39")).build())));

    assertThat(got)
        .extracting(PlanProblem::stepId, PlanProblem::field)
        .containsOnly(tuple(id(SMS), "steps[" + SMS + "].body.filters.ids"));
    assertThat(got)
        .extracting(PlanProblem::problem)
        .containsExactlyInAnyOrder(
            "lists 1 loan id(s) more than once: L39",
            "selects 1 customer(s) not in the step's customerIds: L39",
            "leaves out 1 of the step's customerIds: L22");
  }

  @Test
  void aContactStepWithoutFiltersOrWithEmptyFiltersWouldReachTheWholeCampaign() {
    assertThat(problems(step(FULL, CALLS, s -> body(s, "filters", null))))
        .extracting(PlanProblem::field, PlanProblem::problem)
        .containsExactly(
            tuple(
                "steps[" + CALLS + "].body.filters",
                "is missing: the request would reach every customer of the campaign"));
    assertThat(problems(step(FULL, SMS, s -> body(s, "filters", JsonObject.EMPTY_JSON_OBJECT))))
        .extracting(PlanProblem::problem)
        .containsExactly("is empty: the request would reach every customer of the campaign");
  }

  @Test
  void unknownBodyKeysAndWrongTypesAreRefusedPerEndpoint() {
    assertThat(
            problems(
                step(
                    FULL,
                    WHATSAPP,
                    s ->
                        body(
                            body(body(s, "templateID", json("\"x\"")), "templateId", null),
                            "conversationSettings",
                            json("{\"agentId\": 7}")))))
        .extracting(PlanProblem::field, PlanProblem::problem)
        .containsExactlyInAnyOrder(
            tuple("steps[" + WHATSAPP + "].body.templateID", "is not a field of Initiate WhatsApp"),
            tuple("steps[" + WHATSAPP + "].body.templateId", "is missing"),
            tuple(
                "steps[" + WHATSAPP + "].body.conversationSettings.agentId",
                "must be a non-empty string, found 7"),
            tuple("steps[" + WHATSAPP + "].body.conversationSettings.dispositionId", "is missing"));
    assertThat(problems(step(FULL, CALLS, s -> body(s, "templateId", json("\"t\"")))))
        .extracting(PlanProblem::problem)
        .containsExactly("is not a field of Initiate Calls");
    assertThat(
            problems(
                step(
                    FULL,
                    CALLS,
                    s -> body(s, "filters", json("{\"payment_status\": [], \"x\": 1}")))))
        .extracting(PlanProblem::problem)
        .singleElement()
        .asString()
        .startsWith("cannot be read: filters.x is not a known filter");
  }

  @Test
  void aLimitThatIsNotTheAudienceSizeAndExcludedOwnCustomersAreRefused() {
    assertThat(problems(step(FULL, CALLS, s -> body(s, "limit", json("21")))))
        .extracting(PlanProblem::problem)
        .containsExactly("is 21, but the step has 20 customer(s) (customerIds)");
    assertThat(problems(step(FULL, CALLS, s -> body(s, "limit", null))))
        .extracting(PlanProblem::problem)
        .singleElement()
        .asString()
        .startsWith("is missing");
    assertThat(
            problems(
                step(
                    FULL,
                    CALLS,
                    s ->
                        body(
                            s,
                            "filters",
                            json(
                                "{\"payment_status\": \"bounced\", \"exclude_ids\": [\"L03\", \"L33\"]}")))))
        .extracting(PlanProblem::field, PlanProblem::problem)
        .containsExactly(
            tuple(
                "steps[" + CALLS + "].body.filters.exclude_ids",
                "excludes 1 of the step's own customerIds: L03"));
  }

  @Test
  void pathsToAnotherCampaignOrChannelOrOutsideTheApiAreRefusedNamingTheExpectedPath() {
    String p = "steps[" + CALLS + "].path";
    assertThat(problems(step(FULL, CALLS, s -> set(s, "path", "/api/v1/initiate/OTHER/calls"))))
        .extracting(PlanProblem::field, PlanProblem::problem, PlanProblem::fix)
        .containsExactly(
            tuple(
                p,
                "\"/api/v1/initiate/OTHER/calls\" names campaign OTHER, but the plan is for campaign CAMP",
                "plan again, or write the path its kind prescribes (INITIATE_CALLS in campaign CAMP: /api/v1/initiate/CAMP/calls)"));
    assertThat(problems(step(FULL, CALLS, s -> set(s, "path", "/api/v1/initiate/CAMP/sms"))))
        .extracting(PlanProblem::problem)
        .containsExactly(
            "\"/api/v1/initiate/CAMP/sms\" is the SMS endpoint, but the step is INITIATE_CALLS");
    assertThat(problems(step(FULL, CALLS, s -> set(s, "path", "/api/v1/customers/add/bulk"))))
        .extracting(PlanProblem::problem)
        .singleElement()
        .asString()
        .contains("is the endpoint of BULK_ADD_CUSTOMERS");
    for (String bad :
        List.of(
            "/api/v1/initiate/CAMP/../OTHER/calls",
            "https://evil.example/api/v1/initiate/CAMP/calls",
            "//evil.example/api/v1/initiate/CAMP/calls",
            "/api/v1/initiate/CAMP/calls?x=1",
            "/api/v1/initiate/CAMP/calls#x",
            "/api/v1/initiate/CAMP%2Fx/calls",
            "/api/v1/initiate//CAMP/calls",
            "/api/v2/initiate/CAMP/calls",
            "api/v1/initiate/CAMP/calls",
            "/api/v1/initiate/CAMP/calls ",
            "/api/v1/initiate/CAMP\\calls")) {
      assertThat(problems(step(FULL, CALLS, s -> set(s, "path", bad))))
          .as(bad)
          .extracting(PlanProblem::stepId, PlanProblem::field)
          .containsExactly(tuple(id(CALLS), p));
    }
  }

  @Test
  void theSameCustomersInTwoStepsOfAChannelAreRefusedNamingThem() {
    String text =
        TamperedPlans.plan(
            FULL,
            o -> {
              JsonObject sms = o.getJsonArray("steps").getJsonObject(SMS);
              JsonArrayBuilder steps = Json.createArrayBuilder(o.getJsonArray("steps"));
              steps.add(set(sms, "id", "copy"));
              return Json.createObjectBuilder(o).add("steps", steps).build();
            });

    assertThat(problems(text))
        .extracting(PlanProblem::stepId, PlanProblem::problem)
        .containsExactly(
            tuple(
                "copy",
                "2 customer(s) are also in step "
                    + id(SMS)
                    + ", so they would be contacted twice on SMS: L21, L22"));
  }

  @Test
  void aCustomerInABatchCampaignAndACallStepIsCalledTwice() {
    String text =
        step(
            FULL,
            CALLS,
            s -> {
              JsonObject t =
                  body(
                      s,
                      "filters",
                      Json.createObjectBuilder().add("ids", ids("L01", "L30")).build());
              return set(body(t, "limit", json("2")), "customerIds", ids("L01", "L30"));
            });

    assertThat(problems(text))
        .extracting(PlanProblem::problem)
        .containsExactly(
            "1 customer(s) are also in step "
                + id(SCHEDULE)
                + ", so they would be contacted twice on CALL: L30");
  }

  @Test
  void twoStepsOfAChannelWithTheSameAttributeFiltersSelectTheSameCustomers() {
    String text =
        TamperedPlans.plan(
            FULL,
            o -> {
              JsonObject calls = o.getJsonArray("steps").getJsonObject(CALLS);
              JsonObject copy =
                  set(
                      set(set(calls, "id", "copy"), "customerIds", ids("L40")),
                      "body",
                      Json.createObjectBuilder(calls.getJsonObject("body"))
                          .add("limit", 1)
                          .build());
              return Json.createObjectBuilder(o)
                  .add("steps", Json.createArrayBuilder(o.getJsonArray("steps")).add(copy))
                  .build();
            });

    assertThat(problems(text))
        .extracting(PlanProblem::stepId, PlanProblem::field)
        .containsExactly(tuple("copy", "steps[" + FULL.steps().size() + "].body.filters"));
  }

  @Test
  void uploadsThatContactOrLeaveTheCampaignOrCarryBadRecordsAreRefused() {
    String p = "steps[" + UPLOAD + "].body";
    String text =
        step(
            FULL,
            UPLOAD,
            s -> {
              JsonObject b = s.getJsonObject("body");
              var records = Json.createArrayBuilder(b.getJsonArray("records"));
              records.set(
                  0,
                  Json.createObjectBuilder(b.getJsonArray("records").getJsonObject(0))
                      .add("phone_number", "call me")
                      .add("branch", "pune"));
              records.set(
                  1,
                  Json.createObjectBuilder(b.getJsonArray("records").getJsonObject(1))
                      .add("emi_amount", "lots"));
              return set(
                  s,
                  "body",
                  Json.createObjectBuilder(b)
                      .add("campaignId", "OTHER")
                      .add("initiateCall", true)
                      .add("callConfig", json("{\"agentId\": \"a\", \"dispositionId\": \"d\"}"))
                      .add("useWorkflow", true)
                      .add("records", records)
                      .build());
            });

    List<PlanProblem> got = problems(text);
    assertThat(got)
        .extracting(PlanProblem::field)
        .containsExactly(
            p + ".campaignId",
            p + ".initiateCall",
            p + ".callConfig",
            p + ".useWorkflow",
            p + ".records[*].phone_number",
            p + ".records[*].branch",
            p + ".records[*].emi_amount");
    assertThat(got.get(4).problem())
        .isEqualTo(
            "is not a phone number (an optional +, then 8 to 15 digits) in 1 record(s): [0] (L01)");
    assertThat(String.valueOf(got)).doesNotContain("call me");
  }

  @Test
  void anUploadMustHoldExactlyItsCustomersOnceAndComeBeforeEveryContact() {
    String text =
        TamperedPlans.plan(
            FULL,
            o -> {
              JsonObject upload = o.getJsonArray("steps").getJsonObject(UPLOAD);
              return Json.createObjectBuilder(o)
                  .add(
                      "steps",
                      Json.createArrayBuilder(o.getJsonArray("steps"))
                          .add(set(set(upload, "id", "late"), "customerIds", ids("L01"))))
                  .build();
            });

    assertThat(problems(text))
        .extracting(PlanProblem::stepId, PlanProblem::problem)
        .contains(
            tuple(
                "late",
                "uploads customers after contact step "
                    + id(SCHEDULE)
                    + "; every upload must come before any contact"),
            tuple(
                "late",
                "uploads 39 customer(s) not in the step's customerIds: L02, L03, L04, L05, L06, L07, L08, L09,"
                    + " L10, L11, … (39 in all)"),
            tuple(
                "late",
                "uploads 40 loan id(s) that step "
                    + id(UPLOAD)
                    + " uploads too: L01, L02, L03, L04, L05, L06,"
                    + " L07, L08, L09, L10, … (40 in all)"));
  }

  @Test
  void batchStepsAreCheckedAgainstTheDocumentAndTheirCreateStep() {
    String p = "steps[" + SCHEDULE + "]";
    assertThat(
            problems(
                step(
                    FULL,
                    SCHEDULE,
                    s ->
                        set(
                            set(s, "path", "/api/v1/batch-calls/{" + id(CALLS) + "}/schedule"),
                            "body",
                            json("{\"now\": true}")))))
        .extracting(PlanProblem::field, PlanProblem::problem)
        .containsExactly(
            tuple(
                p + ".path",
                "names " + id(CALLS) + ", which is not an earlier CREATE_BATCH_CALL step"),
            tuple(p + ".body", "must be {}: scheduling a batch call takes no fields"));
    assertThat(problems(step(FULL, SCHEDULE, s -> set(s, "customerIds", ids("L30")))))
        .extracting(PlanProblem::field)
        .containsExactly(p + ".customerIds");
    assertThat(
            problems(
                step(
                    FULL,
                    CREATE,
                    s ->
                        body(
                            body(s, "max_concurrent_calls", json("500")),
                            "retry_everything",
                            json("true")))))
        .extracting(PlanProblem::field, PlanProblem::problem)
        .containsExactly(
            tuple(
                "steps[" + CREATE + "].body.retry_everything",
                "is not a documented Create Batch Call field"),
            tuple(
                "steps[" + CREATE + "].body.max_concurrent_calls",
                "must be a whole number from 1 to 100, found 500"));
    assertThat(problems(step(FULL, CREATE, s -> set(s, "path", "/api/v1/batch-calls/x"))))
        .hasSize(1);
  }

  @Test
  void timesIdsMethodsAndCustomerListsAreChecked() {
    assertThat(problems(step(FULL, SMS, s -> set(s, "notAfter", "2025-08-05T08:00:00+05:30"))))
        .extracting(PlanProblem::problem)
        .singleElement()
        .asString()
        .contains("is before notBefore");
    assertThat(problems(step(FULL, SMS, s -> set(s, "method", "GET"))))
        .extracting(PlanProblem::field)
        .containsExactly("steps[" + SMS + "].method");
    assertThat(problems(step(FULL, SMS, s -> set(s, "id", id(CALLS)))))
        .extracting(PlanProblem::problem)
        .containsExactly("repeats the id of an earlier step");
    assertThat(
            problems(
                step(
                    FULL,
                    SMS,
                    s ->
                        set(
                            body(
                                body(s, "filters", json("{\"language\": \"hindi\"}")),
                                "limit",
                                null),
                            "customerIds",
                            ids()))))
        .extracting(PlanProblem::field)
        .containsExactly("steps[" + SMS + "].customerIds", "steps[" + SMS + "].body.limit");
  }

  @Test
  void fieldsThatCannotBeReadAreListedForEveryStepTogetherWithWhatTheReadableStepsBreak() {
    String text =
        TamperedPlans.plan(
            FULL,
            o -> {
              var steps = Json.createArrayBuilder(o.getJsonArray("steps"));
              JsonObject sms = o.getJsonArray("steps").getJsonObject(SMS);
              steps.set(SMS, set(set(sms, "kind", "INITIATE_FAX"), "notBefore", "tomorrow"));
              JsonObject calls = o.getJsonArray("steps").getJsonObject(CALLS);
              steps.set(CALLS, set(calls, "path", "/api/v1/initiate/../calls"));
              return Json.createObjectBuilder(o).add("steps", steps).build();
            });

    assertThatThrownBy(() -> PlanJson.read(text))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("3 problems")
        .hasMessageContaining(
            "steps[" + SMS + "].kind (step " + id(SMS) + ") \"INITIATE_FAX\" is not a step kind")
        .hasMessageContaining(
            "steps[" + SMS + "].notBefore (step " + id(SMS) + ") \"tomorrow\" cannot be read")
        .hasMessageContaining(
            "steps[" + CALLS + "].path (step " + id(CALLS) + ") \"/api/v1/initiate/../calls\"");
  }

  @Test
  void aMisspeltStepFieldIsRefusedRatherThanIgnored() {
    String text =
        step(
            FULL,
            SMS,
            s -> {
              JsonObject t = set(s, "notafter", s.getString("notAfter"));
              return Json.createObjectBuilder(t).remove("notAfter").build();
            });

    assertThat(problems(text))
        .extracting(PlanProblem::stepId, PlanProblem::field)
        .containsExactly(tuple(id(SMS), "steps[" + SMS + "].notafter"));
  }

  @Test
  void everyProblemIsListedInTheExceptionNotOnlyTheFirst() {
    String text =
        TamperedPlans.plan(
            FULL,
            o -> {
              var steps = Json.createArrayBuilder(o.getJsonArray("steps"));
              steps.set(SMS, body(o.getJsonArray("steps").getJsonObject(SMS), "filters", null));
              steps.set(
                  CALLS,
                  set(o.getJsonArray("steps").getJsonObject(CALLS), "path", "https://x.example/a"));
              steps.set(
                  WHATSAPP,
                  body(o.getJsonArray("steps").getJsonObject(WHATSAPP), "surprise", json("1")));
              return Json.createObjectBuilder(o).add("steps", steps).build();
            });
    Plan plan = PlanJson.read(text);

    assertThatThrownBy(() -> PlanValidation.require(plan))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageStartingWith("the plan is refused, nothing of it is sent: 3 problems")
        .hasMessageContaining(
            "steps["
                + CALLS
                + "].path (step "
                + id(CALLS)
                + ") \"https://x.example/a\" is an absolute URL")
        .hasMessageContaining("steps[" + SMS + "].body.filters (step " + id(SMS) + ") is missing")
        .hasMessageContaining(
            "steps[" + WHATSAPP + "].body.surprise (step " + id(WHATSAPP) + ") is not a field");
    assertThat(PlanValidation.problems(plan)).hasSize(3);
  }

  @Test
  void aCampaignIdThatIsNotOnePathSegmentIsRefusedByThePlannerAndTheValidator() {
    for (String bad : List.of("../admin", "CAMP 2025", "CAMP?x=1", "CAMP%2F", "..")) {
      assertThat(problems(TamperedPlans.plan(FULL, o -> set(o, "campaignId", bad))))
          .as(bad)
          .extracting(PlanProblem::field)
          .contains("campaignId");
      assertThatThrownBy(() -> Planner.builder(bad))
          .as(bad)
          .hasMessageContaining("one path segment");
    }
  }

  @Test
  void longListsOfLoanIdsAreCappedWithACount() {
    List<String> many =
        IntStream.rangeClosed(1, 25).mapToObj(i -> "X" + i).collect(Collectors.toList());
    String text =
        step(
            FULL,
            SMS,
            s ->
                body(
                    s,
                    "filters",
                    Json.createObjectBuilder().add("ids", Json.createArrayBuilder(many)).build()));

    assertThat(problems(text))
        .extracting(PlanProblem::problem)
        .contains(
            "selects 25 customer(s) not in the step's customerIds: X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, … (25 in all)");
  }
}
