package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.JsonText;
import dev.outreach.http.client.ApiOutcome.Done;
import dev.outreach.http.client.ApiOutcome.Rejected;
import dev.outreach.sandbox.Initiation;
import dev.outreach.sandbox.SandboxServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAgainstSandboxTest {
  static final String TOKEN = "sandbox-token";
  static final String CALLS = "/api/v1/initiate/CAMP/calls";
  static final String AGENT = "\"agentId\":\"agent_abc123\",\"dispositionId\":\"disp_xyz789\"";

  static final List<Customer> CUSTOMERS =
      List.of(
          customer("L1", "bounced", "hindi", "2025-08-03", "5000", "mumbai")
              .custom("score", new BigDecimal("700"))
              .build(),
          customer("L2", "pending", "english", "2025-08-10", "15000", "delhi")
              .custom("score", new BigDecimal("650"))
              .build(),
          customer("L3", "pending", "hindi", "2025-08-20", "25000", "mumbai")
              .custom("product_type", "home_loan")
              .build(),
          customer("L4", "paid", "english", "2025-09-01", "12000", "pune").build(),
          customer("L5", "bounced", "marathi", "2025-08-05", "8000", "mumbai")
              .custom("product_type", "personal_loan")
              .build());

  SandboxServer sandbox;
  OutreachClient client;

  static Customer.Builder customer(
      String id, String status, String language, String due, String emi, String branch) {
    return Customer.builder(id)
        .phoneNumber("+919876543210")
        .paymentStatus(status)
        .language(language)
        .emiDueDate(LocalDate.parse(due))
        .emiAmount(new BigDecimal(emi))
        .custom("branch", branch);
  }

  @BeforeEach
  void start() {
    sandbox = SandboxServer.start(TOKEN, Map.of("CAMP", CUSTOMERS, "EMPTY", List.of()));
    client = OutreachClient.builder(sandbox.uri()).token(TOKEN).build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  ApiOutcome<InitiationResults> post(String path, String body) {
    return client.send(
        path, body.getBytes(StandardCharsets.UTF_8), "key-" + sandbox.initiations().size());
  }

  List<String> selected(String filtersAndLimit) {
    int before = sandbox.initiations().size();
    ApiOutcome<InitiationResults> outcome = post(CALLS, "{" + AGENT + filtersAndLimit + "}");
    if (!(outcome instanceof Done)) {
      return List.of();
    }
    return sandbox.initiations().subList(before, sandbox.initiations().size()).stream()
        .map(Initiation::loanId)
        .toList();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| L1 L2 L3 L4 L5",
        ",\"filters\":{}| L1 L2 L3 L4 L5",
        ",\"filters\":{\"ids\":[\"L2\",\"L4\",\"L9\"]}| L2 L4",
        ",\"filters\":{\"exclude_ids\":[\"L1\",\"L5\"]}| L2 L3 L4",
        ",\"filters\":{\"payment_status\":\"pending\"}| L2 L3",
        ",\"filters\":{\"payment_status\":[\"bounced\",\"paid\"]}| L1 L4 L5",
        ",\"filters\":{\"language\":[\"hindi\"]}| L1 L3",
        ",\"filters\":{\"emi_due_date\":{\"from\":\"2025-08-05\",\"to\":\"2025-08-20\"}}| L2 L3 L5",
        ",\"filters\":{\"emi_due_date\":{\"to\":\"2025-08-05\"}}| L1 L5",
        ",\"filters\":{\"emi_amount\":{\"min\":8000,\"max\":15000}}| L2 L4 L5",
        ",\"filters\":{\"emi_amount\":{\"min\":15000.00}}| L2 L3",
        ",\"filters\":{\"custom\":{\"branch\":\"mumbai\"}}| L1 L3 L5",
        ",\"filters\":{\"custom\":{\"product_type\":[\"home_loan\",\"personal_loan\"]}}| L3 L5",
        ",\"filters\":{\"custom\":{\"score\":700}}| L1",
        ",\"filters\":{\"custom\":{\"score\":[650.0,1]}}| L2",
        ",\"filters\":{\"payment_status\":[\"bounced\",\"pending\"],\"language\":\"hindi\",\"custom\":{\"branch\":\"mumbai\"}}| L1 L3",
        ",\"limit\":2| L1 L2",
        ",\"limit\":2,\"filters\":{\"custom\":{\"branch\":\"mumbai\"}}| L1 L3",
        ",\"limit\":99,\"filters\":{\"ids\":[\"L5\"]}| L5",
      })
  void selectsByTheDocumentedFilterSemantics(String filters, String expected) {
    assertThat(selected(filters)).containsExactly(expected.trim().split(" "));
  }

  @Test
  void noMatchIs404AndRecordsNothing() {
    ApiOutcome<InitiationResults> outcome =
        post(CALLS, "{" + AGENT + ",\"filters\":{\"ids\":[\"nobody\"]}}");

    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).status()).isEqualTo(404);
    assertThat(((Rejected) outcome).message()).contains("no customers matched");
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void answersWithTheDocumentedResults() throws Exception {
    HttpResponse<String> r =
        raw(
            "POST",
            CALLS,
            "Bearer " + TOKEN,
            "{" + AGENT + ",\"limit\":3,\"filters\":{\"exclude_ids\":[\"L4\"]}}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JsonText.parseObject(r.body()))
        .isEqualTo(
            JsonText.parseObject(
                "{\"success\":true,\"message\":\"Calls initiated for 3 customers\",\"results\":{\"totalMatched\":4,"
                    + "\"customersSelected\":3,\"initiated\":3,\"failed\":0,\"batchesProcessed\":1,\"errors\":[]}}"));
  }

  @Test
  void recordsEveryInitiationWithItsSettingsAndKey() {
    client.send(
        "/api/v1/initiate/CAMP/whatsapp",
        ("{\"templateId\":\"hfu7\",\"conversationSettings\":"
                + "{\"agentId\":\"PPT\",\"dispositionId\":\"XaY\"},\"filters\":{\"ids\":[\"L3\",\"L1\"]}}")
            .getBytes(StandardCharsets.UTF_8),
        "wa-key");
    client.send(
        "/api/v1/initiate/CAMP/sms",
        "{\"templateId\":\"sms1\",\"filters\":{\"ids\":[\"L2\"]}}".getBytes(StandardCharsets.UTF_8),
        "sms-key");

    assertThat(sandbox.initiations())
        .containsExactly(
            new Initiation(
                "CAMP", Channel.WHATSAPP, "L1", null, null, "hfu7", "PPT", "XaY", "wa-key"),
            new Initiation(
                "CAMP", Channel.WHATSAPP, "L3", null, null, "hfu7", "PPT", "XaY", "wa-key"),
            new Initiation("CAMP", Channel.SMS, "L2", null, null, "sms1", null, null, "sms-key"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "calls|{\"dispositionId\":\"d\"}|agentId is required",
        "calls|{\"agentId\":\"\",\"dispositionId\":\"d\"}|agentId must be a non-empty string",
        "calls|{" + AGENT + ",\"templateId\":\"t\"}|templateId is not a known field",
        "calls|{" + AGENT + ",\"limit\":0}|limit must be an integer >= 1",
        "calls|{" + AGENT + ",\"limit\":2.5}|limit must be an integer >= 1",
        "calls|{" + AGENT + ",\"filters\":{\"branch\":\"x\"}}|filters.branch is not a known filter",
        "calls|{"
            + AGENT
            + ",\"filters\":{\"emi_due_date\":{\"form\":\"2025-08-01\"}}}|filters.emi_due_date.form",
        "calls|{" + AGENT + ",\"filters\":{\"ids\":[]}}|filters.ids is empty",
        "calls|{" + AGENT + ",\"filters\":[]}|filters must be an object",
        "calls|{" + AGENT + "|not valid JSON",
        "calls|[]|validation error: expected a JSON object {…}, found an array",
        "sms|{\"agentId\":\"a\"}|agentId is not a known field",
        "sms|{}|templateId is required",
        "whatsapp|{\"templateId\":\"t\",\"conversationSettings\":{\"agentId\":\"a\"}}|conversationSettings.dispositionId is required",
      })
  void invalidBodiesAre400NamingTheProblem(String channel, String body, String expected) {
    ApiOutcome<InitiationResults> outcome = post("/api/v1/initiate/CAMP/" + channel, body);

    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).status()).isEqualTo(400);
    assertThat(((Rejected) outcome).message()).contains(expected);
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void wrongOrMissingTokenIs401() throws Exception {
    OutreachClient wrong = OutreachClient.builder(sandbox.uri()).token("other").build();
    assertThat(wrong.send(CALLS, ("{" + AGENT + "}").getBytes(StandardCharsets.UTF_8), "k"))
        .isInstanceOf(ApiOutcome.Unauthorized.class);

    HttpResponse<String> r = raw("POST", CALLS, null, "{" + AGENT + "}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JsonText.parseObject(r.body()).getBoolean("success")).isFalse();
    assertThat(JsonText.parseObject(r.body()).getString("message"))
        .isEqualTo("missing bearer token");
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void unknownCampaignAndPathAre404AndOtherMethods405() throws Exception {
    assertThat(post("/api/v1/initiate/NOPE/calls", "{" + AGENT + "}"))
        .isEqualTo(new Rejected<>(404, "campaign not found: NOPE", java.util.Optional.empty()));
    assertThat(post("/api/v1/initiate/EMPTY/calls", "{" + AGENT + "}"))
        .isInstanceOf(Rejected.class);
    assertThat(((Rejected) post("/api/v1/initiate/CAMP/fax", "{}")).status()).isEqualTo(404);
    HttpResponse<String> get = raw("GET", CALLS, "Bearer " + TOKEN, null);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void servesConcurrentRequests() throws Exception {
    List<Thread> threads = new java.util.ArrayList<>();
    for (String id : List.of("L1", "L2", "L3", "L4", "L5")) {
      Thread t =
          new Thread(() -> post(CALLS, "{" + AGENT + ",\"filters\":{\"ids\":[\"" + id + "\"]}}"));
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(5000);
    }
    assertThat(sandbox.initiations())
        .extracting(Initiation::loanId)
        .containsExactlyInAnyOrder("L1", "L2", "L3", "L4", "L5");
  }

  HttpResponse<String> raw(String method, String path, String authorization, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.uri() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
