package dev.outreach.http.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** One line of a journal. Records never hold a token, a header value or a phone number. */
public sealed interface JournalRecord {

  /**
   * The first line: which plan the journal belongs to, and which API it was run against.
   *
   * @param planSha256 hex SHA-256 of the plan's canonical JSON
   * @param steps how many steps the plan has
   * @param baseUrl the API's base URL, normalised ({@code scheme://host:port/path}, never
   *     credentials); empty in journals of format version 1, which did not record it
   */
  record Header(
      int version,
      String planSha256,
      String campaignId,
      int steps,
      Instant createdAt,
      Optional<String> baseUrl)
      implements JournalRecord {
    public Header {
      Objects.requireNonNull(planSha256, "planSha256 == null");
      Objects.requireNonNull(campaignId, "campaignId == null");
      Objects.requireNonNull(createdAt, "createdAt == null");
      Objects.requireNonNull(baseUrl, "baseUrl == null");
    }

    /** A header that records no base URL. */
    public Header(int version, String planSha256, String campaignId, int steps, Instant createdAt) {
      this(version, planSha256, campaignId, steps, createdAt, Optional.empty());
    }
  }

  /** Written and made durable before attempt {@code attempt} (from 1) of a step is sent. */
  record Sending(String stepId, int attempt, String idempotencyKey, Instant at)
      implements JournalRecord {
    public Sending {
      Objects.requireNonNull(stepId, "stepId == null");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
      Objects.requireNonNull(at, "at == null");
    }
  }

  /**
   * Written after attempt {@code attempt} of a step came back (or, on resume, for an attempt whose
   * run stopped before recording it).
   *
   * @param status the HTTP status, when a response arrived
   * @param message the server's message or what went wrong (phone numbers masked)
   * @param succeeded customers initiated (or records added) as the server reported, when it did
   * @param failed customers (or records) the server reported failed, when it did
   * @param failedIds the loan ids the server named as failed, in its order
   * @param batchId the batch call id a create returned
   */
  record Outcome(
      String stepId,
      int attempt,
      Result result,
      OptionalInt status,
      String message,
      OptionalInt succeeded,
      OptionalInt failed,
      List<String> failedIds,
      Optional<String> batchId,
      Instant at)
      implements JournalRecord {
    public Outcome {
      Objects.requireNonNull(stepId, "stepId == null");
      Objects.requireNonNull(result, "result == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(succeeded, "succeeded == null");
      Objects.requireNonNull(failed, "failed == null");
      failedIds = List.copyOf(failedIds);
      Objects.requireNonNull(batchId, "batchId == null");
      Objects.requireNonNull(at, "at == null");
    }
  }
}
