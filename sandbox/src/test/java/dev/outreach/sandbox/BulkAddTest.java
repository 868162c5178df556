package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.JsonText;
import dev.outreach.sandbox.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkAddTest {
  static final String BULK = "/api/v1/customers/add/bulk";
  static final String TOKEN = "bulk-token";

  SandboxServer sandbox;
  Api api;

  @BeforeEach
  void start() {
    sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign(
                "CAMP",
                List.of(
                    Customer.builder("L1")
                        .paymentStatus("bounced")
                        .language("hindi")
                        .custom("branch", "mumbai")
                        .build(),
                    Customer.builder("L2").paymentStatus("pending").build()))
            .start();
    api = new Api(sandbox.uri(), TOKEN);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static String body(String records) {
    return "{\"campaignId\":\"CAMP\",\"records\":[" + records + "]}";
  }

  List<String> loanIds() {
    return sandbox.customers("CAMP").stream().map(Customer::loanId).toList();
  }

  @Test
  void addsNewCustomersWith201AndTheDocumentedResults() {
    Answer a =
        api.post(
            BULK,
            body(
                "{\"loan_id\":\"L3\",\"phone_number\":\"+919800000003\",\"emi_amount\":12500.50,"
                    + "\"loan_period\":24,\"emi_due_date\":\"2025-08-10\",\"payment_status\":\"bounced\",\"language\":\"hindi\"},"
                    + "{\"loan_id\":\"L4\",\"payment_status\":\"pending\"}"));

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json())
        .isEqualTo(
            JsonText.parseObject(
                "{\"success\":true,\"message\":\"Added 2 of 2 records\","
                    + "\"results\":{\"total\":2,\"valid\":2,\"invalid\":0,\"successful\":2,\"failed\":0,\"batchesProcessed\":1,"
                    + "\"errors\":[]}}"));
    assertThat(loanIds()).containsExactly("L1", "L2", "L3", "L4");
    Customer l3 = sandbox.customers("CAMP").get(2);
    assertThat(l3.emiAmount()).isEqualByComparingTo("12500.50");
    assertThat(l3.loanPeriod()).isEqualTo(24);
    assertThat(l3.emiDueDate()).isEqualTo(LocalDate.parse("2025-08-10"));
    assertThat(sandbox.initiations()).as("adding never contacts by itself").isEmpty();
  }

  @Test
  void addedCustomersAreSelectedByLaterInitiations() {
    api.post(BULK, body("{\"loan_id\":\"L3\",\"payment_status\":\"bounced\"}"));

    Answer a =
        api.post(
            "/api/v1/initiate/CAMP/sms",
            "{\"templateId\":\"t\",\"filters\":{\"payment_status\":\"bounced\"}}");

    assertThat(a.status()).isEqualTo(200);
    assertThat(sandbox.initiations()).extracting(Initiation::loanId).containsExactly("L1", "L3");
  }

  @Test
  void aKnownLoanIdIsUpdatedInPlaceKeepingItsCustomAttributes() {
    Answer a = api.post(BULK, body("{\"loan_id\":\"L1\",\"payment_status\":\"paid\"}"));

    assertThat(a.status()).isEqualTo(201);
    assertThat(loanIds()).containsExactly("L1", "L2");
    Customer l1 = sandbox.customers("CAMP").get(0);
    assertThat(l1.paymentStatus()).isEqualTo("paid");
    assertThat(l1.language()).as("the record's fields replace the old ones").isNull();
    assertThat(l1.custom()).containsEntry("branch", "mumbai");
    Answer none =
        api.post(
            "/api/v1/initiate/CAMP/sms",
            "{\"templateId\":\"t\",\"filters\":{\"payment_status\":\"bounced\"}}");
    assertThat(none.status()).isEqualTo(404);
  }

  @Test
  void aPhoneNumberThatIsNoPhoneNumberFailsTheRecordMasked() {
    Answer a =
        api.post(
            BULK,
            body(
                "{\"loan_id\":\"L3\",\"phone_number\":\"not-a-phone\"},"
                    + "{\"loan_id\":\"L4\",\"phone_number\":\"+91987654321098765\"},"
                    + "{\"loan_id\":\"L5\",\"phone_number\":\"+919800000005\"}"));

    assertThat(a.status()).isEqualTo(207);
    assertThat(
            a.json().getJsonObject("results").getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("message"))
        .allSatisfy(
            m ->
                assertThat(m)
                    .startsWith("phone_number \"")
                    .contains("is not a phone number")
                    .doesNotContain("98765"))
        .hasSize(2);
    assertThat(loanIds()).containsExactly("L1", "L2", "L5");
  }

  @Test
  void aKeyThatIsNotARecordFieldFailsTheRecord() {
    Answer a =
        api.post(
            BULK,
            body("{\"loan_id\":\"L3\",\"phone_numbr\":\"+919800000003\"},{\"loan_id\":\"L4\"}"));

    assertThat(a.status()).isEqualTo(207);
    assertThat(
            a.json()
                .getJsonObject("results")
                .getJsonArray("errors")
                .getJsonObject(0)
                .getString("message"))
        .startsWith("phone_numbr is not a record field");
    assertThat(loanIds()).containsExactly("L1", "L2", "L4");
  }

  @Test
  void badRecordsFailOneByOneWith207NamingIndexLoanIdAndField() {
    Answer a =
        api.post(
            BULK,
            body(
                String.join(
                    ",",
                    "{\"loan_id\":\"L5\"}",
                    "{\"first_name\":\"Asha\"}",
                    "{\"loan_id\":\"L6\",\"emi_due_date\":\"05/08/2025\"}",
                    "{\"loan_id\":\"L7\",\"loan_amount\":\"lots\",\"loan_period\":2.5}",
                    "{\"loan_id\":\"L8\"}",
                    "{\"loan_id\":\"L8\",\"language\":\"tamil\"}",
                    "\"L9\"")));

    assertThat(a.status()).isEqualTo(207);
    assertThat(a.json().getBoolean("success")).isFalse();
    JsonObject results = a.json().getJsonObject("results");
    assertThat(results.getInt("total")).isEqualTo(7);
    assertThat(results.getInt("valid")).isEqualTo(1);
    assertThat(results.getInt("invalid")).isEqualTo(6);
    assertThat(results.getInt("successful")).isEqualTo(1);
    assertThat(results.getInt("failed")).isEqualTo(6);
    List<String> errors =
        results.getJsonArray("errors").stream()
            .map(JsonValue::asJsonObject)
            .map(
                e ->
                    e.getInt("index")
                        + " "
                        + e.getString("loan_id", "-")
                        + " "
                        + e.getString("message"))
            .toList();
    assertThat(errors)
        .satisfiesExactly(
            e -> assertThat(e).isEqualTo("1 - loan_id is required"),
            e ->
                assertThat(e)
                    .startsWith("2 L6 ")
                    .contains("emi_due_date must be a date YYYY-MM-DD"),
            e ->
                assertThat(e)
                    .startsWith("3 L7 ")
                    .contains("loan_amount must be a number")
                    .contains("loan_period must be a whole number"),
            e ->
                assertThat(e)
                    .startsWith("4 L8 ")
                    .contains("appears 2 times in this request (records [4, 5])"),
            e -> assertThat(e).startsWith("5 L8 ").contains("appears 2 times"),
            e -> assertThat(e).isEqualTo("6 - a record must be an object, found string"));
    assertThat(loanIds()).containsExactly("L1", "L2", "L5");
  }

  @Test
  void whenEveryRecordFailsItIs400AndNothingIsAdded() {
    Answer a = api.post(BULK, body("{\"loan_id\":\"\"},{\"loan_id\":7}"));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().getJsonObject("results").getInt("failed")).isEqualTo(2);
    assertThat(
            a.json()
                .getJsonObject("results")
                .getJsonArray("errors")
                .getJsonObject(0)
                .getString("message"))
        .isEqualTo("loan_id must not be empty");
    assertThat(loanIds()).containsExactly("L1", "L2");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"records\":[{\"loan_id\":\"X\"}]}|campaignId is required",
        "{\"campaignId\":\"CAMP\"}|records is required",
        "{\"campaignId\":\"CAMP\",\"records\":[]}|records is empty",
        "{\"campaignId\":\"CAMP\",\"records\":{}}|records must be an array",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"X\"}],\"campaign\":1}|campaign is not a known field",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"X\"}],\"initiateCall\":true}|callConfig is required when initiateCall is true",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"X\"}],\"initiateCall\":true,\"callConfig\":{\"agentId\":\"a\",\"dispositionId\":\"d\"},\"useWorkflow\":true}|initiateCall and useWorkflow cannot both be true",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"X\"}],\"initiateCall\":true,\"callConfig\":{\"agentId\":\"a\"}}|callConfig.dispositionId is required",
        "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"X\"}],\"initiateCall\":\"yes\"}|initiateCall must be true or false",
        "[]|expected a JSON object",
      })
  void badRequestsAre400NamingTheFieldAndAddNothing(String json, String expected) {
    Answer a = api.post(BULK, json);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).startsWith("validation error: ").contains(expected);
    assertThat(loanIds()).containsExactly("L1", "L2");
  }

  @Test
  void tenThousandRecordsAreAcceptedButNotOneMore() {
    String ok =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "{\"loan_id\":\"N" + i + "\"}")
            .collect(Collectors.joining(","));

    Answer tooMany = api.post(BULK, body(ok + ",{\"loan_id\":\"N10000\"}"));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.message()).contains("records holds 10001 records; at most 10000");
    assertThat(loanIds()).hasSize(2);

    Answer all = api.post(BULK, body(ok));
    assertThat(all.status()).isEqualTo(201);
    assertThat(all.json().getJsonObject("results").getInt("batchesProcessed")).isEqualTo(20);
    assertThat(loanIds()).hasSize(10_002);
  }

  @Test
  void anUnknownCampaignIs404() {
    Answer a = api.post(BULK, "{\"campaignId\":\"NOPE\",\"records\":[{\"loan_id\":\"X\"}]}");

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.message()).isEqualTo("campaign not found: NOPE");
  }

  @Test
  void initiateCallCallsTheAddedCustomersOnlyWithTheCallConfig() {
    Answer a =
        api.post(
            BULK,
            "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"L3\"},{\"loan_id\":\"L4\"},"
                + "{\"loan_id\":\"\"}],\"initiateCall\":true,\"callConfig\":{\"agentId\":\"ag\",\"dispositionId\":\"dp\"}}",
            "bulk-1");

    assertThat(a.status()).isEqualTo(207);
    assertThat(a.json().getJsonObject("callResults").getInt("initiated")).isEqualTo(2);
    assertThat(sandbox.initiations())
        .containsExactly(
            new Initiation("CAMP", Channel.CALL, "L3", "ag", "dp", null, null, null, "bulk-1"),
            new Initiation("CAMP", Channel.CALL, "L4", "ag", "dp", null, null, null, "bulk-1"));
  }

  @Test
  void useWorkflowSaysItWasTriggeredAndCallsNobody() {
    Answer a =
        api.post(
            BULK,
            "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"L3\"}],\"useWorkflow\":true}");

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().getBoolean("workflowTriggered")).isTrue();
    assertThat(a.json().containsKey("callResults")).isFalse();
    assertThat(sandbox.initiations()).isEmpty();
  }
}
