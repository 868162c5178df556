package dev.outreach.http.batch;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A batch call as the API returns it ({@code data}). The fields the executor relies on are typed;
 * the rest (schedule, calling window, phone numbers…) are in {@link #json()}.
 *
 * @param id the batch's UUID
 * @param status {@code draft}, {@code scheduled}, {@code active}, {@code paused}, {@code completed}
 *     or {@code cancelled} (kept as the server's text, so a status added later still reads)
 * @param contactsCount the server's {@code contacts_count}, when it gave one
 * @param json the whole object
 */
public record BatchCall(
    String id,
    String name,
    String agentId,
    String status,
    OptionalInt contactsCount,
    JsonObject json) {

  /**
   * The {@code draft} status: created, not yet scheduled; only a draft may be updated or scheduled.
   */
  public static final String DRAFT = "draft";

  public BatchCall {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(contactsCount, "contactsCount == null");
    Objects.requireNonNull(json, "json == null");
  }

  /**
   * Whether the batch is still a draft (not scheduled, started, paused, completed or cancelled).
   */
  public boolean isDraft() {
    return status.equals(DRAFT);
  }
}
