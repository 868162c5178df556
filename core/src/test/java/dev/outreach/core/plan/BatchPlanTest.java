package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.suppress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.InvalidDecisionException;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.GuardrailPolicy;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
  static final String AGENT = "3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d";
  static final String FOLDER = "9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9";
  static final String OTHER_FOLDER = "0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f";
  static final BatchCampaign WEEK =
      BatchCampaign.of("Pre-due week", FOLDER).concurrency(20).retries(2);

  static Contact batched(String id, Timing t, BatchCampaign b, String rule) {
    return Contact.of(id, Channel.CALL, AGENT, null, null, null, t, 0, 0, rule, b);
  }

  @Test
  void batchedCallsBecomeOneDraftCampaignAndItsScheduleWithTheDocumentedFields() {
    Plan plan =
        PlannerGuardrailsTest.planner(GuardrailPolicy.defaults())
            .plan(
                PlannerTest.book(3),
                PlannerTest.source(
                    batched("L1", Timing.NOW.window("07:00", "20:00"), WEEK, "pre-due"),
                    batched("L2", Timing.NOW.window("07:00", "20:00"), WEEK, "pre-due"),
                    Decisions.call("L3", "direct")),
                PlannerTest.AS_OF);

    assertThat(plan.steps())
        .extracting(Step::id, Step::kind, Step::path)
        .containsExactly(
            tuple("s0001", StepKind.CREATE_BATCH_CALL, "/api/v1/batch-calls"),
            tuple("s0002", StepKind.SCHEDULE_BATCH_CALL, "/api/v1/batch-calls/{s0001}/schedule"),
            tuple("s0003", StepKind.INITIATE_CALLS, "/api/v1/initiate/CAMP/calls"));
    Step create = plan.steps().get(0);
    // The window is clipped to the RBI calling hours; every day is a working day of the default
    // policy.
    assertThat(new String(create.bodyBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"name\":\"Pre-due week\","
                + "\"agent_id\":\""
                + AGENT
                + "\",\"contact_source\":\"folder\",\"contact_folder_id\":\""
                + FOLDER
                + "\","
                + "\"schedule_type\":\"scheduled\",\"scheduled_at\":\"2025-08-05T09:00:00+05:30\",\"timezone\":\"Asia/Kolkata\","
                + "\"start_time\":\"08:00\",\"end_time\":\"19:00\",\"working_days\":[1,2,3,4,5,6,7],"
                + "\"max_concurrent_calls\":20,\"retry_failed\":true,\"max_retry_attempts\":2}");
    assertThat(create.customerIds()).containsExactly("L1", "L2");
    assertThat(plan.steps().get(1).customerIds()).containsExactly("L1", "L2");
    assertThat(plan.steps().get(1).referencedStepId()).contains("s0001");
    assertThat(PlanJson.TIME.format(create.notAfter())).isEqualTo("2025-08-05T19:00:00+05:30");
    assertThat(plan.summary().byChannel().get(Channel.CALL)).isEqualTo(3);
    assertThat(plan.summary().contacted()).isEqualTo(3);
    assertThat(plan.warnings()).extracting(Plan.Warning::code).containsExactly("BATCH_FOLDER");
    assertThat(plan.warnings().get(0).message())
        .contains(FOLDER, "exactly these 2 customers", "s0002");
  }

  @Test
  void theCampaignStartsWhenEveryCustomerMayBeCalledOnDaysThePolicyAlsoAllows() {
    GuardrailPolicy weekdays =
        GuardrailPolicy.defaults().toBuilder()
            .workingDays(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)
            .holiday(LocalDate.of(2025, 8, 15))
            .build();
    BatchCampaign b = WEEK.days(1, 2, 3, 6);
    Plan plan =
        PlannerGuardrailsTest.planner(weekdays)
            .plan(
                PlannerTest.book(2),
                PlannerTest.source(
                    batched("L1", Timing.NOW.window("10:00", "12:00"), b, "r"),
                    batched(
                        "L2",
                        Timing.NOW.on(LocalDate.of(2025, 8, 6)).window("10:00", "12:00"),
                        b,
                        "r")),
                PlannerTest.AS_OF);

    Step create = plan.steps().get(0);
    assertThat(create.body().getString("scheduled_at")).isEqualTo("2025-08-06T10:00:00+05:30");
    assertThat(create.body().getJsonArray("working_days").toString()).isEqualTo("[1,2,3]");
    assertThat(create.body().getString("start_time") + "-" + create.body().getString("end_time"))
        .isEqualTo("10:00-12:00");
    assertThat(plan.warnings()).extracting(Plan.Warning::code).containsExactly("BATCH_FOLDER");

    GuardrailPolicy fridayHoliday = weekdays.toBuilder().holiday(LocalDate.of(2025, 8, 13)).build();
    Plan withHoliday =
        PlannerGuardrailsTest.planner(fridayHoliday)
            .plan(
                PlannerTest.book(1),
                PlannerTest.source(batched("L1", Timing.NOW, b, "r")),
                PlannerTest.AS_OF);
    assertThat(withHoliday.warnings())
        .extracting(Plan.Warning::code)
        .containsExactly("BATCH_FOLDER", "HOLIDAY");
    assertThat(withHoliday.warnings().get(1).message())
        .contains("2025-08-13")
        .doesNotContain("2025-08-15");
  }

  @Test
  void customersTheRulesPutInAFolderButWhoMustNotBeCalledAreNamed() {
    GuardrailPolicy policy =
        GuardrailPolicy.defaults().toBuilder().doNotContact(List.of("L3")).build();
    Plan plan =
        PlannerGuardrailsTest.planner(policy)
            .plan(
                PlannerTest.book(4),
                PlannerTest.source(
                    batched("L1", Timing.NOW, WEEK, "batch"),
                    batched("L2", Timing.NOW, WEEK, "batch"),
                    suppress("L2", "paid", "paid"),
                    batched("L3", Timing.NOW, WEEK, "batch"),
                    batched("L4", Timing.NOW, WEEK, "batch"),
                    Decisions.call("L4", AGENT, Timing.NOW, 9, "urgent")),
                PlannerTest.AS_OF);

    assertThat(plan.steps().get(0).customerIds()).containsExactly("L1");
    assertThat(plan.warnings())
        .filteredOn(w -> w.code().equals("BATCH_FOLDER_EXCLUDE"))
        .extracting(Plan.Warning::customerId)
        .containsExactly("L2", "L3", "L4");
    assertThat(plan.warnings())
        .filteredOn(w -> "L2".equals(w.customerId()) && w.code().startsWith("BATCH"))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains(FOLDER, "suppressed by rule \"paid\""));
  }

  @Test
  void retriesCountAgainstCallCapsSoACustomerNearTheCapIsKeptOutOfTheCampaign() {
    java.time.Instant yesterday = PlannerTest.AS_OF.minusDays(1).toInstant();
    List<dev.outreach.core.guardrail.ContactHistory.Attempt> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(
          new dev.outreach.core.guardrail.ContactHistory.Attempt(
              "L1", Channel.CALL, yesterday.plusSeconds(i * 60), "no_answer"));
    }
    calls.add(
        new dev.outreach.core.guardrail.ContactHistory.Attempt(
            "L2", Channel.CALL, yesterday, "no_answer"));
    Planner planner =
        Planner.builder("CAMP")
            .zone(java.time.ZoneId.of("Asia/Kolkata"))
            .guardrails(
                new dev.outreach.core.guardrail.Guardrails(
                    GuardrailPolicy.usRegF(), dev.outreach.core.guardrail.ContactHistory.of(calls)))
            .build();

    // Reg F: 7 calls in 7 days. L1 has 4: a first call plus 3 retries could make 8. L2 has 1: at
    // most 5.
    Plan plan =
        planner.plan(
            PlannerTest.book(2),
            PlannerTest.source(
                batched("L1", Timing.NOW, WEEK.retries(3), "r"),
                batched("L2", Timing.NOW, WEEK.retries(3), "r")),
            PlannerTest.AS_OF);
    assertThat(plan.steps().get(0).customerIds()).containsExactly("L2");
    assertThat(plan.warnings())
        .extracting(Plan.Warning::code, Plan.Warning::customerId)
        .contains(tuple("FREQUENCY_CAP", "L1"), tuple("BATCH_FOLDER_EXCLUDE", "L1"));
    assertThat(plan.summary().dropped()).isEqualTo(1);

    Plan noRetries =
        planner.plan(
            PlannerTest.book(2),
            PlannerTest.source(
                batched("L1", Timing.NOW, WEEK.retries(0), "r"),
                batched("L2", Timing.NOW, WEEK.retries(0), "r")),
            PlannerTest.AS_OF);
    assertThat(noRetries.steps().get(0).customerIds()).containsExactly("L1", "L2");
  }

  @Test
  void aFolderIsOneCampaignSoDecisionsThatDisagreeAboutItFailPlanning() {
    List<Customer> book =
        List.of(
            Customer.builder("IN").build(),
            Customer.builder("NY").custom("timezone", "America/New_York").build());
    assertThatThrownBy(
            () ->
                PlannerGuardrailsTest.planner(GuardrailPolicy.none())
                    .plan(
                        book,
                        PlannerTest.source(
                            batched("IN", Timing.NOW, WEEK, "a"),
                            batched("NY", Timing.NOW, WEEK, "a")),
                        PlannerTest.AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FOLDER)
        .hasMessageContaining("Asia/Kolkata vs America/New_York");
    assertThatThrownBy(
            () ->
                PlannerTest.PLANNER.plan(
                    PlannerTest.book(2),
                    PlannerTest.source(
                        batched("L1", Timing.NOW, WEEK, "a"),
                        batched("L2", Timing.NOW, WEEK.retries(3), "b")),
                    PlannerTest.AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule \"a\" (customer L1) and rule \"b\" (customer L2)")
        .hasMessageContaining("retries 3");

    Plan two =
        PlannerTest.PLANNER.plan(
            PlannerTest.book(2),
            PlannerTest.source(
                batched("L1", Timing.NOW, WEEK, "a"),
                batched("L2", Timing.NOW, BatchCampaign.of("Other", OTHER_FOLDER), "b")),
            PlannerTest.AS_OF);
    assertThat(two.steps())
        .extracting(s -> s.kind() + " " + s.path())
        .containsExactly(
            "CREATE_BATCH_CALL /api/v1/batch-calls",
                "SCHEDULE_BATCH_CALL /api/v1/batch-calls/{s0001}/schedule",
            "CREATE_BATCH_CALL /api/v1/batch-calls",
                "SCHEDULE_BATCH_CALL /api/v1/batch-calls/{s0003}/schedule");
  }

  @Test
  void everyDocumentedConstraintIsCheckedWhenARuleAsksForACampaign() {
    assertThatThrownBy(() -> BatchCampaign.of("x".repeat(256), FOLDER))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("1 to 255");
    assertThatThrownBy(() -> BatchCampaign.of(" ", FOLDER)).hasMessageContaining("1 to 255");
    assertThatThrownBy(() -> BatchCampaign.of("n", "folder-7"))
        .hasMessageContaining("contact_folder_id \"folder-7\" is not a UUID");
    assertThatThrownBy(() -> WEEK.concurrency(0))
        .hasMessageContaining("max_concurrent_calls 0 is not from 1 to 100");
    assertThatThrownBy(() -> WEEK.concurrency(101)).hasMessageContaining("101");
    assertThatThrownBy(() -> WEEK.retries(4))
        .hasMessageContaining("max_retry_attempts 4 is not from 0 to 3");
    assertThatThrownBy(() -> WEEK.days(0))
        .hasMessageContaining("days are 1 (Monday) to 7 (Sunday)");
    assertThatThrownBy(() -> WEEK.days()).hasMessageContaining("working_days is empty");
    assertThatThrownBy(() -> WEEK.callsPerDay(0)).hasMessageContaining("max_calls_per_day 0");
    assertThatThrownBy(() -> WEEK.rotation("zigzag"))
        .hasMessageContaining("random, sequential or round_robin");
    assertThatThrownBy(() -> WEEK.phoneNumbers("+91 98")).hasMessageContaining("phone_number_ids");
    assertThat(WEEK.rotation("round_robin").rotation().apiName()).isEqualTo("round_robin");
    assertThat(WEEK.concurrency(1).concurrency(100).maxConcurrentCalls()).isEqualTo(100);

    assertThatThrownBy(
            () ->
                Contact.of(
                    "L1", Channel.CALL, AGENT, "disp", null, null, Timing.NOW, 0, 0, "r", WEEK))
        .hasMessageContaining("rule \"r\"")
        .hasMessageContaining("takes no disposition");
    assertThatThrownBy(
            () ->
                Contact.of(
                    "L1", Channel.CALL, "agent_abc", null, null, null, Timing.NOW, 0, 0, "r", WEEK))
        .hasMessageContaining("agent(...) as a UUID");
    assertThatThrownBy(
            () ->
                Contact.of(
                    "L1",
                    Channel.CALL,
                    AGENT,
                    null,
                    null,
                    null,
                    Timing.NOW.at("10:00"),
                    0,
                    0,
                    "r",
                    WEEK))
        .hasMessageContaining("daily window");
    assertThatThrownBy(
            () -> Contact.of("L1", Channel.SMS, null, null, "t", null, Timing.NOW, 0, 0, "r", WEEK))
        .hasMessageContaining("only calls");
  }

  @Test
  void aDailyWindowOutsideTheCallingHoursIsNeverSentAndTheCustomerIsNamed() {
    Contact c = batched("L1", Timing.NOW.window("20:00", "22:00"), WEEK, "night owls");
    GuardrailPolicy drop =
        GuardrailPolicy.defaults().toBuilder()
            .onViolation(dev.outreach.core.guardrail.OnViolation.DROP)
            .build();
    Plan plan =
        PlannerGuardrailsTest.planner(drop)
            .plan(PlannerTest.book(1), PlannerTest.source(c), PlannerTest.AS_OF);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.summary().dropped()).isEqualTo(1);
    assertThat(plan.warnings())
        .extracting(Plan.Warning::code, Plan.Warning::customerId, Plan.Warning::rule)
        .containsExactly(tuple("CALLING_HOURS", "L1", "night owls"));
  }

  @Test
  void plansWithCampaignsRoundTripThroughJsonByteForByte() {
    Plan plan =
        PlannerTest.PLANNER.plan(
            PlannerTest.book(2),
            PlannerTest.source(
                batched(
                    "L1",
                    Timing.NOW,
                    WEEK.rotation("sequential").phoneNumbers(OTHER_FOLDER).callsPerDay(500),
                    "a"),
                batched(
                    "L2",
                    Timing.NOW,
                    WEEK.rotation("sequential").phoneNumbers(OTHER_FOLDER).callsPerDay(500),
                    "a")),
            PlannerTest.AS_OF);
    String json = PlanJson.write(plan);
    assertThat(PlanJson.write(PlanJson.read(json))).isEqualTo(json);
    assertThat(new String(plan.steps().get(0).bodyBytes(), StandardCharsets.UTF_8))
        .contains("\"phone_rotation_strategy\":\"sequential\"", "\"max_calls_per_day\":500");
  }

  @Test
  void aHandEditedPlanThatBreaksTheBatchCallsDocumentIsRefusedNamingTheField() {
    String json =
        PlanJson.write(
            PlannerTest.PLANNER.plan(
                PlannerTest.book(1),
                PlannerTest.source(batched("L1", Timing.NOW.window("10:00", "12:00"), WEEK, "a")),
                PlannerTest.AS_OF));
    assertThat(PlanValidation.problems(PlanJson.read(json))).isEmpty();

    assertThatThrownBy(
            () ->
                refused(
                    json.replace("\"max_concurrent_calls\": 20", "\"max_concurrent_calls\": 500")))
        .hasMessageContaining(
            "steps[0].body.max_concurrent_calls (step s0001) must be a whole number from 1 to 100, found 500");
    assertThatThrownBy(
            () -> refused(json.replace("\"max_retry_attempts\": 2", "\"max_retry_attempts\": 4")))
        .hasMessageContaining(
            "steps[0].body.max_retry_attempts (step s0001) must be a whole number from 0 to 3");
    assertThatThrownBy(
            () -> refused(json.replace("\"start_time\": \"10:00\"", "\"start_time\": \"10am\"")))
        .hasMessageContaining("steps[0].body.start_time (step s0001) must be HH:MM");
    assertThatThrownBy(() -> refused(json.replace("\"name\": \"Pre-due week\"", "\"name\": \"\"")))
        .hasMessageContaining("steps[0].body.name (step s0001) must be 1 to 255 characters");
    assertThatThrownBy(() -> refused(json.replace("\"working_days\": [", "\"working_days\": [8,")))
        .hasMessageContaining(
            "steps[0].body.working_days[0] (step s0001) must be a whole number from 1 to 7");
    assertThatThrownBy(() -> refused(json.replace("\"retry_failed\"", "\"retry_everything\"")))
        .hasMessageContaining(
            "steps[0].body.retry_everything (step s0001) is not a documented Create Batch Call field");
    assertThatThrownBy(() -> refused(json.replace("{s0001}", "{s0002}")))
        .hasMessageContaining(
            "steps[1].path (step s0002) names s0002, which is not an earlier CREATE_BATCH_CALL step");
  }

  private static void refused(String json) {
    PlanValidation.require(PlanJson.read(json));
  }

  @Test
  void aScheduleStepsPathTakesTheIdItsCreateStepReturned() {
    Step schedule =
        new Step(
            "s0002",
            StepKind.SCHEDULE_BATCH_CALL,
            "POST",
            StepKind.schedulePath("s0001"),
            PlannerTest.AS_OF,
            null,
            jakarta.json.Json.createObjectBuilder().build(),
            List.of("L1"),
            List.of("r"));
    assertThat(schedule.resolvedPath("b7e4")).isEqualTo("/api/v1/batch-calls/b7e4/schedule");
    assertThatThrownBy(() -> schedule.resolvedPath("../x/y")).hasMessageContaining("step s0001");
    assertThatThrownBy(() -> schedule.resolvedPath(null)).hasMessageContaining("s0002");
  }

  @Test
  void onlyAScheduleStepWithItsExactPathRefersToAnEarlierStep() {
    java.util.function.BiFunction<StepKind, String, Step> step =
        (kind, path) ->
            new Step(
                "s0002",
                kind,
                "POST",
                path,
                PlannerTest.AS_OF,
                null,
                jakarta.json.Json.createObjectBuilder().build(),
                List.of("L1"),
                List.of("r"));

    assertThat(
            step.apply(StepKind.SCHEDULE_BATCH_CALL, StepKind.schedulePath("s0001"))
                .referencedStepId())
        .contains("s0001");
    assertThat(
            step.apply(StepKind.CREATE_BATCH_CALL, StepKind.schedulePath("s0001"))
                .referencedStepId())
        .isEmpty();
    assertThat(
            step.apply(StepKind.INITIATE_CALLS, "/api/v1/initiate/{s0001}/calls")
                .referencedStepId())
        .isEmpty();
    for (String odd :
        List.of(
            "/api/v1/batch-calls/{s0001}/schedule/x",
            "/api/v2/batch-calls/{s0001}/schedule",
            "/api/v1/batch-calls/{s0001}{s0003}/schedule",
            "/api/v1/batch-calls/{}/schedule",
            "/api/v1/batch-calls/s0001/schedule")) {
      Step s = step.apply(StepKind.SCHEDULE_BATCH_CALL, odd);
      assertThat(s.referencedStepId()).as(odd).isEmpty();
      assertThat(s.resolvedPath("b1")).as(odd).isEqualTo(odd);
    }
  }
}
