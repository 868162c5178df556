package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.sandbox.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each injected fault, as a client over real loopback HTTP sees it, and what took effect. */
class FaultsTest {
  static final String TOKEN = "fault-token";
  static final String CALLS = "/api/v1/initiate/CAMP/calls";
  static final String SMS = "/api/v1/initiate/CAMP/sms";
  static final String CALL_ALL = "{\"agentId\":\"a\",\"dispositionId\":\"d\"}";
  static final String SMS_ALL = "{\"templateId\":\"t\"}";

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
                    Customer.builder("L1").build(),
                    Customer.builder("L2").build(),
                    Customer.builder("L3").build(),
                    Customer.builder("L4").build()))
            .agent(BatchCallsTest.AGENT)
            .folder(BatchCallsTest.FOLDER, List.of("L1"))
            .start();
    api = new Api(sandbox.uri(), TOKEN);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  Answer sendOrThrow(String path, String json) throws IOException {
    return Api.sendOrThrow(api.request("POST", path, json, null, "Bearer " + TOKEN).build());
  }

  @Test
  void a429CarriesRetryAfterInSecondsAndNothingTakesEffect() {
    sandbox.inject(
        Fault.status(429).retryAfter(Duration.ofSeconds(2)).on("/api/v1/initiate/").times(2));

    Answer first = api.post(CALLS, CALL_ALL);
    Answer second = api.post(SMS, SMS_ALL);
    Answer third = api.post(CALLS, CALL_ALL);

    for (Answer a : List.of(first, second)) {
      assertThat(a.status()).isEqualTo(429);
      assertThat(a.headers().firstValue("Retry-After")).contains("2");
      assertThat(a.json().getBoolean("success")).isFalse();
    }
    assertThat(third.status()).isEqualTo(200);
    assertThat(sandbox.contactCounts(Channel.CALL))
        .isEqualTo(Map.of("L1", 1L, "L2", 1L, "L3", 1L, "L4", 1L));
    assertThat(sandbox.contactCounts(Channel.SMS)).isEmpty();
    assertThat(sandbox.received()).extracting(Received::status).containsExactly(429, 429, 200);
  }

  @Test
  void retryAfterRoundsUpToWholeSecondsOrIsAnHttpDate() {
    sandbox.inject(Fault.status(503).retryAfter(Duration.ofMillis(200)));
    sandbox.inject(Fault.status(503).retryAfter(Instant.parse("2025-08-05T03:30:00Z")));

    assertThat(api.post(CALLS, CALL_ALL).headers().firstValue("Retry-After")).contains("1");
    Answer dated = api.post(CALLS, CALL_ALL);
    assertThat(dated.status()).isEqualTo(503);
    assertThat(dated.headers().firstValue("Retry-After")).contains("Tue, 05 Aug 2025 03:30:00 GMT");
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void aFaultOnAPathLeavesOtherPathsAloneAndFaultsApplyInOrder() {
    sandbox.inject(Fault.status(503).on("/api/v1/batch-calls").times(1));
    sandbox.inject(Fault.status(500).times(1));

    assertThat(api.post(CALLS, CALL_ALL).status())
        .as("the 500 is the first fault for this path")
        .isEqualTo(500);
    assertThat(api.get("/api/v1/batch-calls").status()).isEqualTo(503);
    assertThat(api.get("/api/v1/batch-calls").status()).isEqualTo(200);
  }

  @Test
  void a500BeforeProcessingSaysAllFailedAndLeavesNoRecord() {
    sandbox.inject(Fault.status(500));

    Answer a = api.post(CALLS, CALL_ALL);

    assertThat(a.status()).isEqualTo(500);
    assertThat(a.message()).contains("all failed").contains("not carried out");
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void partialFailsTheFirstSelectedCustomersWith207NamingEach() {
    sandbox.inject(Fault.partial(2));

    Answer a =
        api.post(
            CALLS,
            "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"exclude_ids\":[\"L1\"]}}");

    assertThat(a.status()).isEqualTo(207);
    assertThat(a.json().getBoolean("success")).isFalse();
    JsonObject results = a.json().getJsonObject("results");
    assertThat(results.getInt("initiated")).isEqualTo(1);
    assertThat(results.getInt("failed")).isEqualTo(2);
    assertThat(
            results.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getString("loan_id")))
        .containsExactly("L2", "L3");
    assertThat(sandbox.initiations()).extracting(Initiation::loanId).containsExactly("L4");
  }

  @Test
  void partialFailingEveryoneIsA500WithTheErrors() {
    sandbox.inject(Fault.partial(10));

    Answer a = api.post(SMS, "{\"templateId\":\"t\",\"filters\":{\"ids\":[\"L1\",\"L2\"]}}");

    assertThat(a.status()).isEqualTo(500);
    assertThat(a.message()).isEqualTo("All 2 SMS messages failed");
    assertThat(a.json().getJsonObject("results").getJsonArray("errors")).hasSize(2);
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void partialOnBulkAddFailsTheFirstValidRecordsAndPassesOtherEndpointsBy() {
    sandbox.inject(Fault.partial(1));

    assertThat(api.get("/api/v1/batch-calls").status())
        .as("not partial-capable: the fault waits")
        .isEqualTo(200);
    Answer a =
        api.post(
            "/api/v1/customers/add/bulk",
            "{\"campaignId\":\"CAMP\",\"records\":[{\"loan_id\":\"N1\"},{\"loan_id\":\"N2\"}]}");

    assertThat(a.status()).isEqualTo(207);
    assertThat(
            a.json()
                .getJsonObject("results")
                .getJsonArray("errors")
                .getJsonObject(0)
                .getString("loan_id"))
        .isEqualTo("N1");
    assertThat(sandbox.customers("CAMP"))
        .extracting(Customer::loanId)
        .containsExactly("L1", "L2", "L3", "L4", "N2");
  }

  @Test
  void dropAfterProcessingIsAnIOExceptionYetTheCallsWerePlaced() {
    sandbox.inject(Fault.dropAfterProcessing());

    assertThatThrownBy(() -> sendOrThrow(CALLS, CALL_ALL)).isInstanceOf(IOException.class);

    assertThat(sandbox.contactCounts(Channel.CALL)).hasSize(4);
    assertThat(sandbox.received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dropped()).isTrue();
              assertThat(r.status()).isEqualTo(-1);
              assertThat(r.path()).isEqualTo(CALLS);
            });
  }

  @Test
  void dropBeforeProcessingIsAnIOExceptionAndNothingHappened() throws Exception {
    sandbox.inject(Fault.dropBeforeProcessing());

    assertThatThrownBy(() -> sendOrThrow(CALLS, CALL_ALL)).isInstanceOf(IOException.class);

    assertThat(sandbox.initiations()).isEmpty();
    assertThat(sendOrThrow(CALLS, CALL_ALL).status()).as("the fault was used up").isEqualTo(200);
  }

  @Test
  void aHoldAfterPassingLetsTheFirstRequestsThroughThenKeepsOneUnansweredAndUndone()
      throws Exception {
    sandbox.inject(Fault.hold(Duration.ofMillis(400)).afterPassing(1));

    assertThat(sendOrThrow(CALLS, CALL_ALL).status()).as("passed by").isEqualTo(200);
    int reached = sandbox.initiations().size();
    long start = System.nanoTime();
    assertThatThrownBy(() -> sendOrThrow(CALLS, CALL_ALL)).isInstanceOf(IOException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("held open")
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(sandbox.initiations()).as("the held request was never carried out").hasSize(reached);
    assertThat(sendOrThrow(CALLS, CALL_ALL).status()).as("the fault was used up").isEqualTo(200);
    assertThat(Fault.hold(Duration.ofSeconds(1)).afterPassing(2).toString())
        .endsWith(".afterPassing(2)");
  }

  @Test
  void aDroppedBatchCreateTookEffectAndTheSameKeyRecoversIt() throws Exception {
    sandbox.inject(Fault.dropAfterProcessing().on("/api/v1/batch-calls"));
    var create =
        api.request(
                "POST",
                "/api/v1/batch-calls",
                BatchCallsTest.folderBatch("x"),
                "k1",
                "Bearer " + TOKEN)
            .build();

    assertThatThrownBy(() -> Api.sendOrThrow(create)).isInstanceOf(IOException.class);
    Answer retry = Api.sendOrThrow(create);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(sandbox.batchCalls())
        .singleElement()
        .satisfies(b -> assertThat(b.id()).isEqualTo(retry.data().getString("id")));
  }

  @Test
  void aDelayMakesTheClientTimeOutAfterTheRequestTookEffect() {
    sandbox.inject(Fault.delay(Duration.ofSeconds(3)));
    var request =
        api.request("POST", CALLS, CALL_ALL, null, "Bearer " + TOKEN)
            .timeout(Duration.ofMillis(300))
            .build();

    assertThatThrownBy(() -> Api.sendOrThrow(request)).isInstanceOf(HttpTimeoutException.class);

    assertThat(sandbox.contactCounts(Channel.CALL)).hasSize(4);
  }

  @Test
  void clearFaultsForgetsThemAndUnauthenticatedRequestsDoNotUseThemUp() {
    sandbox.inject(Fault.status(503));
    assertThat(new Api(sandbox.uri(), "wrong").post(CALLS, CALL_ALL).status()).isEqualTo(401);
    assertThat(api.post(CALLS, CALL_ALL).status()).isEqualTo(503);

    sandbox.inject(Fault.status(503).times(5));
    sandbox.clearFaults();
    assertThat(api.post(CALLS, CALL_ALL).status()).isEqualTo(200);
  }

  @Test
  void faultsRefuseNonsense() {
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.partial(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.dropAfterProcessing().retryAfter(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Fault.status(429).times(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(429).on("api"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
