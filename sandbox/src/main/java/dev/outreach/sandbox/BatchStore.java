package dev.outreach.sandbox;

import dev.outreach.core.Channel;
import dev.outreach.sandbox.HeldBatch.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The batch calls and their state machine: created as {@code draft}; {@code schedule} (a draft with
 * contacts) makes it {@code active}, or {@code scheduled} when its {@code scheduled_at} is still
 * ahead, and places its calls; {@code pause} (active or scheduled) and {@code resume} (paused, back
 * to where it was). Any other move is a 422 naming the batch's status. Thread-safe: every operation
 * holds one lock.
 */
final class BatchStore {
  /** One page of a listing and how many batches matched in all. */
  record Page(List<JsonObject> data, int total) {}

  /** A created batch, and whether it was created earlier with the same idempotency key. */
  record Created(JsonObject batch, boolean replayed) {}

  private static final class Batch {
    final String id;
    final Instant createdAt;
    final List<String> contacts;
    Map<String, JsonValue> settings;
    Status status = Status.DRAFT;
    Status beforePause;

    Batch(String id, Instant createdAt, Map<String, JsonValue> settings, List<String> contacts) {
      this.id = id;
      this.createdAt = createdAt;
      this.settings = settings;
      this.contacts = contacts;
    }
  }

  private record Keyed(JsonObject body, String batchId) {}

  private final Set<String> agents;
  private final Map<String, List<String>> folders;
  private final Ledger ledger;
  private final Clock clock;
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final Map<String, Keyed> keys = new HashMap<>();
  private int created;

  /** {@code agents} and the keys of {@code folders} are lower-case UUIDs. */
  BatchStore(Set<String> agents, Map<String, List<String>> folders, Ledger ledger, Clock clock) {
    this.agents = Set.copyOf(agents);
    this.folders = Map.copyOf(folders);
    this.ledger = ledger;
    this.clock = clock;
  }

  synchronized Created create(JsonObject body, String key) {
    if (key != null && keys.containsKey(key)) {
      Keyed k = keys.get(key);
      if (!k.body().equals(body)) {
        throw new Problem(
            422,
            "X-Idempotency-Key was already used to create batch call "
                + k.batchId()
                + " from a different body; use a new key for a different batch");
      }
      Batch b = batches.get(k.batchId());
      if (b == null) {
        throw new Problem(
            422,
            "X-Idempotency-Key was used to create batch call "
                + k.batchId()
                + ", which has since been deleted");
      }
      return new Created(json(b), true);
    }
    Map<String, JsonValue> settings = BatchFields.create(body);
    String agent = BatchFields.text(settings, "agent_id").toLowerCase(Locale.ROOT);
    if (!agents.contains(agent)) {
      throw new Problem(
          422, "agent_id " + agent + ": no such agent, or it is not active and ready for calls");
    }
    String folder = BatchFields.text(settings, "contact_folder_id");
    List<String> contacts =
        folder == null
            ? List.of()
            : folders.getOrDefault(folder.toLowerCase(Locale.ROOT), List.of());
    String id =
        UUID.nameUUIDFromBytes(
                ("outreach-sandbox-batch-" + ++created).getBytes(StandardCharsets.UTF_8))
            .toString();
    Batch b = new Batch(id, clock.instant(), settings, contacts);
    batches.put(id, b);
    if (key != null) {
      keys.put(key, new Keyed(body, id));
    }
    return new Created(json(b), false);
  }

  synchronized JsonObject get(String id) {
    return json(find(id));
  }

  synchronized Page list(String agentId, Status status, int limit, int offset) {
    List<JsonObject> matching = new ArrayList<>();
    for (Batch b : batches.values()) {
      if ((agentId == null || agentId.equalsIgnoreCase(BatchFields.text(b.settings, "agent_id")))
          && (status == null || b.status == status)) {
        matching.add(json(b));
      }
    }
    int from = Math.min(offset, matching.size());
    return new Page(
        List.copyOf(matching.subList(from, Math.min(matching.size(), from + limit))),
        matching.size());
  }

  synchronized JsonObject update(String id, JsonObject body) {
    Batch b = find(id);
    if (b.status != Status.DRAFT) {
      throw conflict(b, "updated", "a draft");
    }
    b.settings = BatchFields.update(b.settings, body);
    return json(b);
  }

  synchronized void delete(String id) {
    find(id);
    batches.remove(id);
  }

  /** Starts a draft batch and places a call to each of its contacts, tagged with the batch's id. */
  synchronized JsonObject schedule(String id, String key) {
    Batch b = find(id);
    if (b.status != Status.DRAFT) {
      throw conflict(b, "scheduled", "a draft");
    }
    if (b.contacts.isEmpty()) {
      String folder = BatchFields.text(b.settings, "contact_folder_id");
      String why =
          folder == null
              ? "the sandbox holds no contacts for contact_source "
                  + BatchFields.text(b.settings, "contact_source")
              : folders.containsKey(folder.toLowerCase(Locale.ROOT))
                  ? "contact folder " + folder + " is empty"
                  : "contact folder " + folder + " is unknown";
      throw new Problem(422, "batch call " + id + " has no contacts: " + why);
    }
    Instant start = BatchFields.start(b.settings);
    b.status = start != null && start.isAfter(clock.instant()) ? Status.SCHEDULED : Status.ACTIVE;
    String agent = BatchFields.text(b.settings, "agent_id");
    ledger.initiated(
        b.contacts.stream()
            .map(
                loanId ->
                    new Initiation(
                        null, Channel.CALL, loanId, agent, null, null, null, null, key, id))
            .toList());
    return json(b);
  }

  synchronized JsonObject pause(String id) {
    Batch b = find(id);
    if (b.status != Status.ACTIVE && b.status != Status.SCHEDULED) {
      throw conflict(b, "paused", "an active or scheduled");
    }
    b.beforePause = b.status;
    b.status = Status.PAUSED;
    return json(b);
  }

  synchronized JsonObject resume(String id) {
    Batch b = find(id);
    if (b.status != Status.PAUSED) {
      throw conflict(b, "resumed", "a paused");
    }
    b.status = b.beforePause;
    return json(b);
  }

  synchronized List<HeldBatch> snapshot() {
    return batches.values().stream()
        .map(
            b ->
                new HeldBatch(
                    b.id,
                    BatchFields.text(b.settings, "name"),
                    BatchFields.text(b.settings, "agent_id"),
                    b.status,
                    BatchFields.text(b.settings, "contact_folder_id"),
                    b.contacts,
                    json(b)))
        .toList();
  }

  private Batch find(String id) {
    Batch b = batches.get(id);
    if (b == null) {
      throw new Problem(404, "batch call not found: " + id);
    }
    return b;
  }

  private static Problem conflict(Batch b, String verb, String needed) {
    return new Problem(
        422,
        "batch call "
            + b.id
            + " is "
            + b.status.wire()
            + "; only "
            + needed
            + " batch can be "
            + verb);
  }

  private static JsonObject json(Batch b) {
    JsonObjectBuilder o = Json.createObjectBuilder().add("id", b.id);
    b.settings.forEach(
        (k, v) -> {
          o.add(k, v);
          if (k.equals("agent_id")) {
            o.add("status", b.status.wire());
          }
        });
    return o.add("contacts_count", b.contacts.size())
        .add("created_at", b.createdAt.toString())
        .build();
  }
}
