package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.sandbox.Api.Answer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bearer auth on every endpoint, unknown paths and methods, content types and unreadable bodies.
 */
class RoutingAndAuthTest {
  static final String TOKEN = "s3cret-token-value";
  static final String ID = "9b1d0000-0000-4000-8000-0000000000aa";

  SandboxServer sandbox;
  Api api;

  @BeforeEach
  void start() {
    sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign("CAMP", List.of(Customer.builder("L1").build()))
            .start();
    api = new Api(sandbox.uri(), TOKEN);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  Answer send(String method, String path, String json, String authorization) throws IOException {
    return Api.sendOrThrow(api.request(method, path, json, null, authorization).build());
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource({
    "POST, /api/v1/initiate/CAMP/calls",
    "POST, /api/v1/initiate/CAMP/sms",
    "POST, /api/v1/initiate/CAMP/whatsapp",
    "POST, /api/v1/customers/add/bulk",
    "GET, /api/v1/batch-calls",
    "POST, /api/v1/batch-calls",
    "GET, /api/v1/batch-calls/" + ID,
    "PATCH, /api/v1/batch-calls/" + ID,
    "DELETE, /api/v1/batch-calls/" + ID,
    "POST, /api/v1/batch-calls/" + ID + "/schedule",
    "POST, /api/v1/batch-calls/" + ID + "/pause",
    "POST, /api/v1/batch-calls/" + ID + "/resume",
  })
  void everyEndpointNeedsTheBearerTokenAndNeverEchoesOne(String method, String path)
      throws Exception {
    String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

    Answer missing = send(method, path, body, null);
    Answer wrong = send(method, path, body, "Bearer not-the-" + TOKEN);

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.message()).isEqualTo("missing bearer token");
    assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.message()).isEqualTo("invalid bearer token");
    assertThat(wrong.json().toString() + wrong.headers().map()).doesNotContain(TOKEN);
    assertThat(send(method, path, body, "Basic " + TOKEN).status()).isEqualTo(401);
    assertThat(send(method, path, body, "bearer " + TOKEN).status())
        .as("the scheme is case-insensitive")
        .isNotEqualTo(401);
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void unknownPathsAre404() {
    for (String path :
        List.of(
            "/",
            "/api/v1/initiate/CAMP/fax",
            "/api/v1/batch-calls/" + ID + "/start",
            "/api/v2/batch-calls",
            "/api/v1/batch-calls/")) {
      Answer a = api.get(path);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.message()).as(path).isEqualTo("no such endpoint: " + path);
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource({
    "GET, /api/v1/initiate/CAMP/calls, POST",
    "PUT, /api/v1/customers/add/bulk, POST",
    "DELETE, /api/v1/batch-calls, 'GET, POST'",
    "PUT, /api/v1/batch-calls/" + ID + ", 'GET, PATCH, DELETE'",
    "GET, /api/v1/batch-calls/" + ID + "/pause, POST",
  })
  void otherMethodsAre405WithAllow(String method, String path, String allow) {
    Answer a = api.send(method, path, null, null);

    assertThat(a.status()).isEqualTo(405);
    assertThat(a.headers().firstValue("Allow")).contains(allow);
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/initiate/CAMP/sms", "/api/v1/customers/add/bulk", "/api/v1/batch-calls"})
  void aBodyThatIsNotDeclaredJsonIs415(String path) throws Exception {
    HttpRequest r =
        api.request("POST", path, null, null, "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString("{\"templateId\":\"t\"}"))
            .header("Content-Type", "text/plain")
            .build();

    Answer a = Api.sendOrThrow(r);

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.message()).isEqualTo("Content-Type must be application/json");
  }

  @Test
  void malformedJsonIs400SayingWhere() {
    Answer a = api.post("/api/v1/customers/add/bulk", "{\"campaignId\":\"CAMP\",\n\"records\":[}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).startsWith("validation error: not valid JSON at line 2");
  }

  @Test
  void aBodyOverTheLimitIs413() {
    Answer a = api.post("/api/v1/customers/add/bulk", " ".repeat(Router.MAX_BODY + 1));

    assertThat(a.status()).isEqualTo(413);
  }

  @Test
  void everyRequestIsRecordedWithItsStatusAndKey() {
    api.post("/api/v1/initiate/CAMP/sms", "{\"templateId\":\"t\"}", "k-1");
    new Api(sandbox.uri(), "nope").get("/api/v1/batch-calls");
    api.get("/nowhere");

    assertThat(sandbox.received())
        .extracting(r -> r.method() + " " + r.path() + " " + r.idempotencyKey() + " " + r.status())
        .containsExactly(
            "POST /api/v1/initiate/CAMP/sms k-1 200",
            "GET /api/v1/batch-calls null 401",
            "GET /nowhere null 404");
  }
}
