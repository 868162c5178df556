package dev.outreach.core.filter;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntPredicate;

/**
 * One ordered attribute of the snapshot ({@code emi_due_date} or {@code emi_amount}), indexed once: its
 * customers sorted by value, with running id-list bytes, so a range's customers, their number and bytes
 * are found by binary search. Values compare with {@code compareTo}, as the range filters do.
 */
final class RangeColumn<T extends Comparable<? super T>> {
  private final T[] valueOf;
  private final int[] order;
  private final long[] prefix;

  RangeColumn(T[] valueOf, int[] weight) {
    this.valueOf = valueOf;
    int n = 0;
    for (T v : valueOf) {
      n += v == null ? 0 : 1;
    }
    Integer[] boxed = new Integer[n];
    int k = 0;
    for (int i = 0; i < valueOf.length; i++) {
      if (valueOf[i] != null) {
        boxed[k++] = i;
      }
    }
    Arrays.sort(boxed, Comparator.comparing((Integer i) -> valueOf[i]).thenComparingInt(i -> i));
    order = new int[n];
    prefix = new long[n + 1];
    for (int j = 0; j < n; j++) {
      order[j] = boxed[j];
      prefix[j + 1] = prefix[j] + weight[order[j]];
    }
  }

  /** The first position whose value is at least {@code from} (0 for an open end). */
  int lower(T from) {
    if (from == null) {
      return 0;
    }
    int lo = 0;
    int hi = order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (valueOf[order[mid]].compareTo(from) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first position whose value is above {@code to} (the end for an open end). */
  int upper(T to) {
    if (to == null) {
      return order.length;
    }
    int lo = 0;
    int hi = order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (valueOf[order[mid]].compareTo(to) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  long weight(int from, int to) {
    return prefix[to] - prefix[from];
  }

  /** The customers at positions {@code [from, to)}, ascending by customer. */
  int[] members(int from, int to) {
    int[] out = Arrays.copyOfRange(order, from, to);
    Arrays.sort(out);
    return out;
  }

  IntPredicate test(T from, T to) {
    return i -> {
      T v = valueOf[i];
      return v != null && (from == null || v.compareTo(from) >= 0) && (to == null || v.compareTo(to) <= 0);
    };
  }
}
