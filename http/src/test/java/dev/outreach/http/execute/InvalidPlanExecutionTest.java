package dev.outreach.http.execute;

import static dev.outreach.http.execute.Plans.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.InvalidPlanException;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanProblem;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tampered plan is refused as a whole before anything is sent: the sandbox receives no request
 * even when the tampered step is the last one, due after the others, and the refusal names every
 * problem.
 */
class InvalidPlanExecutionTest {
  static final String TOKEN = "exec-token";

  /** Calls L1, L5 (s1-calls); SMS L2 (s2-sms); WhatsApp L3, L4 (s3-whatsapp, the last step). */
  static final Plan PLAN = Plans.plan(at("13:00"));

  static final int WHATSAPP = 2;

  final SandboxServer sandbox = SandboxServer.start(TOKEN, Map.of(Plans.CAMPAIGN, Plans.CUSTOMERS));
  @TempDir Path dir;

  @AfterEach
  void stop() {
    sandbox.close();
  }

  PlanExecutor executor() {
    return PlanExecutor.builder(OutreachClient.builder(sandbox.uri()).token(TOKEN).build())
        .meterRegistry(new SimpleMeterRegistry())
        .clock(new MutableClock(at("09:00").toInstant()))
        .respectSchedule(false)
        .maxInFlight(1)
        .build();
  }

  static Step edit(Step s, UnaryOperator<JsonObject> body) {
    return new Step(
        s.id(),
        s.kind(),
        s.method(),
        s.path(),
        s.notBefore(),
        s.notAfter(),
        body.apply(s.body()),
        s.customerIds(),
        s.rules());
  }

  static Step path(Step s, String path) {
    return new Step(
        s.id(),
        s.kind(),
        s.method(),
        path,
        s.notBefore(),
        s.notAfter(),
        s.body(),
        s.customerIds(),
        s.rules());
  }

  static JsonObject with(JsonObject o, String key, String json) {
    var b = Json.createObjectBuilder(o);
    return (json == null
            ? b.remove(key)
            : b.add(key, JsonText.parseObject("{\"v\":" + json + "}").get("v")))
        .build();
  }

  /** {@link #PLAN} with its WhatsApp step replaced by {@code edit} of it. */
  static Plan lastStep(UnaryOperator<Step> edit) {
    List<Step> steps = new ArrayList<>(PLAN.steps());
    steps.set(WHATSAPP, edit.apply(steps.get(WHATSAPP)));
    return Plans.of(steps);
  }

  static Plan plus(Step extra) {
    List<Step> steps = new ArrayList<>(PLAN.steps());
    steps.add(extra);
    return Plans.of(steps);
  }

  static Stream<Arguments> tamperings() {
    Step sms = PLAN.steps().get(1);
    Step wa = PLAN.steps().get(WHATSAPP);
    Step upload = Plans.uploadThenSms().steps().get(0);
    return Stream.of(
        Arguments.of(
            "ids differ from customerIds",
            lastStep(s -> edit(s, b -> with(b, "filters", "{\"ids\": [\"L3\", \"L1\"]}"))),
            "steps[2].body.filters.ids (step s3-whatsapp) selects 1 customer(s) not in the step's customerIds: L1"),
        Arguments.of(
            "no filters",
            lastStep(s -> edit(s, b -> with(b, "filters", null))),
            "steps[2].body.filters (step s3-whatsapp) is missing: the request would reach every customer of the campaign"),
        Arguments.of(
            "empty filters",
            lastStep(s -> edit(s, b -> with(b, "filters", "{}"))),
            "steps[2].body.filters (step s3-whatsapp) is empty"),
        Arguments.of(
            "unknown body key",
            lastStep(s -> edit(s, b -> with(b, "priority", "1"))),
            "steps[2].body.priority (step s3-whatsapp) is not a field of Initiate WhatsApp"),
        Arguments.of(
            "another campaign",
            lastStep(s -> path(s, "/api/v1/initiate/OTHER/whatsapp")),
            "names campaign OTHER, but the plan is for campaign CAMP"),
        Arguments.of(
            "another channel's endpoint",
            lastStep(s -> path(s, "/api/v1/initiate/CAMP/calls")),
            "is the CALL endpoint, but the step is INITIATE_WHATSAPP"),
        Arguments.of(
            "dot segments",
            lastStep(s -> path(s, "/api/v1/initiate/CAMP/../CAMP/whatsapp")),
            "has a dot segment"),
        Arguments.of(
            "absolute URL",
            lastStep(s -> path(s, "http://127.0.0.1:1/api/v1/initiate/CAMP/whatsapp")),
            "is an absolute URL"),
        Arguments.of(
            "percent-encoding",
            lastStep(s -> path(s, "/api/v1/initiate/CAMP%2F..%2FX/whatsapp")),
            "has percent-encoding"),
        Arguments.of(
            "same customers twice on a channel",
            plus(
                new Step(
                    "s4-again",
                    sms.kind(),
                    sms.method(),
                    sms.path(),
                    sms.notBefore(),
                    sms.notAfter(),
                    sms.body(),
                    sms.customerIds(),
                    sms.rules())),
            "steps[3].customerIds (step s4-again) 1 customer(s) are also in step s2-sms, so they would be contacted twice"
                + " on SMS: L2"),
        Arguments.of(
            "limit is not the audience",
            lastStep(s -> edit(s, b -> with(b, "limit", "500"))),
            "steps[2].body.limit (step s3-whatsapp) is 500, but the step has 2 customer(s)"),
        Arguments.of(
            "own customers excluded",
            lastStep(
                s ->
                    edit(
                        s,
                        b ->
                            with(
                                b,
                                "filters",
                                "{\"payment_status\": \"pending\", \"exclude_ids\": [\"L4\"]}"))),
            "excludes 1 of the step's own customerIds: L4"),
        Arguments.of(
            "window ends before it starts",
            lastStep(
                s ->
                    new Step(
                        s.id(),
                        s.kind(),
                        s.method(),
                        s.path(),
                        s.notBefore(),
                        s.notBefore().minusHours(1),
                        s.body(),
                        s.customerIds(),
                        s.rules())),
            "is before notBefore"),
        Arguments.of(
            "no customers",
            lastStep(
                s ->
                    new Step(
                        s.id(),
                        s.kind(),
                        s.method(),
                        s.path(),
                        s.notBefore(),
                        s.notAfter(),
                        with(s.body(), "filters", "{\"language\": \"hindi\"}"),
                        List.of(),
                        s.rules())),
            "steps[2].customerIds (step s3-whatsapp) is empty"),
        Arguments.of(
            "an upload that calls",
            Plans.of(
                List.of(
                    edit(upload, b -> with(b, "initiateCall", "true")),
                    Plans.uploadThenSms().steps().get(1),
                    Plans.uploadThenSms().steps().get(2))),
            "steps[0].body.initiateCall (step up-U1) is true: the upload would call every customer it adds"),
        Arguments.of(
            "a schedule naming no create step",
            plus(
                new Step(
                    "s4-schedule",
                    StepKind.SCHEDULE_BATCH_CALL,
                    "POST",
                    StepKind.schedulePath("s1-calls"),
                    wa.notBefore(),
                    wa.notAfter(),
                    JsonObject.EMPTY_JSON_OBJECT,
                    List.of("L9"),
                    List.of("r"))),
            "names s1-calls, which is not an earlier CREATE_BATCH_CALL step"),
        Arguments.of(
            "GET",
            lastStep(
                s ->
                    new Step(
                        s.id(),
                        s.kind(),
                        "GET",
                        s.path(),
                        s.notBefore(),
                        s.notAfter(),
                        s.body(),
                        s.customerIds(),
                        s.rules())),
            "steps[2].method (step s3-whatsapp) is GET"),
        Arguments.of(
            "a repeated step id",
            lastStep(
                s ->
                    new Step(
                        "s1-calls",
                        s.kind(),
                        s.method(),
                        s.path(),
                        s.notBefore(),
                        s.notAfter(),
                        s.body(),
                        s.customerIds(),
                        s.rules())),
            "repeats the id of an earlier step"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("tamperings")
  void aTamperedPlanSendsNothingAndCreatesNoJournal(String name, Plan tampered, String problem) {
    assertThat(sandbox.received()).isEmpty();

    assertThatThrownBy(() -> executor().execute(tampered))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining(problem);
    Path journal = dir.resolve("plan.journal");
    assertThatThrownBy(() -> PlanExecutor.openJournal(journal, tampered))
        .isInstanceOf(InvalidPlanException.class);

    assertThat(sandbox.received()).isEmpty();
    assertThat(sandbox.initiations()).isEmpty();
    assertThat(Files.exists(journal)).isFalse();
  }

  @Test
  void everyProblemOfThePlanIsListedAtOnce() {
    List<Step> steps = new ArrayList<>(PLAN.steps());
    steps.set(0, path(steps.get(0), "https://evil.example/api/v1/initiate/CAMP/calls"));
    steps.set(1, edit(steps.get(1), b -> with(b, "filters", null)));
    steps.set(2, edit(steps.get(2), b -> with(with(b, "surprise", "true"), "limit", "9")));

    InvalidPlanException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidPlanException.class, () -> executor().execute(Plans.of(steps)));

    assertThat(e.problems())
        .extracting(PlanProblem::stepId)
        .containsExactly("s1-calls", "s2-sms", "s3-whatsapp", "s3-whatsapp");
    assertThat(e.getMessage())
        .startsWith("the plan is refused, nothing of it is sent: 4 problems")
        .contains(
            "steps[0].path (step s1-calls) \"https://evil.example/api/v1/initiate/CAMP/calls\" is an absolute URL",
            "steps[1].body.filters (step s2-sms) is missing",
            "steps[2].body.surprise (step s3-whatsapp) is not a field",
            "steps[2].body.limit (step s3-whatsapp) is 9");
    assertThat(sandbox.received()).isEmpty();
  }

  @Test
  void theUntamperedPlanIsSent() {
    assertThat(executor().execute(PLAN).allDone()).isTrue();
    assertThat(sandbox.initiations()).hasSize(5);
  }
}
