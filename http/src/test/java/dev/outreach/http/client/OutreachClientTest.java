package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.internal.JsonText;
import dev.outreach.http.client.ApiOutcome.Done;
import dev.outreach.http.client.ApiOutcome.Failed;
import dev.outreach.http.client.ApiOutcome.NotSent;
import dev.outreach.http.client.ApiOutcome.Rejected;
import dev.outreach.http.client.ApiOutcome.Throttled;
import dev.outreach.http.client.ApiOutcome.Unauthorized;
import dev.outreach.http.client.ApiOutcome.Unknown;
import dev.outreach.http.client.FakeServer.Mode;
import dev.outreach.http.client.FakeServer.Recorded;
import dev.outreach.http.client.FakeServer.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutreachClientTest {
  static final String TOKEN = "s3cr3t-T0ken";
  static final String PATH = "/api/v1/initiate/CAMP-1/calls";
  static final String OK =
      "{\"success\":true,\"message\":\"Calls initiated for 2 customers\",\"results\":"
          + "{\"totalMatched\":3,\"customersSelected\":2,\"initiated\":2,\"failed\":0,\"batchesProcessed\":1,\"errors\":[]}}";

  FakeServer server;
  OutreachClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer();
    client =
        OutreachClient.builder(server.uri())
            .token(TOKEN)
            .requestTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ApiOutcome<InitiationResults> send() {
    return client.send(PATH, "{\"agentId\":\"a\"}".getBytes(StandardCharsets.UTF_8), "key-1");
  }

  @Test
  void sendsOnePostWithHeadersAndTheExactBody() throws Exception {
    server.enqueue(Response.json(200, OK));
    byte[] body =
        "{\"agentId\":\"agent_ü\",  \"dispositionId\":\"d\",\"limit\":2}"
            .getBytes(StandardCharsets.UTF_8);

    ApiOutcome<InitiationResults> outcome = client.send(PATH, body, "outreach-v1-abc");

    Recorded r = server.takeRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo(PATH);
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.header("X-Idempotency-Key")).isEqualTo("outreach-v1-abc");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo(body);
    assertThat(server.requestCount()).isZero();
    assertThat(outcome)
        .isEqualTo(
            new Done<>(
                200,
                "Calls initiated for 2 customers",
                Optional.of(new InitiationResults(3, 2, 2, 0, 1, List.of()))));
    assertThat(outcome.outcome()).isEqualTo("done");
    assertThat(outcome.httpStatus()).hasValue(200);
  }

  @Test
  void keepsABasePathPrefix() throws Exception {
    server.enqueue(Response.json(200, OK));
    OutreachClient prefixed =
        OutreachClient.builder(URI.create(server.uri() + "/gateway/")).token(TOKEN).build();

    prefixed.send(PATH, new byte[] {'{', '}'}, "k");

    assertThat(server.takeRequest().path()).isEqualTo("/gateway" + PATH);
  }

  @Test
  void partialParsesPerCustomerErrorsOfAnyShape() {
    server.enqueue(
        Response.json(
            207,
            "{\"success\":false,\"message\":\"Calls initiated for 2 of 6 customers\","
                + "\"results\":{\"totalMatched\":6,\"customersSelected\":6,\"initiated\":2,\"failed\":4,"
                + "\"batchesProcessed\":1,\"errors\":[{\"loan_id\":\"L2\",\"error\":\"no active number\"},"
                + "\"L3: busy\",{\"id\":42,\"message\":\"invalid\"},{\"customerId\":\"L5\",\"code\":7},7]}}"));

    var partial = (ApiOutcome.Partial<InitiationResults>) send();

    assertThat(partial.status()).isEqualTo(207);
    InitiationResults results = partial.content().orElseThrow();
    assertThat(results.initiated()).isEqualTo(2);
    assertThat(results.failed()).isEqualTo(4);
    assertThat(results.errors())
        .containsExactly(
            new InitiationResults.CustomerError(Optional.of("L2"), "no active number"),
            new InitiationResults.CustomerError(Optional.empty(), "L3: busy"),
            new InitiationResults.CustomerError(Optional.of("42"), "invalid"),
            new InitiationResults.CustomerError(
                Optional.of("L5"), "{\"customerId\":\"L5\",\"code\":7}"),
            new InitiationResults.CustomerError(Optional.empty(), "7"));
    assertThat(partial.content().orElseThrow().failedCustomerIds())
        .containsExactly("L2", "42", "L5");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 422})
  void otherClientErrorsAreRejectedWithTheServersMessage(int status) {
    server.enqueue(Response.json(status, "{\"success\":false,\"message\":\"Campaign not found\"}"));

    assertThat(send()).isEqualTo(new Rejected<>(status, "Campaign not found", Optional.empty()));
  }

  @Test
  void tooManyRequestsIsThrottledWithRetryAfterInSeconds() {
    server.enqueue(
        Response.json(429, "{\"success\":false,\"message\":\"slow down\"}")
            .header("Retry-After", "7"));

    assertThat(send())
        .isEqualTo(new Throttled<>(429, "slow down", Optional.of(Duration.ofSeconds(7))));
  }

  @Test
  void serviceUnavailableIsThrottledWithRetryAfterAsAnHttpDateCountedFromTheServersDate() {
    // The loopback server stamps its own Date header: the wait is counted from it, whatever the
    // client's clock.
    String in90s =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(90));
    server.enqueue(Response.json(503, "{\"message\":\"down\"}").header("Retry-After", in90s));

    Throttled<InitiationResults> t = (Throttled<InitiationResults>) send();

    assertThat(t.message()).isEqualTo("down");
    assertThat(t.retryAfter().orElseThrow())
        .isBetween(Duration.ofSeconds(88), Duration.ofSeconds(91));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "200, done, false, false",
    "207, partial, false, false",
    "400, rejected, true, false",
    "401, unauthorized, true, true",
    "429, throttled, true, true",
    "500, failed, false, false",
    "503, failed, false, false"
  })
  void everyOutcomeSaysWhetherPhonesMayHaveRungAndWhetherSendingAgainIsSafe(
      int status, String name, boolean noEffect, boolean resend) {
    server.enqueue(
        Response.json(
            status,
            "{\"message\":\"m\",\"results\":{\"totalMatched\":2,\"customersSelected\":2,"
                + "\"initiated\":1,\"failed\":1,\"batchesProcessed\":1,\"errors\":[]}}"));

    ApiOutcome<InitiationResults> o = send();

    assertThat(o.outcome()).isEqualTo(name);
    assertThat(o.httpStatus()).hasValue(status);
    assertThat(o.message()).isEqualTo("m");
    assertThat(o.provablyNoEffect()).isEqualTo(noEffect);
    assertThat(o.safeToResend()).isEqualTo(resend);
  }

  @Test
  void opaqueServerErrorIsFailedWithoutProofThatNothingHappened() {
    server.enqueue(
        Response.json(500, "{\"success\":false,\"message\":\"All calls failed\"}")
            .header("Retry-After", "30"));

    Failed<InitiationResults> failed = (Failed<InitiationResults>) send();

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.message()).isEqualTo("All calls failed");
    assertThat(failed.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(failed.content()).isEmpty();
    assertThat(failed.nothingTookEffect()).isFalse();
  }

  @Test
  void serverErrorWhoseResultsShowNobodyInitiatedProvesNothingHappened() {
    server.enqueue(
        Response.json(
            500,
            "{\"success\":false,\"message\":\"All calls failed\",\"results\":"
                + "{\"totalMatched\":2,\"customersSelected\":2,\"initiated\":0,\"failed\":2,\"batchesProcessed\":1,\"errors\":[]}}"));
    server.enqueue(
        Response.json(
            500,
            "{\"success\":false,\"message\":\"Some calls failed\",\"results\":"
                + "{\"totalMatched\":2,\"customersSelected\":2,\"initiated\":1,\"failed\":1,\"batchesProcessed\":1,\"errors\":[]}}"));

    assertThat(((Failed<InitiationResults>) send()).nothingTookEffect()).isTrue();
    assertThat(((Failed<InitiationResults>) send()).nothingTookEffect()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void authFailuresAreUnauthorized(int status) {
    server.enqueue(Response.json(status, "{\"success\":false,\"message\":\"invalid token\"}"));

    assertThat(send()).isEqualTo(new Unauthorized<>(status, "invalid token"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"success\":true,\"mess", "[1,2]", ""})
  void unreadableSuccessBodyIsUnknownNeverSuccess(String body) {
    server.enqueue(Response.json(200, body));

    Unknown<InitiationResults> outcome = (Unknown<InitiationResults>) send();

    assertThat(outcome.reason()).contains("HTTP 200 but unreadable response body");
    assertThat(outcome.httpStatus()).hasValue(200);
  }

  @Test
  void unreadableErrorBodyKeepsTheStatusCase() {
    server.enqueue(Response.json(400, "<html>Bad Request</html>"));

    Rejected<InitiationResults> r = (Rejected<InitiationResults>) send();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).startsWith("unreadable response body");
  }

  @Test
  void successBodyCutOffMidStreamIsUnknown() {
    server.enqueue(Response.json(200, OK.substring(0, 40)).mode(Mode.CUT_OFF_BODY));

    Unknown<InitiationResults> outcome = (Unknown<InitiationResults>) send();

    assertThat(outcome.reason()).contains("unreadable response body: body cut off");
    assertThat(outcome.httpStatus()).hasValue(200);
  }

  @Test
  void phoneNumbersInServerMessagesAreMasked() {
    server.enqueue(
        Response.json(
            400, "{\"message\":\"invalid phone_number +919876543210 for LOAN-2025-00123\"}"));
    server.enqueue(
        Response.json(400, "{\"message\":\"98765 43210 and 9876543210 are not reachable\"}"));

    assertThat(((Rejected<InitiationResults>) send()).message())
        .isEqualTo("invalid phone_number +91******3210 for LOAN-2025-00123");
    assertThat(((Rejected<InitiationResults>) send()).message())
        .isEqualTo("*****-*3210 and ******3210 are not reachable".replace("-", " "));
  }

  @Test
  void requestsGoOutAsHttp11() throws Exception {
    server.enqueue(Response.json(200, OK));

    send();

    assertThat(server.takeRequest().protocol()).isEqualTo("HTTP/1.1");
  }

  @Test
  void aSuccessWhoseResultsLackTheDocumentedCountsIsUnknownNeverSuccess() {
    // Results that cannot be read could hide fewer initiated than asked for ({"initiated":0} from a
    // mock).
    server.enqueue(
        Response.json(
            200, "{\"success\":true,\"message\":\"ok\",\"results\":{\"initiated\":\"2\"}}"));
    server.enqueue(Response.json(200, "{\"success\":true,\"message\":\"ok\"}"));

    Unknown<InitiationResults> u = (Unknown<InitiationResults>) send();
    assertThat(u.status()).hasValue(200);
    assertThat(u.reason()).contains("not the documented counts", "unreadable response body");
    assertThat(send())
        .isEqualTo(new Done<>(200, "ok", Optional.empty())); // no results at all: as documented
  }

  @Test
  void redirectIsNotFollowed() throws Exception {
    server.enqueue(Response.json(302, "").header("Location", "https://elsewhere.example/"));

    Rejected<InitiationResults> r = (Rejected<InitiationResults>) send();

    assertThat(r.status()).isEqualTo(302);
    assertThat(r.message()).contains("unexpected HTTP 302");
    server.takeRequest();
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void connectionRefusedIsNotSent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OutreachClient closed =
        OutreachClient.builder(URI.create("http://127.0.0.1:" + port)).token(TOKEN).build();

    ApiOutcome<InitiationResults> outcome = closed.send(PATH, new byte[] {'{', '}'}, "k");

    assertThat(outcome).isInstanceOf(NotSent.class);
    assertThat(outcome.outcome()).isEqualTo("not_sent");
    assertThat(((NotSent<InitiationResults>) outcome).reason()).doesNotContain(TOKEN);
  }

  @Test
  void noAnswerWithinTheTimeoutIsUnknown() throws Exception {
    server.enqueue(Response.json(200, OK).mode(Mode.NEVER_ANSWER));
    OutreachClient impatient =
        OutreachClient.builder(server.uri())
            .token(TOKEN)
            .requestTimeout(Duration.ofMillis(300))
            .build();

    long start = System.nanoTime();
    ApiOutcome<InitiationResults> outcome = impatient.send(PATH, new byte[] {'{', '}'}, "k");

    assertThat(outcome).isInstanceOf(Unknown.class);
    assertThat(((Unknown<InitiationResults>) outcome).reason()).contains("may have been processed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(server.takeRequest().body()).isEqualTo(new byte[] {'{', '}'});
  }

  @Test
  void interruptedCallerSendsNothing() {
    Thread.currentThread().interrupt();
    try {
      assertThat(send()).isInstanceOf(NotSent.class);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void successResponseComparesAsJson() {
    server.enqueue(Response.json(200, JsonText.pretty(JsonText.parseObject(OK))));

    assertThat(((Done<InitiationResults>) send()).content())
        .map(InitiationResults::customersSelected)
        .contains(2);
  }
}
