package dev.outreach.http.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.internal.JsonText;
import dev.outreach.http.client.ApiOutcome;
import dev.outreach.http.client.FakeServer;
import dev.outreach.http.client.FakeServer.Recorded;
import dev.outreach.http.client.FakeServer.Response;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.client.OutreachException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchCallsTest {
  static final String ID = "9b1d6f1e-0000-4000-8000-000000000001";

  FakeServer server;
  BatchCalls batches;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer();
    batches = new BatchCalls(OutreachClient.builder(server.uri()).token("batch-t0ken").build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String batch(String id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"EMI reminders\",\"agent_id\":\"3f0c\",\"status\":\""
        + status
        + "\",\"contact_source\":\"folder\",\"contacts_count\":12}";
  }

  static String page(int total, int offset, boolean more, String... ids) {
    List<String> data = new ArrayList<>();
    for (String id : ids) {
      data.add(batch(id, "draft"));
    }
    return "{\"data\":["
        + String.join(",", data)
        + "],\"pagination\":{\"total\":"
        + total
        + ",\"limit\":2,\"offset\":"
        + offset
        + ",\"has_more\":"
        + more
        + "}}";
  }

  @Test
  void listSendsTheQueryAndReadsThePage() throws Exception {
    server.enqueue(Response.json(200, page(3, 0, true, "a", "b")));

    ApiOutcome<BatchCallPage> outcome =
        batches.list(BatchCallQuery.all().agentId("ag ent").status("draft").limit(2));

    BatchCallPage p = outcome.content().orElseThrow();
    assertThat(p.data()).extracting(BatchCall::id).containsExactly("a", "b");
    assertThat(p.total()).isEqualTo(3);
    assertThat(p.hasMore()).isTrue();
    Recorded r = server.takeRequest();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/api/v1/batch-calls");
    assertThat(r.query()).isEqualTo("agent_id=ag+ent&status=draft&limit=2&offset=0");
  }

  @Test
  void iteratingAllFetchesEveryPageInTurn() throws Exception {
    server.enqueue(Response.json(200, page(5, 0, true, "a", "b")));
    server.enqueue(Response.json(200, page(5, 2, true, "c", "d")));
    server.enqueue(Response.json(200, page(5, 4, false, "e")));

    List<String> ids = new ArrayList<>();
    batches.all(BatchCallQuery.all().limit(2)).forEach(b -> ids.add(b.id()));

    assertThat(ids).containsExactly("a", "b", "c", "d", "e");
    assertThat(
            List.of(
                server.takeRequest().query(),
                server.takeRequest().query(),
                server.takeRequest().query()))
        .containsExactly("limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4");
  }

  @Test
  void aFailingPageOrAPagingLoopEndsTheIterationWithAnException() {
    server.enqueue(Response.json(200, page(5, 0, true, "a", "b")));
    server.enqueue(Response.json(503, "{\"message\":\"busy\"}"));
    var it = batches.all(BatchCallQuery.all().limit(2)).iterator();
    it.next();
    it.next();
    assertThatThrownBy(it::hasNext)
        .isInstanceOf(OutreachException.class)
        .hasMessageContaining("offset 2")
        .hasMessageContaining("throttled");

    server.enqueue(Response.json(200, page(5, 0, true)));
    assertThatThrownBy(() -> batches.all(BatchCallQuery.all()).iterator().hasNext())
        .isInstanceOf(OutreachException.class)
        .hasMessageContaining("returned none");
  }

  @Test
  void getReadsTheBatchAndAnUnknownIdIsRejected() throws Exception {
    server.enqueue(Response.json(200, "{\"data\":" + batch(ID, "scheduled") + ",\"meta\":{}}"));
    server.enqueue(Response.json(404, "{\"message\":\"batch call not found\"}"));

    BatchCall b = batches.get(ID).content().orElseThrow();
    assertThat(b.status()).isEqualTo("scheduled");
    assertThat(b.isDraft()).isFalse();
    assertThat(b.contactsCount()).isEqualTo(OptionalInt.of(12));
    assertThat(b.json().getString("contact_source")).isEqualTo("folder");
    assertThat(batches.get("nope"))
        .isEqualTo(new ApiOutcome.Rejected<>(404, "batch call not found"));
    assertThat(server.takeRequest().path()).isEqualTo("/api/v1/batch-calls/" + ID);
    assertThatThrownBy(() -> batches.get("../customers"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createSendsTheBodyUnderTheIdempotencyKey() throws Exception {
    server.enqueue(Response.json(201, "{\"data\":" + batch(ID, "draft") + ",\"meta\":{}}"));
    byte[] body =
        "{\"name\":\"EMI reminders\",\"agent_id\":\"3f0c\"}".getBytes(StandardCharsets.UTF_8);

    ApiOutcome<BatchCall> created = batches.create(body, "outreach-v1-abc");

    assertThat(created.content().orElseThrow().id()).isEqualTo(ID);
    Recorded r = server.takeRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.header("X-Idempotency-Key")).isEqualTo("outreach-v1-abc");
    assertThat(r.body()).isEqualTo(body);
  }

  @Test
  void stateChangesUseTheirPathsAndA422IsRejectedWithTheMessage() throws Exception {
    server.enqueue(Response.json(200, "{\"data\":" + batch(ID, "draft") + "}"));
    server.enqueue(Response.json(422, "{\"message\":\"batch is not in draft\"}"));
    server.enqueue(Response.json(200, "{\"data\":" + batch(ID, "paused") + "}"));
    server.enqueue(Response.json(200, "{\"data\":" + batch(ID, "active") + "}"));
    server.enqueue(Response.json(204, ""));

    assertThat(
            batches
                .update(ID, JsonText.parseObject("{\"name\":\"new\"}"))
                .content()
                .orElseThrow()
                .name())
        .isEqualTo("EMI reminders");
    assertThat(batches.schedule(ID, "k"))
        .isEqualTo(new ApiOutcome.Rejected<>(422, "batch is not in draft"));
    assertThat(batches.pause(ID).content().orElseThrow().status()).isEqualTo("paused");
    assertThat(batches.resume(ID).content().orElseThrow().status()).isEqualTo("active");
    assertThat(batches.delete(ID)).isInstanceOf(ApiOutcome.Done.class);
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Recorded r = server.takeRequest();
      calls.add(r.method() + " " + r.path());
    }
    String base = "/api/v1/batch-calls/" + ID;
    assertThat(calls)
        .containsExactly(
            "PATCH " + base,
            "POST " + base + "/schedule",
            "POST " + base + "/pause",
            "POST " + base + "/resume",
            "DELETE " + base);
  }

  @Test
  void aSuccessWithoutTheBatchIsUnknownNotDone() {
    server.enqueue(Response.json(201, "{\"data\":{\"name\":\"no id\"}}"));
    server.enqueue(Response.json(200, "{\"data\":[],\"pagination\":{}}"));

    assertThat(batches.create(new byte[] {'{', '}'}, "k")).isInstanceOf(ApiOutcome.Unknown.class);
    assertThat(batches.list(BatchCallQuery.all())).isInstanceOf(ApiOutcome.Unknown.class);
  }
}
