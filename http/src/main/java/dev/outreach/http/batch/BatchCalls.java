package dev.outreach.http.batch;

import dev.outreach.core.internal.JsonText;
import dev.outreach.http.client.ApiOutcome;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.client.OutreachException;
import jakarta.json.JsonObject;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The batch calls endpoints, through an {@link OutreachClient} (one attempt per call, replies as
 * {@link ApiOutcome} values). The documents give no paths; these are assumed: {@code GET
 * /api/v1/batch-calls} (list), {@code GET|PATCH|DELETE /api/v1/batch-calls/{id}}, {@code POST
 * /api/v1/batch-calls} (create) and {@code POST /api/v1/batch-calls/{id}/schedule|pause|resume}.
 * The API answers 422 with a message when a batch is not in a state that allows the change (e.g.
 * updating or scheduling a batch that is not a draft); that is {@link ApiOutcome.Rejected}.
 */
public final class BatchCalls {
  /** The collection path. */
  public static final String PATH = dev.outreach.core.plan.StepKind.BATCH_CALLS_PATH;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private final OutreachClient client;

  /** Batch calls through {@code client}. */
  public BatchCalls(OutreachClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /** One page of batch calls matching {@code query}. */
  public ApiOutcome<BatchCallPage> list(BatchCallQuery query) {
    Objects.requireNonNull(query, "query == null");
    return client.exchange("GET", PATH, query.encoded(), null, null, BatchJson::page);
  }

  /**
   * Every batch call matching {@code query}, from its offset on, fetching pages of {@code
   * query.limit()} as the iteration goes. Offset paging over a list that changes meanwhile may skip
   * or repeat a batch.
   *
   * @return an iterable whose iterator throws {@link OutreachException} when a page cannot be
   *     fetched
   */
  public Iterable<BatchCall> all(BatchCallQuery query) {
    Objects.requireNonNull(query, "query == null");
    return () -> new Pages(query);
  }

  /** The batch call {@code id}; 404 ({@link ApiOutcome.Rejected}) when there is none. */
  public ApiOutcome<BatchCall> get(String id) {
    return client.exchange("GET", PATH + "/" + id(id), null, null, null, BatchJson::data);
  }

  /**
   * Creates a batch call (status {@code draft}) from {@code body} (the documented create fields).
   * The API honours {@code X-Idempotency-Key}: the same key and body give the same batch again,
   * never a second one, so a create whose outcome is unknown may be sent again with the same key.
   */
  public ApiOutcome<BatchCall> create(byte[] body, String idempotencyKey) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
    return client.exchange("POST", PATH, null, body, idempotencyKey, BatchJson::data);
  }

  /** Changes a draft batch ({@code PATCH}); 422 unless it is a draft. */
  public ApiOutcome<BatchCall> update(String id, JsonObject changes) {
    Objects.requireNonNull(changes, "changes == null");
    return client.exchange(
        "PATCH", PATH + "/" + id(id), null, JsonText.compactBytes(changes), null, BatchJson::data);
  }

  /** Deletes a batch; the value is the reply's JSON object (empty for 204). */
  public ApiOutcome<JsonObject> delete(String id) {
    return client.exchange("DELETE", PATH + "/" + id(id), null, null, null, json -> json);
  }

  /**
   * Schedules (starts) a draft batch that has contacts; 422 otherwise. Not idempotent by key: when
   * its outcome is unknown, {@link #get(String) get} the batch: a status other than {@code draft}
   * means it took effect.
   */
  public ApiOutcome<BatchCall> schedule(String id, String idempotencyKey) {
    return transition(id, "schedule", idempotencyKey);
  }

  /** Pauses an active or scheduled batch; 422 otherwise. */
  public ApiOutcome<BatchCall> pause(String id) {
    return transition(id, "pause", null);
  }

  /** Resumes a paused batch; 422 otherwise. */
  public ApiOutcome<BatchCall> resume(String id) {
    return transition(id, "resume", null);
  }

  private ApiOutcome<BatchCall> transition(String id, String action, String key) {
    return client.exchange(
        "POST",
        PATH + "/" + id(id) + "/" + action,
        null,
        new byte[] {'{', '}'},
        key,
        BatchJson::data);
  }

  private static String id(String id) {
    Objects.requireNonNull(id, "id == null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a batch call id (letters, digits, - and _): " + id);
    }
    return id;
  }

  /** Fetches pages lazily. */
  private final class Pages implements Iterator<BatchCall> {
    private BatchCallQuery next;
    private Iterator<BatchCall> page = java.util.Collections.emptyIterator();

    Pages(BatchCallQuery first) {
      this.next = first;
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext() && next != null) {
        ApiOutcome<BatchCallPage> outcome = list(next);
        if (!(outcome instanceof ApiOutcome.Done<BatchCallPage> done)) {
          throw new OutreachException(
              "listing batch calls at offset "
                  + next.offset()
                  + " came to "
                  + outcome.outcome()
                  + ": "
                  + outcome,
              outcome);
        }
        BatchCallPage p = done.content().orElseThrow();
        if (p.hasMore() && p.data().isEmpty()) {
          throw new OutreachException(
              "the server says more batch calls follow offset "
                  + next.offset()
                  + " but returned none; stopping rather than asking forever",
              outcome);
        }
        page = p.data().iterator();
        next = p.hasMore() ? next.offset(next.offset() + p.data().size()) : null;
      }
      return page.hasNext();
    }

    @Override
    public BatchCall next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }
  }
}
