package dev.outreach.http.batch;

import java.util.List;

/**
 * One page of {@code GET /api/v1/batch-calls}.
 *
 * @param data the batch calls on this page
 * @param total how many match the query in all
 * @param limit the page size the server used
 * @param offset where this page starts
 * @param hasMore whether another page follows
 */
public record BatchCallPage(
    List<BatchCall> data, int total, int limit, int offset, boolean hasMore) {
  public BatchCallPage {
    data = List.copyOf(data);
  }
}
