package dev.outreach.spark;

import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import dev.outreach.core.plan.Step;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The driver's side of the exact-audience proof made in Spark's partitions ({@link
 * PartitionProof}).
 */
final class SparkProof {
  private SparkProof() {}

  /**
   * Proves each step where the rows are: every body applied to every customer it can select (see
   * {@link PartitionProof}); a step that lists ids and nothing else is compared with its customers
   * here, and its ids found in the rows there.
   */
  static void prove(
      List<Step> steps,
      JavaSparkContext context,
      Dataset<Row> rows,
      String source,
      List<String> columns) {
    List<Step> checked = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    List<List<String>> customers = new ArrayList<>();
    for (Step step : steps) {
      if (!step.kind().contacts() || step.kind().batch()) {
        continue; // uploads select nobody; a batch calls its folder, which no body names
      }
      JsonObject body = step.body();
      JsonObject json =
          body.containsKey("filters") ? body.getJsonObject("filters") : JsonValue.EMPTY_JSON_OBJECT;
      Filters f = FilterJson.fromJson(json);
      Set<String> want = new HashSet<>(step.customerIds());
      if (want.size() != step.customerIds().size()) {
        throw wrong(step, want.size());
      }
      if (f.ids() != null && Filters.ids(f.ids()).equals(f)) {
        if (f.ids().size() != want.size() || !want.containsAll(f.ids())) {
          throw wrong(step, new HashSet<>(f.ids()).size());
        }
        filters.add(null);
      } else {
        filters.add(json.toString());
      }
      customers.add(step.customerIds());
      checked.add(step);
    }
    if (checked.isEmpty()) {
      return;
    }
    Broadcast<PartitionProof.Steps> shared =
        context.broadcast(new PartitionProof.Steps(filters, customers));
    long[] hits = new long[checked.size()];
    long[] strays = new long[checked.size()];
    try {
      for (byte[] part :
          rows.mapPartitions(new PartitionProof(source, columns, shared), Encoders.BINARY())
              .collectAsList()) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(part);
        for (int i = 0; i < hits.length; i++) {
          hits[i] += in.getLong();
          strays[i] += in.getLong();
        }
      }
    } finally {
      shared.destroy();
    }
    for (int i = 0; i < hits.length; i++) {
      if (strays[i] > 0 || hits[i] != checked.get(i).customerIds().size()) {
        throw wrong(checked.get(i), hits[i] + strays[i]);
      }
    }
  }

  private static IllegalStateException wrong(Step step, long selected) {
    return new IllegalStateException(
        "internal error: step "
            + step.id()
            + " would select "
            + selected
            + " customers instead of its "
            + step.customerIds().size()
            + "; the plan was not emitted");
  }
}
