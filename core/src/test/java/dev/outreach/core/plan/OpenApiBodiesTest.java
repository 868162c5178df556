package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every body the planner writes is valid against the repository's docs/api/openapi.yaml, which is
 * strict where the documents are silent: an unknown or misspelt key fails here.
 */
class OpenApiBodiesTest {
  static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(
              java.nio.file.Path.of("../docs/api/openapi.yaml").toUri().toString())
          .build();

  static ValidationReport validate(Step s) {
    return VALIDATOR.validateRequest(
        SimpleRequest.Builder.post(s.path())
            .withContentType("application/json")
            .withHeader("Authorization", "Bearer test")
            .withBody(s.bodyBytes())
            .build());
  }

  @Test
  void everyKindOfStepBodyMatchesTheSpec() {
    List<Customer> book =
        IntStream.range(0, 6)
            .mapToObj(i -> Customer.builder("LOAN-" + i).build())
            .collect(Collectors.toList());
    List<Ruling> ds = new ArrayList<>();
    ds.add(
        Contact.of(
            "LOAN-0", Channel.CALL, "agent_abc123", "disp_xyz789", null, null, Timing.NOW, 0, "c"));
    ds.add(
        Contact.of(
            "LOAN-1",
            Channel.SMS,
            null,
            null,
            "hfu7VL6sBhI6NPm",
            null,
            Timing.NOW.at("11:00"),
            0,
            "s"));
    ds.add(
        Contact.of(
            "LOAN-2",
            Channel.WHATSAPP,
            null,
            null,
            "tpl",
            new Conversation("a", "d"),
            Timing.NOW,
            0,
            "w"));
    ds.add(Contact.of("LOAN-3", Channel.WHATSAPP, null, null, "tpl", null, Timing.NOW, 0, "w2"));

    Plan plan = PlannerTest.PLANNER.plan(book, (c, d, sink) -> ds.forEach(sink), PlannerTest.AS_OF);

    assertThat(plan.steps()).hasSize(4);
    for (Step s : plan.steps()) {
      assertThat(validate(s).getMessages()).as(s.id() + " " + s.kind()).isEmpty();
    }
  }

  @Test
  void theValidatorCatchesAMisspeltKey() {
    Step s =
        PlannerTest.PLANNER
            .plan(
                List.of(Customer.builder("L").build()),
                (c, d, sink) ->
                    sink.accept(
                        Contact.of("L", Channel.SMS, null, null, "t", null, Timing.NOW, 0, "r")),
                PlannerTest.AS_OF)
            .steps()
            .get(0);
    Step bad =
        new Step(
            s.id(),
            s.kind(),
            s.method(),
            s.path(),
            s.notBefore(),
            s.notAfter(),
            jakarta.json.Json.createObjectBuilder(s.body()).add("templateID", "x").build(),
            s.customerIds(),
            s.rules());

    assertThat(validate(bad).hasErrors()).isTrue();
  }
}
