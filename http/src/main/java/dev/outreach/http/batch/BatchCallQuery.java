package dev.outreach.http.batch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filters and page of a batch call listing. Start from {@link #all()} and narrow it: {@code
 * BatchCallQuery.all().agentId(id).status("paused").limit(100)}.
 *
 * @param agentId only batches of this agent, when present
 * @param status only batches in this status, when present
 * @param limit page size, 1 to 100 (default 50)
 * @param offset how many matching batches to skip (default 0)
 */
public record BatchCallQuery(
    Optional<String> agentId, Optional<String> status, int limit, int offset) {
  /** The API's largest page. */
  public static final int MAX_LIMIT = 100;

  public BatchCallQuery {
    agentId = agentId.filter(s -> !s.isBlank());
    status = status.filter(s -> !s.isBlank());
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
  }

  /** Every batch call, 50 a page from the first. */
  public static BatchCallQuery all() {
    return new BatchCallQuery(Optional.empty(), Optional.empty(), 50, 0);
  }

  /** This query restricted to {@code agentId}. */
  public BatchCallQuery agentId(String agentId) {
    return new BatchCallQuery(Optional.of(agentId), status, limit, offset);
  }

  /** This query restricted to {@code status}, e.g. {@code draft}. */
  public BatchCallQuery status(String status) {
    return new BatchCallQuery(agentId, Optional.of(status), limit, offset);
  }

  /** This query with pages of {@code limit}. */
  public BatchCallQuery limit(int limit) {
    return new BatchCallQuery(agentId, status, limit, offset);
  }

  /** This query starting at {@code offset}. */
  public BatchCallQuery offset(int offset) {
    return new BatchCallQuery(agentId, status, limit, offset);
  }

  /** The encoded query string, e.g. {@code agent_id=a&status=draft&limit=50&offset=0}. */
  String encoded() {
    List<String> parts = new ArrayList<>();
    agentId.ifPresent(a -> parts.add("agent_id=" + URLEncoder.encode(a, StandardCharsets.UTF_8)));
    status.ifPresent(s -> parts.add("status=" + URLEncoder.encode(s, StandardCharsets.UTF_8)));
    parts.add("limit=" + limit);
    parts.add("offset=" + offset);
    return String.join("&", parts);
  }
}
