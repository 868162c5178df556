package dev.outreach.spark;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.portfolio.PortfolioException;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The exact-audience proof in the executor: each customer of the partition is read again from the
 * source's rows and every step's body that can select it is applied to it as the API would. A step
 * is told how many of its customers it selects ({@code hits}) and how many others ({@code strays}),
 * as two longs per step in step order; it selects exactly its customers when the first is its size
 * and the second 0.
 */
final class PartitionProof implements MapPartitionsFunction<Row, byte[]> {
  private static final long serialVersionUID = 1L;

  /**
   * The steps to prove, as the driver broadcasts them: each step's {@code filters} as sent, or
   * {@code null} for one that lists ids and nothing else (it selects a customer exactly when it
   * lists them, which the driver checked against the step's customers); and each step's customers.
   * The steps listing each loan id are worked out once per executor JVM, and go with the broadcast
   * value when Spark drops it.
   */
  static final class Steps implements Serializable {
    private static final long serialVersionUID = 1L;

    final List<String> filters;
    final List<List<String>> customers;
    private transient Map<String, Object> listed;

    Steps(List<String> filters, List<List<String>> customers) {
      this.filters = filters;
      this.customers = customers;
    }

    /** The steps listing each loan id: an Integer, or an int[] for several. */
    synchronized Map<String, Object> listed() {
      if (listed == null) {
        int total = 0;
        for (List<String> ids : customers) {
          total += ids.size();
        }
        Map<String, Object> m = new HashMap<>(Math.max(16, total * 4 / 3 + 1));
        for (int i = 0; i < customers.size(); i++) {
          for (String id : customers.get(i)) {
            Object was = m.putIfAbsent(id, i);
            if (was instanceof Integer j) {
              m.put(id, new int[] {j, i});
            } else if (was instanceof int[] several) {
              int[] more = java.util.Arrays.copyOf(several, several.length + 1);
              more[several.length] = i;
              m.put(id, more);
            }
          }
        }
        listed = m;
      }
      return listed;
    }
  }

  private final String source;
  private final List<String> columns;
  private final Broadcast<Steps> steps;

  PartitionProof(String source, List<String> columns, Broadcast<Steps> steps) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.steps = steps;
  }

  @Override
  public Iterator<byte[]> call(Iterator<Row> rows) throws PortfolioException {
    Steps s = steps.value();
    int n = s.customers.size();
    Map<String, Object> listed = s.listed();
    List<Predicate<Customer>> matchers = new ArrayList<>(n);
    List<Integer> open = new ArrayList<>(); // steps that select by attributes, not by a list
    for (int i = 0; i < n; i++) {
      String f = s.filters.get(i);
      if (f == null) {
        matchers.add(null);
      } else {
        try (JsonReader r = Json.createReader(new StringReader(f))) {
          matchers.add(FilterJson.fromJson(r.readObject()).matcher());
        }
        open.add(i);
      }
    }
    long[] hits = new long[n];
    long[] strays = new long[n];
    SourceRows reader = SourceRows.of(source, columns);
    int width = columns.size();
    while (rows.hasNext()) {
      // A byte order mark is passed over on any line: the plan was made from a portfolio
      // without bad rows, so only the first line can have one.
      Customer c = reader.read(0, Cells.of(rows.next(), width), true).customer();
      if (c == null) {
        continue; // a blank line; the plan was made from a portfolio without bad rows
      }
      Object mine = listed.get(c.loanId());
      if (mine instanceof Integer i) {
        hit(i, c, matchers, hits);
      } else if (mine instanceof int[] several) {
        for (int i : several) {
          hit(i, c, matchers, hits);
        }
      }
      for (int i : open) {
        if (!lists(mine, i) && matchers.get(i).test(c)) {
          strays[i]++;
        }
      }
    }
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(16 * n);
    for (int i = 0; i < n; i++) {
      out.putLong(hits[i]).putLong(strays[i]);
    }
    return List.of(out.array()).iterator();
  }

  private static void hit(int step, Customer c, List<Predicate<Customer>> matchers, long[] hits) {
    Predicate<Customer> m = matchers.get(step);
    if (m == null || m.test(c)) {
      hits[step]++;
    }
  }

  private static boolean lists(Object mine, int step) {
    if (mine instanceof Integer i) {
      return i == step;
    }
    if (mine instanceof int[] several) {
      for (int i : several) {
        if (i == step) {
          return true;
        }
      }
    }
    return false;
  }
}
