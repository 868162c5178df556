package dev.outreach.report.money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Delinquency buckets by days past due, as collections teams count them. Edges {@code 0,30,60,90}
 * (the default) give {@code current} (0 days), {@code 1–30}, {@code 31–60}, {@code 61–90} and
 * {@code 90+} (more than 90), then {@code unknown} for customers whose days past due cannot be told
 * (no due date and no {@code dpd}); unknown is always the last bucket and never merged into
 * another. The first edge is the top of the first bucket: edges {@code 7,30} give {@code 0–7},
 * {@code 8–30}, {@code 30+}.
 */
public final class Buckets {
  /** {@code current}, {@code 1–30}, {@code 31–60}, {@code 61–90}, {@code 90+}, {@code unknown}. */
  public static final Buckets DEFAULT = new Buckets(new int[] {0, 30, 60, 90});

  /** The label of the bucket of customers whose days past due are unknown. */
  public static final String UNKNOWN = "unknown";

  private final int[] edges;
  private final List<String> labels;

  private Buckets(int[] edges) {
    this.edges = edges;
    List<String> l = new ArrayList<>();
    l.add(edges[0] == 0 ? "current" : "0\u2013" + edges[0]);
    for (int i = 1; i < edges.length; i++) {
      l.add((edges[i - 1] + 1) + "\u2013" + edges[i]);
    }
    l.add(edges[edges.length - 1] + "+");
    l.add(UNKNOWN);
    this.labels = List.copyOf(l);
  }

  /**
   * Buckets with these upper edges, e.g. {@code 0, 30, 60, 90}.
   *
   * @throws IllegalArgumentException unless there is at least one edge, each a whole number of zero
   *     or more, in increasing order
   */
  public static Buckets of(int... edges) {
    Objects.requireNonNull(edges, "edges == null");
    if (edges.length == 0) {
      throw new IllegalArgumentException("give at least one bucket edge, e.g. 0,30,60,90");
    }
    for (int i = 0; i < edges.length; i++) {
      if (edges[i] < 0) {
        throw new IllegalArgumentException("bucket edge " + edges[i] + " is negative");
      }
      if (i > 0 && edges[i] <= edges[i - 1]) {
        throw new IllegalArgumentException(
            "bucket edges must increase: " + edges[i] + " comes after " + edges[i - 1]);
      }
    }
    return new Buckets(edges.clone());
  }

  /**
   * Buckets from text such as {@code 0,30,60,90}.
   *
   * @throws IllegalArgumentException when the text is not increasing whole numbers of zero or more,
   *     separated by commas
   */
  public static Buckets parse(String spec) {
    Objects.requireNonNull(spec, "spec == null");
    String[] parts = spec.split(",", -1);
    int[] edges = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (!p.matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException(
            "'"
                + spec
                + "' is not a list of bucket edges: give increasing whole numbers of days,"
                + " separated by commas, e.g. 0,30,60,90");
      }
      edges[i] = Integer.parseInt(p);
    }
    try {
      return of(edges);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not a list of bucket edges: " + e.getMessage() + ", e.g. 0,30,60,90");
    }
  }

  /** The upper edges, e.g. {@code [0, 30, 60, 90]}. */
  public int[] edges() {
    return edges.clone();
  }

  /** Every bucket's label, in order, {@link #UNKNOWN} last. */
  public List<String> labels() {
    return labels;
  }

  /** How many buckets there are, {@link #UNKNOWN} included. */
  public int size() {
    return labels.size();
  }

  /** The index of {@link #UNKNOWN}. */
  public int unknown() {
    return labels.size() - 1;
  }

  /** The bucket of {@code daysPastDue}; {@code null} gives {@link #UNKNOWN}. */
  public int index(Integer daysPastDue) {
    if (daysPastDue == null) {
      return unknown();
    }
    for (int i = 0; i < edges.length; i++) {
      if (daysPastDue <= edges[i]) {
        return i;
      }
    }
    return edges.length;
  }

  /** The label of the bucket of {@code daysPastDue}. */
  public String label(Integer daysPastDue) {
    return labels.get(index(daysPastDue));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Buckets && Arrays.equals(edges, ((Buckets) o).edges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int e : edges) {
      sb.append(sb.length() == 0 ? "" : ",").append(e);
    }
    return sb.toString();
  }
}
