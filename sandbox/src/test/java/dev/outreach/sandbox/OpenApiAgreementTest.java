package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox validates bodies by hand (keeping its main code free of an OpenAPI library); here a
 * standard validator over {@code openapi.yaml} (the repository's docs/api/) judges the same bodies.
 * Where the spec rejects a body the sandbox must answer 400; where it accepts one the sandbox must
 * carry it out, except in the few places the sandbox is stricter on purpose (listed last, each with
 * its reason).
 */
class OpenApiAgreementTest {
  static final OpenApiInteractionValidator SPEC =
      OpenApiInteractionValidator.createForSpecificationUrl(
              Path.of("../docs/api/openapi.yaml").toUri().toString())
          .build();
  static final String TOKEN = "spec-token";
  static SandboxServer sandbox;

  @BeforeAll
  static void start() {
    sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign(
                "CAMP",
                List.of(
                    Customer.builder("L1")
                        .paymentStatus("bounced")
                        .language("hindi")
                        .emiDueDate(LocalDate.parse("2025-08-10"))
                        .emiAmount(new BigDecimal("9000"))
                        .custom("branch", "mumbai")
                        .build()))
            .start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static boolean specAccepts(String path, String body) {
    return !SPEC.validateRequest(
            SimpleRequest.Builder.post(path)
                .withContentType("application/json")
                .withHeader("Authorization", "Bearer " + TOKEN)
                .withBody(body)
                .build())
        .hasErrors();
  }

  static int sandboxStatus(String path, String body) {
    return new Api(sandbox.uri(), TOKEN).post(path, body).status();
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\"}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"limit\":5,\"filters\":{\"ids\":[\"L1\"]}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"payment_status\":[\"bounced\",\"paid\"],\"language\":\"hindi\"}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"emi_due_date\":{\"from\":\"2025-08-01\"},\"emi_amount\":{\"max\":10000}}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"custom\":{\"branch\":[\"mumbai\",\"pune\"]},\"exclude_ids\":[\"L9\"]}}",
        "calls|{\"dispositionId\":\"d\"}",
        "calls|{\"agentId\":\"\",\"dispositionId\":\"d\"}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"limit\":0}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"limit\":1.5}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"templateId\":\"t\"}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"ids\":[]}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"ids\":[\"\"]}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"branch\":\"mumbai\"}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"emi_due_date\":{}}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"emi_due_date\":{\"from\":\"01/08/2025\"}}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"emi_amount\":{\"min\":\"5000\"}}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"payment_status\":[]}}",
        "calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"custom\":{\"branch\":{\"in\":\"x\"}}}}",
        "sms|{\"templateId\":\"t\"}",
        "sms|{\"templateId\":\"t\",\"filters\":{\"language\":[\"hindi\"]}}",
        "sms|{}",
        "sms|{\"templateId\":7}",
        "sms|{\"templateId\":\"t\",\"agentId\":\"a\"}",
        "whatsapp|{\"templateId\":\"t\",\"conversationSettings\":{\"agentId\":\"a\",\"dispositionId\":\"d\"}}",
        "whatsapp|{\"templateId\":\"t\",\"conversationSettings\":{\"agentId\":\"a\"}}",
        "whatsapp|{\"templateId\":\"t\",\"conversationSettings\":{\"agentId\":\"a\",\"dispositionId\":\"d\",\"x\":1}}",
      })
  void initiateBodiesAreJudgedAsTheSpecJudgesThem(String channel, String body) {
    String path = "/api/v1/initiate/CAMP/" + channel;
    boolean valid = specAccepts(path, body);

    int status = sandboxStatus(path, body);

    if (valid) {
      assertThat(status).isEqualTo(200);
    } else {
      assertThat(status).isEqualTo(400);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\",\"emi_amount\":100.5,\"emi_due_date\":\"2025-08-01\",\"lead_date\":\"2025-01-01\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"}],\"initiateCall\":true,\"callConfig\":{\"agentId\":\"a\",\"dispositionId\":\"d\"}}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"}],\"useWorkflow\":true}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\",\"branch\":\"pune\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[]}",
        "{\"campaignId\":\"\",\"records\":[{\"loan_id\":\"N1\"}]}",
        "{\"records\":[{\"loan_id\":\"N1\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"first_name\":\"A\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\",\"emi_amount\":\"100\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\",\"emi_due_date\":\"2025-13-01\"}]}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"}],\"extra\":true}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"}],\"callConfig\":{\"agentId\":\"a\"}}",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"}],\"useWorkflow\":\"yes\"}",
      })
  void bulkAddBodiesAreJudgedAsTheSpecJudgesThem(String body) {
    String path = "/api/v1/customers/add/bulk";
    boolean valid = specAccepts(path, body);

    int status = sandboxStatus(path, body);

    if (valid) {
      assertThat(status).isEqualTo(201);
    } else {
      assertThat(status).isEqualTo(400);
    }
  }

  /**
   * Bodies the spec lets through that the sandbox refuses on purpose; never the other way round.
   */
  @ParameterizedTest(name = "[{index}] {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/initiate/CAMP/calls|{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"emi_due_date\":{\"from\":\"2025-09-01\",\"to\":\"2025-08-01\"}}}|a range that ends before it starts selects nobody",
        "/api/v1/customers/add/bulk|{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\",\"loan_period\":2.5}]}|a loan period is a whole number of months",
        "/api/v1/customers/add/bulk|{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"},{\"loan_id\":\"N1\"}]}|a loan id twice in one request",
        "/api/v1/customers/add/bulk|{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"}],\"initiateCall\":true}|initiateCall needs callConfig (the document says so)",
      })
  void whereTheSandboxIsStricterOnPurpose(String path, String body, String why) {
    assertThat(specAccepts(path, body)).as("the spec accepts it").isTrue();
    assertThat(sandboxStatus(path, body)).as(why).isEqualTo(400);
  }
}
