package dev.outreach.core.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One ordered attribute of the snapshot ({@code emi_due_date} or {@code emi_amount}), indexed once:
 * its customers sorted by value, with running id-list bytes, so a range's customers, their number
 * and bytes are found by binary search. Values compare with {@code compareTo}, as the range filters
 * do.
 */
final class RangeColumn<T extends Comparable<? super T>> {
  private final T[] valueOf;
  private final int[] order;
  private final long[] prefix;

  RangeColumn(T[] valueOf, int[] weight) {
    this.valueOf = valueOf;
    // Sorted by (value, position) as packed longs: each distinct value (by equals) ranked once
    // among the
    // others by compareTo, so a million customers sort as primitives, not through a comparator.
    Map<T, Integer> distinct = new HashMap<>();
    for (T v : valueOf) {
      if (v != null) {
        distinct.putIfAbsent(v, distinct.size());
      }
    }
    List<T> sorted = new ArrayList<>(distinct.keySet());
    sorted.sort(Comparator.naturalOrder());
    int[] rankOf = new int[sorted.size()];
    int rank = -1;
    for (int j = 0; j < sorted.size(); j++) {
      if (j == 0 || sorted.get(j).compareTo(sorted.get(j - 1)) != 0) {
        rank++;
      }
      rankOf[distinct.get(sorted.get(j))] = rank;
    }
    long[] keys = new long[valueOf.length];
    int n = 0;
    for (int i = 0; i < valueOf.length; i++) {
      if (valueOf[i] != null) {
        keys[n++] = ((long) rankOf[distinct.get(valueOf[i])] << 32) | i;
      }
    }
    Arrays.sort(keys, 0, n);
    order = new int[n];
    prefix = new long[n + 1];
    for (int j = 0; j < n; j++) {
      order[j] = (int) keys[j];
      prefix[j + 1] = prefix[j] + weight[order[j]];
    }
  }

  /** The value of the customer at {@code position}, null when it has none. */
  T value(int position) {
    return valueOf[position];
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
      return v != null
          && (from == null || v.compareTo(from) >= 0)
          && (to == null || v.compareTo(to) <= 0);
    };
  }
}
