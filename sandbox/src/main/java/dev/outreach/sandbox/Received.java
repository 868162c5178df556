package dev.outreach.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the sandbox received, whatever became of it.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the request path without the query, e.g. {@code /api/v1/initiate/CAMP/calls}
 * @param idempotencyKey the {@code X-Idempotency-Key} header, or {@code null} when absent
 * @param status the status answered, or {@link #DROPPED} when the connection was closed unanswered
 * @param time when the request arrived, by the sandbox's clock
 */
public record Received(
    String method, String path, String idempotencyKey, int status, Instant time) {
  /** The {@link #status()} of a request whose connection was dropped without a response. */
  public static final int DROPPED = -1;

  public Received {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(time, "time == null");
  }

  /** Whether the connection was closed without a response. */
  public boolean dropped() {
    return status == DROPPED;
  }
}
