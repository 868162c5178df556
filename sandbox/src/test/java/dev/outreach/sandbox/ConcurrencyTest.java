package dev.outreach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many clients at once: every request takes effect exactly once, and state stays whole. */
class ConcurrencyTest {
  static final String TOKEN = "busy-token";

  @Test
  void parallelInitiationsAreEachRecordedExactlyOnce() throws Exception {
    int n = 400;
    List<Customer> customers =
        IntStream.range(0, n).mapToObj(i -> Customer.builder("L" + i).build()).toList();
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign("CAMP", customers).start()) {
      Api api = new Api(sandbox.uri(), TOKEN);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          String id = "L" + i;
          String path = "/api/v1/initiate/CAMP/" + (i % 2 == 0 ? "calls" : "sms");
          String body =
              i % 2 == 0
                  ? "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"ids\":[\""
                      + id
                      + "\"]}}"
                  : "{\"templateId\":\"t\",\"filters\":{\"ids\":[\"" + id + "\"]}}";
          statuses.add(pool.submit(() -> api.post(path, body, "key-" + id).status()));
        }
        for (Future<Integer> s : statuses) {
          assertThat(s.get()).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(sandbox.initiations()).hasSize(n);
      assertThat(sandbox.contactCounts(Channel.CALL))
          .hasSize(n / 2)
          .allSatisfy((id, count) -> assertThat(count).isOne());
      assertThat(sandbox.contactCounts(Channel.SMS))
          .hasSize(n / 2)
          .allSatisfy((id, count) -> assertThat(count).isOne());
      assertThat(sandbox.received()).hasSize(n);
    }
  }

  @Test
  void parallelCreatesWithOneIdempotencyKeyMakeOneBatch() throws Exception {
    try (SandboxServer sandbox = BatchCallsTest.sandbox()) {
      Api api = new Api(sandbox.uri(), BatchCallsTest.TOKEN);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          ids.add(
              pool.submit(
                  () ->
                      api.post(
                              BatchCallsTest.BATCHES,
                              BatchCallsTest.folderBatch("once"),
                              "same-key")
                          .data()
                          .getString("id")));
        }
        String first = ids.get(0).get();
        for (Future<String> id : ids) {
          assertThat(id.get()).isEqualTo(first);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(sandbox.batchCalls()).hasSize(1);
      assertThat(sandbox.received())
          .extracting(Received::status)
          .containsOnly(200, 201)
          .filteredOn(s -> s == 201)
          .hasSize(1);
    }
  }
}
