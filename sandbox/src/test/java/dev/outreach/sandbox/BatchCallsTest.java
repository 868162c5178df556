package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.sandbox.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Create, read, list, update and delete batch calls, with every documented constraint on create.
 */
class BatchCallsTest {
  static final String TOKEN = "batch-token";
  static final String BATCHES = "/api/v1/batch-calls";
  static final String AGENT = "3f0c1d2e-0000-4000-8000-000000000001";
  static final String OTHER_AGENT = "3f0c1d2e-0000-4000-8000-000000000002";
  static final String FOLDER = "9b1d0000-0000-4000-8000-000000000001";
  static final String EMPTY_FOLDER = "9b1d0000-0000-4000-8000-000000000002";
  static final String UNKNOWN_FOLDER = "9b1d0000-0000-4000-8000-000000000099";
  static final Instant NOW = Instant.parse("2025-08-05T03:30:00Z");

  SandboxServer sandbox;
  Api api;

  static SandboxServer sandbox() {
    return SandboxServer.builder()
        .token(TOKEN)
        .agent(AGENT)
        .agent(OTHER_AGENT)
        .folder(FOLDER, List.of("L1", "L2", "L3"))
        .folder(EMPTY_FOLDER, List.of())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .start();
  }

  static String create(String name, String agent, String more) {
    return "{\"name\":\"" + name + "\",\"agent_id\":\"" + agent + "\"" + more + "}";
  }

  static String folderBatch(String name) {
    return create(
        name, AGENT, ",\"contact_source\":\"folder\",\"contact_folder_id\":\"" + FOLDER + "\"");
  }

  @BeforeEach
  void start() {
    sandbox = sandbox();
    api = new Api(sandbox.uri(), TOKEN);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void createMakesADraftWithTheDocumentedDefaults() {
    Answer a = api.post(BATCHES, folderBatch("August bounced"));

    assertThat(a.status()).isEqualTo(201);
    JsonObject b = a.data();
    assertThat(b.getString("id")).matches("[0-9a-f-]{36}");
    assertThat(b.getString("name")).isEqualTo("August bounced");
    assertThat(b.getString("agent_id")).isEqualTo(AGENT);
    assertThat(b.getString("status")).isEqualTo("draft");
    assertThat(b.getString("contact_source")).isEqualTo("folder");
    assertThat(b.getString("contact_folder_id")).isEqualTo(FOLDER);
    assertThat(b.getString("schedule_type")).isEqualTo("immediate");
    assertThat(b.get("scheduled_at")).isEqualTo(JsonValue.NULL);
    assertThat(b.getString("timezone")).isEqualTo("UTC");
    assertThat(b.getJsonArray("working_days").toString()).isEqualTo("[1,2,3,4,5]");
    assertThat(b.getInt("max_concurrent_calls")).isEqualTo(10);
    assertThat(b.getBoolean("retry_failed")).isFalse();
    assertThat(b.getInt("max_retry_attempts")).isZero();
    assertThat(b.getString("phone_rotation_strategy")).isEqualTo("random");
    assertThat(b.getInt("contacts_count")).isEqualTo(3);
    assertThat(b.getString("created_at")).isEqualTo(NOW.toString());
    assertThat(a.json().getJsonObject("meta").getBoolean("idempotent_replay")).isFalse();
    assertThat(api.get(BATCHES + "/" + b.getString("id")).data()).isEqualTo(b);
    assertThat(sandbox.batchCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(HeldBatch.Status.DRAFT);
              assertThat(c.contacts()).containsExactly("L1", "L2", "L3");
              assertThat(c.json()).isEqualTo(b);
            });
    assertThat(sandbox.initiations()).as("a draft calls nobody").isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"agent_id\":\"" + AGENT + "\"}|name is required",
        "{\"name\":\"\",\"agent_id\":\""
            + AGENT
            + "\"}|name must be 1 to 255 characters long, found 0",
        "{\"name\":\"n\"}|agent_id is required",
        "{\"name\":\"n\",\"agent_id\":\"agent_abc123\"}|agent_id must be a UUID",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"phone_number_ids\":[\"x\"]}|phone_number_ids[0] must be a UUID",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"phone_rotation_strategy\":\"lifo\"}|phone_rotation_strategy must be one of random, sequential, round_robin",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"contact_source\":\"excel\"}|contact_source must be one of csv, folder, manual",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"contact_source\":\"folder\"}|contact_folder_id is required when contact_source is folder",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"contact_folder_id\":\""
            + FOLDER
            + "\"}|contact_folder_id is only used when contact_source is folder",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"schedule_type\":\"later\"}|schedule_type must be one of immediate, scheduled",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"schedule_type\":\"scheduled\"}|scheduled_at is required when schedule_type is scheduled",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"schedule_type\":\"scheduled\",\"scheduled_at\":\"tomorrow\"}|scheduled_at must be an ISO date-time",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"timezone\":\"Mars/Olympus\"}|timezone must be an IANA time zone",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"start_time\":\"9:00\"}|start_time must be a time HH:MM",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"end_time\":\"24:00\"}|end_time must be a time HH:MM",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"working_days\":[1,8]}|working_days[1] must be a day 1 (Monday) to 7 (Sunday)",
        "{\"name\":\"n\",\"agent_id\":\"" + AGENT + "\",\"working_days\":[]}|working_days is empty",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"max_concurrent_calls\":0}|max_concurrent_calls must be a whole number from 1 to 100",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"max_concurrent_calls\":101}|max_concurrent_calls must be a whole number from 1 to 100",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"max_calls_per_day\":0}|max_calls_per_day must be a whole number from 1",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"retry_failed\":\"no\"}|retry_failed must be true or false",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"max_retry_attempts\":4}|max_retry_attempts must be a whole number from 0 to 3",
        "{\"name\":\"n\",\"agent_id\":\""
            + AGENT
            + "\",\"agentId\":\"x\"}|agentId is not a known field",
        "{\"name\":\"n\",\"agent_id\":\"" + AGENT + "\"|not valid JSON",
      })
  void everyDocumentedConstraintOnCreateIsA400NamingTheField(String body, String expected) {
    Answer a = api.post(BATCHES, body);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).startsWith("validation error: ").contains(expected);
    assertThat(sandbox.batchCalls()).isEmpty();
  }

  @Test
  void allProblemsOfABodyAreReportedAtOnce() {
    Answer a = api.post(BATCHES, "{\"name\":\"\",\"agent_id\":\"x\",\"max_retry_attempts\":9}");

    assertThat(a.message())
        .contains("name must be")
        .contains("agent_id must be a UUID")
        .contains("max_retry_attempts");
  }

  @Test
  void anUnknownAgentIs422() {
    Answer a = api.post(BATCHES, create("n", "3f0c1d2e-0000-4000-8000-0000000000ff", ""));

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.message()).contains("agent_id").contains("no such agent, or it is not active");
    assertThat(sandbox.batchCalls()).isEmpty();
  }

  @Test
  void theSameIdempotencyKeyGivesTheSameBatchNeverASecond() {
    Answer first = api.post(BATCHES, folderBatch("once"), "create-1");
    Answer again = api.post(BATCHES, folderBatch("once"), "create-1");
    Answer other = api.post(BATCHES, folderBatch("once"), "create-2");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.data()).isEqualTo(first.data());
    assertThat(again.json().getJsonObject("meta").getBoolean("idempotent_replay")).isTrue();
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.data().getString("id")).isNotEqualTo(first.data().getString("id"));
    assertThat(sandbox.batchCalls()).hasSize(2);
  }

  @Test
  void reusingAKeyWithADifferentBodyIs422() {
    api.post(BATCHES, folderBatch("one"), "k");

    Answer a = api.post(BATCHES, folderBatch("two"), "k");

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.message())
        .contains("X-Idempotency-Key was already used")
        .contains("different body");
    assertThat(sandbox.batchCalls()).hasSize(1);
  }

  @Test
  void listFiltersByAgentAndStatusAndPaginates() {
    for (int i = 0; i < 5; i++) {
      api.post(BATCHES, folderBatch("a" + i));
    }
    api.post(BATCHES, create("b", OTHER_AGENT, ""));
    String scheduled =
        api.get(BATCHES + "?limit=1").json().getJsonArray("data").getJsonObject(0).getString("id");
    api.post(BATCHES + "/" + scheduled + "/schedule", "{}");

    Answer page = api.get(BATCHES + "?agent_id=" + AGENT + "&limit=2&offset=1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(names(page)).containsExactly("a1", "a2");
    assertThat(page.json().getJsonObject("pagination").toString())
        .isEqualTo("{\"total\":5,\"limit\":2,\"offset\":1,\"has_more\":true}");
    Answer last = api.get(BATCHES + "?agent_id=" + AGENT + "&limit=2&offset=4");
    assertThat(names(last)).containsExactly("a4");
    assertThat(last.json().getJsonObject("pagination").getBoolean("has_more")).isFalse();
    assertThat(names(api.get(BATCHES + "?status=active"))).containsExactly("a0");
    assertThat(names(api.get(BATCHES + "?status=draft&agent_id=" + OTHER_AGENT)))
        .containsExactly("b");
    Answer all = api.get(BATCHES);
    assertThat(all.json().getJsonObject("pagination").getInt("limit")).isEqualTo(50);
    assertThat(names(all)).hasSize(6);
  }

  static List<String> names(Answer a) {
    return a.json().getJsonArray("data").stream()
        .map(v -> v.asJsonObject().getString("name"))
        .toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "limit=0|limit must be a whole number from 1 to 100",
        "limit=101|limit must be a whole number from 1 to 100",
        "limit=ten|limit must be a whole number",
        "offset=-1|offset must be a whole number from 0",
        "status=running|status must be one of draft, scheduled, active, paused, completed, cancelled",
      })
  void badListQueriesAre400(String query, String expected) {
    Answer a = api.get(BATCHES + "?" + query);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains(expected);
  }

  @Test
  void anUnknownBatchIs404Everywhere() {
    String path = BATCHES + "/9b1d0000-0000-4000-8000-0000000000aa";
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(api.get(path).message())
        .isEqualTo("batch call not found: 9b1d0000-0000-4000-8000-0000000000aa");
    assertThat(api.patch(path, "{\"name\":\"x\"}").status()).isEqualTo(404);
    assertThat(api.delete(path).status()).isEqualTo(404);
    for (String action : List.of("schedule", "pause", "resume")) {
      assertThat(api.post(path + "/" + action, "{}").status()).as(action).isEqualTo(404);
    }
  }

  @Test
  void updateChangesADraftAndChecksTheFields() {
    String id = api.post(BATCHES, folderBatch("old")).data().getString("id");

    Answer a =
        api.patch(
            BATCHES + "/" + id,
            "{\"name\":\"new\",\"max_concurrent_calls\":20,\"working_days\":[6,7]}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.data().getString("name")).isEqualTo("new");
    assertThat(api.get(BATCHES + "/" + id).data().getInt("max_concurrent_calls")).isEqualTo(20);

    Answer bad =
        api.patch(
            BATCHES + "/" + id, "{\"agent_id\":\"" + OTHER_AGENT + "\",\"max_retry_attempts\":5}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.message())
        .contains("agent_id is not a known field")
        .contains("max_retry_attempts");
    Answer scheduledAt =
        api.patch(BATCHES + "/" + id, "{\"scheduled_at\":\"2025-08-06T10:00:00+05:30\"}");
    assertThat(scheduledAt.status()).isEqualTo(400);
    assertThat(scheduledAt.message())
        .contains("scheduled_at is only used when schedule_type is scheduled");
    assertThat(api.patch(BATCHES + "/" + id, "{}").message()).contains("names no field to update");
    assertThat(api.get(BATCHES + "/" + id).data().getString("name")).isEqualTo("new");
  }

  @Test
  void deleteRemovesTheBatch() {
    String id = api.post(BATCHES, folderBatch("gone")).data().getString("id");

    Answer a = api.delete(BATCHES + "/" + id);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.data().getBoolean("deleted")).isTrue();
    assertThat(api.get(BATCHES + "/" + id).status()).isEqualTo(404);
    assertThat(sandbox.batchCalls()).isEmpty();
  }

  @Test
  void batchIdsAreTheSameInEverySandbox() {
    String id = api.post(BATCHES, folderBatch("x")).data().getString("id");
    try (SandboxServer other = sandbox()) {
      assertThat(new Api(other.uri(), TOKEN).post(BATCHES, folderBatch("y")).data().getString("id"))
          .isEqualTo(id);
    }
  }
}
