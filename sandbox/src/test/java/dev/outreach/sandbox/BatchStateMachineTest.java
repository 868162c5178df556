package dev.outreach.sandbox;

import static dev.outreach.sandbox.BatchCallsTest.AGENT;
import static dev.outreach.sandbox.BatchCallsTest.BATCHES;
import static dev.outreach.sandbox.BatchCallsTest.EMPTY_FOLDER;
import static dev.outreach.sandbox.BatchCallsTest.TOKEN;
import static dev.outreach.sandbox.BatchCallsTest.UNKNOWN_FOLDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.sandbox.Api.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * draft → schedule → active/scheduled ⇄ paused, and a 422 naming the status for every other move.
 */
class BatchStateMachineTest {
  SandboxServer sandbox;
  Api api;

  @BeforeEach
  void start() {
    sandbox = BatchCallsTest.sandbox();
    api = new Api(sandbox.uri(), TOKEN);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  String create(String more) {
    Answer a = api.post(BATCHES, BatchCallsTest.create("b", AGENT, more));
    assertThat(a.status()).as(a.json().toString()).isEqualTo(201);
    return a.data().getString("id");
  }

  String folderBatch() {
    return api.post(BATCHES, BatchCallsTest.folderBatch("b")).data().getString("id");
  }

  Answer act(String id, String action) {
    return api.post(BATCHES + "/" + id + "/" + action, "{}", "key-" + action);
  }

  String status(String id) {
    return api.get(BATCHES + "/" + id).data().getString("status");
  }

  @Test
  void scheduleStartsADraftAndCallsEachContactOnceTaggedWithTheBatch() {
    String id = folderBatch();

    Answer a = act(id, "schedule");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.data().getString("status")).isEqualTo("active");
    assertThat(sandbox.initiations())
        .containsExactly(
            new Initiation(
                null, Channel.CALL, "L1", AGENT, null, null, null, null, "key-schedule", id),
            new Initiation(
                null, Channel.CALL, "L2", AGENT, null, null, null, null, "key-schedule", id),
            new Initiation(
                null, Channel.CALL, "L3", AGENT, null, null, null, null, "key-schedule", id));
    assertThat(sandbox.contactCounts(Channel.CALL)).isEqualTo(Map.of("L1", 1L, "L2", 1L, "L3", 1L));
    assertThat(sandbox.batchCalls().get(0).status()).isEqualTo(HeldBatch.Status.ACTIVE);
  }

  @Test
  void aBatchScheduledForLaterIsScheduledThenPausesAndResumesToScheduled() {
    String id =
        create(
            ",\"contact_source\":\"folder\",\"contact_folder_id\":\""
                + BatchCallsTest.FOLDER
                + "\","
                + "\"schedule_type\":\"scheduled\",\"scheduled_at\":\"2025-08-06T10:00:00+05:30\",\"timezone\":\"Asia/Kolkata\"");

    assertThat(act(id, "schedule").data().getString("status")).isEqualTo("scheduled");
    assertThat(act(id, "pause").data().getString("status")).isEqualTo("paused");
    assertThat(act(id, "resume").data().getString("status")).isEqualTo("scheduled");
  }

  @Test
  void aScheduledTimeAlreadyPastStartsAtOnce() {
    String id =
        create(
            ",\"contact_source\":\"folder\",\"contact_folder_id\":\""
                + BatchCallsTest.FOLDER
                + "\","
                + "\"schedule_type\":\"scheduled\",\"scheduled_at\":\"2025-08-05T08:00:00\",\"timezone\":\"Asia/Kolkata\"");

    assertThat(act(id, "schedule").data().getString("status")).isEqualTo("active");
  }

  @Test
  void activePausesAndResumesToActive() {
    String id = folderBatch();
    act(id, "schedule");

    assertThat(act(id, "pause").data().getString("status")).isEqualTo("paused");
    assertThat(status(id)).isEqualTo("paused");
    assertThat(act(id, "resume").data().getString("status")).isEqualTo("active");
    assertThat(sandbox.initiations()).as("pausing and resuming place no new calls").hasSize(3);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|the sandbox holds no contacts for contact_source csv",
        ",\"contact_source\":\"manual\"|the sandbox holds no contacts for contact_source manual",
        ",\"contact_source\":\"folder\",\"contact_folder_id\":\""
            + UNKNOWN_FOLDER
            + "\"|contact folder "
            + UNKNOWN_FOLDER
            + " is unknown",
        ",\"contact_source\":\"folder\",\"contact_folder_id\":\""
            + EMPTY_FOLDER
            + "\"|contact folder "
            + EMPTY_FOLDER
            + " is empty",
      })
  void schedulingABatchWithoutContactsIs422(String source, String why) {
    String id = create(source);

    Answer a = act(id, "schedule");

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.message()).isEqualTo("batch call " + id + " has no contacts: " + why);
    assertThat(status(id)).isEqualTo("draft");
    assertThat(sandbox.initiations()).isEmpty();
  }

  @Test
  void everyMoveTheStateMachineDoesNotAllowIs422NamingTheStatus() {
    String id = folderBatch();
    assertThat(act(id, "pause").message())
        .isEqualTo(
            "batch call " + id + " is draft; only an active or scheduled batch can be paused");
    assertThat(act(id, "resume").message())
        .isEqualTo("batch call " + id + " is draft; only a paused batch can be resumed");

    act(id, "schedule");
    assertThat(act(id, "schedule").message())
        .isEqualTo("batch call " + id + " is active; only a draft batch can be scheduled");
    assertThat(act(id, "resume").message())
        .isEqualTo("batch call " + id + " is active; only a paused batch can be resumed");
    Answer update = api.patch(BATCHES + "/" + id, "{\"name\":\"late\"}");
    assertThat(update.status()).isEqualTo(422);
    assertThat(update.message())
        .isEqualTo("batch call " + id + " is active; only a draft batch can be updated");

    act(id, "pause");
    for (String action : List.of("pause", "schedule")) {
      Answer a = act(id, action);
      assertThat(a.status()).as(action).isEqualTo(422);
      assertThat(a.message()).as(action).contains("is paused");
    }
    assertThat(api.patch(BATCHES + "/" + id, "{\"name\":\"late\"}").status()).isEqualTo(422);
    assertThat(sandbox.initiations()).as("a second schedule never calls again").hasSize(3);
  }

  @Test
  void actionsTakeNoFields() {
    String id = folderBatch();

    Answer a = api.post(BATCHES + "/" + id + "/schedule", "{\"when\":\"now\"}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("takes no fields, found when");
    assertThat(api.send("POST", BATCHES + "/" + id + "/schedule", null, null).status())
        .as("an empty body is fine")
        .isEqualTo(200);
  }
}
