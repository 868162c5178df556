package dev.outreach.sandbox;

import dev.outreach.sandbox.HeldBatch.Status;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The batch-call endpoints at the paths the project assumes (the Batch Calls document gives none):
 * {@code GET/POST /api/v1/batch-calls}, {@code GET/PATCH/DELETE /api/v1/batch-calls/{id}} and
 * {@code POST /api/v1/batch-calls/{id}/schedule|pause|resume}. Replies are {@code
 * {"data":…,"meta":…}}; a listing adds {@code pagination}.
 */
final class BatchEndpoints {
  static final String COLLECTION = "/api/v1/batch-calls";
  static final String ONE = COLLECTION + "/([^/]+)";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private final BatchStore store;

  BatchEndpoints(BatchStore store) {
    this.store = store;
  }

  /** The routes, in the order the router tries them. */
  List<Route> routes() {
    return List.of(
        Route.of("GET", COLLECTION, false, false, this::list),
        Route.of("POST", COLLECTION, true, false, this::create),
        Route.of("GET", ONE, false, false, c -> data(200, store.get(c.param(0)))),
        Route.of("PATCH", ONE, true, false, c -> data(200, store.update(c.param(0), c.json()))),
        Route.of("DELETE", ONE, false, false, this::delete),
        Route.of(
            "POST",
            ONE + "/schedule",
            false,
            false,
            c -> action(c, () -> store.schedule(c.param(0), c.idempotencyKey()))),
        Route.of(
            "POST", ONE + "/pause", false, false, c -> action(c, () -> store.pause(c.param(0)))),
        Route.of(
            "POST", ONE + "/resume", false, false, c -> action(c, () -> store.resume(c.param(0)))));
  }

  private Reply list(Call call) {
    Map<String, String> q = call.query();
    String agentId = q.get("agent_id");
    Status status = null;
    if (q.containsKey("status")) {
      status = Status.fromWire(q.get("status"));
      if (status == null) {
        throw Problem.invalid(
            "status must be one of draft, scheduled, active, paused, completed, cancelled, found \""
                + q.get("status")
                + "\"");
      }
    }
    int limit = whole(q, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = whole(q, "offset", 0, 0, Integer.MAX_VALUE);
    BatchStore.Page page = store.list(agentId, status, limit, offset);
    JsonArrayBuilder data = Json.createArrayBuilder();
    page.data().forEach(data::add);
    return Reply.json(
        200,
        Json.createObjectBuilder()
            .add("data", data)
            .add(
                "pagination",
                Json.createObjectBuilder()
                    .add("total", page.total())
                    .add("limit", limit)
                    .add("offset", offset)
                    .add("has_more", offset + page.data().size() < page.total()))
            .add("meta", JsonObject.EMPTY_JSON_OBJECT)
            .build());
  }

  private Reply create(Call call) {
    BatchStore.Created created = store.create(call.json(), call.idempotencyKey());
    // A replay answers 200 with the batch created the first time, and says so.
    return Reply.json(
        created.replayed() ? 200 : 201,
        Json.createObjectBuilder()
            .add("data", created.batch())
            .add("meta", Json.createObjectBuilder().add("idempotent_replay", created.replayed()))
            .build());
  }

  private Reply delete(Call call) {
    store.delete(call.param(0));
    return data(
        200, Json.createObjectBuilder().add("id", call.param(0)).add("deleted", true).build());
  }

  /** schedule, pause and resume take no fields: the body must be empty or {@code {}}. */
  private static Reply action(Call call, Supplier<JsonObject> action) {
    JsonObject body = call.jsonOrEmpty();
    if (!body.isEmpty()) {
      throw Problem.invalid(
          "this action takes no fields, found " + String.join(", ", body.keySet()));
    }
    return data(200, action.get());
  }

  private static Reply data(int status, JsonObject data) {
    return Reply.json(
        status,
        Json.createObjectBuilder()
            .add("data", data)
            .add("meta", JsonObject.EMPTY_JSON_OBJECT)
            .build());
  }

  private static int whole(Map<String, String> q, String name, int otherwise, int min, int max) {
    String v = q.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Problem.invalid(
        name + " must be a whole number from " + min + " to " + max + ", found \"" + v + "\"");
  }
}
