package dev.outreach.sandbox;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A batch call as the sandbox holds it now (the client's view of one is {@code
 * dev.outreach.http.batch.BatchCall}).
 *
 * @param id the batch's id (a UUID, deterministic per sandbox: the n-th batch created always gets
 *     the same)
 * @param contacts the loan ids in the batch's contact folder, captured when it was created (empty
 *     for the {@code csv} and {@code manual} sources, which the sandbox holds no contacts for)
 * @param json the batch call object exactly as the API returns it
 */
public record HeldBatch(
    String id,
    String name,
    String agentId,
    Status status,
    String contactFolderId,
    List<String> contacts,
    JsonObject json) {

  public HeldBatch {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    contacts = List.copyOf(contacts);
    Objects.requireNonNull(json, "json == null");
  }

  /** The states of a batch call; {@link #wire()} is the API's spelling. */
  public enum Status {
    DRAFT,
    SCHEDULED,
    ACTIVE,
    PAUSED,
    COMPLETED,
    CANCELLED;

    /** The API's name, e.g. {@code draft}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code wire} in the API, or {@code null} when there is none. */
    static Status fromWire(String wire) {
      for (Status s : values()) {
        if (s.wire().equals(wire)) {
          return s;
        }
      }
      return null;
    }
  }
}
