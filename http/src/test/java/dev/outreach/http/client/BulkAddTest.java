package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.http.client.FakeServer.Recorded;
import dev.outreach.http.client.FakeServer.Response;
import dev.outreach.http.client.InitiationResults.CustomerError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkAddTest {
  static final String TOKEN = "bulk-T0ken";
  static final byte[] BODY =
      "{\"campaignId\":\"C\",\"records\":[{\"loan_id\":\"L1\"},{\"loan_id\":\"L2\"}]}"
          .getBytes(StandardCharsets.UTF_8);

  FakeServer server;
  OutreachClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer();
    client = OutreachClient.builder(server.uri()).token(TOKEN).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String results(int successful, int failed, String errors) {
    return "{\"total\":2,\"valid\":2,\"invalid\":0,\"successful\":"
        + successful
        + ",\"failed\":"
        + failed
        + ",\"batchesProcessed\":1,\"errors\":"
        + errors
        + "}";
  }

  @Test
  void createdIsDoneWithTheCountsAndTheBodyGoesOutUnchanged() throws Exception {
    server.enqueue(
        Response.json(
            201,
            "{\"success\":true,\"message\":\"Added 2 of 2 records\",\"results\":"
                + results(2, 0, "[]")
                + "}"));

    ApiOutcome<BulkAddResults> outcome = client.bulkAdd(BODY, "key-1");

    assertThat(outcome)
        .isEqualTo(
            new ApiOutcome.Done<>(
                201,
                "Added 2 of 2 records",
                Optional.of(new BulkAddResults(2, 2, 0, 2, 0, 1, List.of()))));
    Recorded r = server.takeRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/v1/customers/add/bulk");
    assertThat(r.header("X-Idempotency-Key")).isEqualTo("key-1");
    assertThat(r.body()).isEqualTo(BODY);
  }

  @Test
  void multiStatusIsPartialWithTheFailedRecordsByLoanId() {
    server.enqueue(
        Response.json(
            207,
            "{\"success\":false,\"message\":\"Added 1 of 2 records\",\"results\":"
                + results(1, 1, "[{\"loan_id\":\"L2\",\"error\":\"phone_number invalid\"}]")
                + "}"));

    ApiOutcome.Partial<BulkAddResults> partial =
        (ApiOutcome.Partial<BulkAddResults>) client.bulkAdd(BODY, "k");

    assertThat(partial.message()).isEqualTo("Added 1 of 2 records");
    assertThat(partial.content().orElseThrow().failedCustomerIds()).containsExactly("L2");
    assertThat(partial.content().orElseThrow().errors())
        .containsExactly(new CustomerError(Optional.of("L2"), "phone_number invalid"));
  }

  @Test
  void badRequestIsRejectedWithTheServersMessage() {
    server.enqueue(Response.json(400, "{\"success\":false,\"message\":\"All records failed\"}"));

    assertThat(client.bulkAdd(BODY, "k"))
        .isEqualTo(new ApiOutcome.Rejected<>(400, "All records failed"));
  }

  @Test
  void serverErrorProvesNothingHappenedOnlyWhenNoRecordWasAdded() {
    server.enqueue(
        Response.json(500, "{\"message\":\"db down\",\"results\":" + results(0, 2, "[]") + "}"));
    server.enqueue(
        Response.json(500, "{\"message\":\"db down\",\"results\":" + results(1, 1, "[]") + "}"));
    server.enqueue(Response.json(500, "oops"));

    ApiOutcome<BulkAddResults> noneAdded = client.bulkAdd(BODY, "k");
    ApiOutcome<BulkAddResults> oneAdded = client.bulkAdd(BODY, "k");
    ApiOutcome<BulkAddResults> opaque = client.bulkAdd(BODY, "k");

    assertThat(noneAdded).isInstanceOf(ApiOutcome.Failed.class);
    assertThat(noneAdded.message()).isEqualTo("db down");
    assertThat(noneAdded.content().orElseThrow().successful()).isZero();
    assertThat(noneAdded.provablyNoEffect()).isTrue();
    assertThat(noneAdded.safeToResend()).isTrue();
    assertThat(oneAdded.content().orElseThrow().successful()).isEqualTo(1);
    assertThat(oneAdded.provablyNoEffect()).isFalse();
    assertThat(oneAdded.safeToResend()).isFalse();
    assertThat(opaque)
        .isEqualTo(
            new ApiOutcome.Failed<>(500, "unreadable response body: not a JSON object", false));
  }

  @Test
  void createdWithoutReadableResultsIsUnknown() {
    server.enqueue(Response.json(201, "{\"success\":true,\"message\":\"ok\"}"));

    ApiOutcome<BulkAddResults> outcome = client.bulkAdd(BODY, "k");

    assertThat(outcome).isInstanceOf(ApiOutcome.Unknown.class);
    assertThat(outcome.httpStatus()).isEqualTo(OptionalInt.of(201));
  }

  @Test
  void droppedConnectionAfterTheRequestIsUnknown() throws Exception {
    server.enqueue(Response.json(201, "{}").mode(FakeServer.Mode.DROP));

    ApiOutcome<BulkAddResults> outcome = client.bulkAdd(BODY, "k");

    assertThat(outcome).isInstanceOf(ApiOutcome.Unknown.class);
    assertThat(outcome.httpStatus()).isEmpty();
    assertThat(server.takeRequest().body()).isEqualTo(BODY);
  }
}
