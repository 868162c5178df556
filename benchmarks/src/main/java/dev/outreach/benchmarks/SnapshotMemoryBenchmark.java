package dev.outreach.benchmarks;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.SnapshotBuilder;
import dev.outreach.core.filter.SnapshotIndex;
import dev.outreach.examples.sample.SamplePortfolio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * What the Spark driver holds for compact filters, per customer, on the sample's generated
 * customers: the slim customers it used to keep with an index over them ({@code SnapshotIndex.of}),
 * against the columns {@link SnapshotBuilder} keeps, both with every attribute indexed, measured in
 * the same run as heap retained after full collections. Values (loan ids, statuses, amounts) belong
 * to the customers both are made from, so only what each adds is counted.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.SnapshotMemoryBenchmark 1000000,4000000
 * </pre>
 */
public final class SnapshotMemoryBenchmark {
  private SnapshotMemoryBenchmark() {}

  public static void main(String[] args) {
    String sizes = args.length > 0 ? args[0] : "1000000,4000000";
    System.out.printf(
        Locale.ROOT,
        "Snapshot memory: %s customers of the sample, every attribute indexed%n",
        sizes);
    for (String s : sizes.split(",")) {
      int n = Integer.parseInt(s.strip());
      List<Customer> book = SamplePortfolio.customers(n, 42);
      long base = HeapPeak.retained();

      long t0 = System.nanoTime();
      Object kept = slim(book);
      long slimTime = System.nanoTime() - t0;
      long slimBytes = HeapPeak.retained() - base;
      kept = null;
      HeapPeak.retained();

      Integer[] order = new Integer[n]; // the partitions send customers in loan-id order
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparing(i -> book.get(i).loanId()));
      t0 = System.nanoTime();
      kept = columns(book, order);
      long columnTime = System.nanoTime() - t0;
      order = null; // the sort is Spark's, not the driver's
      long columnBytes = HeapPeak.retained() - base;
      System.out.printf(
          Locale.ROOT,
          "%,d customers: slim customers + index %,.0f bytes a customer (%.2f s); columns %,.0f bytes"
              + " a customer (%.2f s); columns / slim = %.2fx%n",
          n,
          (double) slimBytes / n,
          slimTime / 1e9,
          (double) columnBytes / n,
          columnTime / 1e9,
          (double) columnBytes / slimBytes);
      if (kept.hashCode() == 42) { // keeps the index reachable until measured
        System.out.print("");
      }
    }
  }

  /** As the driver kept them before: a slim copy of each customer, then the index over them. */
  private static Object slim(List<Customer> book) {
    List<Customer> slim = new ArrayList<>(book.size());
    for (Customer c : book) {
      // A customer sent from a partition has its own map.
      slim.add(c.filterable().withCustom(new HashMap<>(c.custom())));
    }
    SnapshotIndex index = SnapshotIndex.of(slim);
    index.attributes().forEach(index::build);
    return List.of(slim, index);
  }

  /** As the driver keeps them now: columns, fed in loan-id order as the partitions send them. */
  private static Object columns(List<Customer> book, Integer[] order) {
    SnapshotBuilder b = SnapshotIndex.builder(book.size());
    for (int i : order) {
      b.add(book.get(i));
    }
    SnapshotIndex index = b.build(k -> order[k]);
    index.attributes().forEach(index::build);
    return index;
  }
}
