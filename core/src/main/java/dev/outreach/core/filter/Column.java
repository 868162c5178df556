package dev.outreach.core.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One equality attribute of the snapshot ({@code payment_status}, {@code language} or a custom
 * key), indexed once: each customer's value as a small id, and for each value its customers
 * (ascending), their number and the bytes their loan ids would take in an id list. Values match as
 * {@link ValueSet} matches them (by text; numbers also by value), so a constraint's customers are
 * found by probing, not scanning.
 */
final class Column {
  /** Per customer, the id of its value; -1 when it has none. */
  private final int[] valueOf;

  private final List<Object> values = new ArrayList<>();
  private final int[][] members;
  private final long[] weights;

  /** Text of a value to its id (the first, when values of several types share a text). */
  private final Map<String, Integer> byText = new HashMap<>();

  /** Normalised number to its id (the first, when several scales share it). */
  private final Map<String, Integer> byNumber = new HashMap<>();

  /** The ids after the first sharing a text or a number: rare (5000 and 5000.00, or "5" and 5). */
  private final Map<String, List<Integer>> moreByText = new HashMap<>(0);

  private final Map<String, List<Integer>> moreByNumber = new HashMap<>(0);

  /**
   * @param raw each customer's value, null when absent; @param weight each customer's id-list bytes
   */
  Column(Object[] raw, int[] weight) {
    valueOf = new int[raw.length];
    Map<Object, Integer> ids =
        new HashMap<>(); // only while indexing: a million unique values cost much
    int[] counts = new int[16];
    for (int i = 0; i < raw.length; i++) {
      Object v = raw[i];
      if (v == null) {
        valueOf[i] = -1;
        continue;
      }
      Integer id = ids.get(v);
      if (id == null) {
        id = values.size();
        ids.put(v, id);
        values.add(v);
        put(byText, moreByText, String.valueOf(v), id);
        if (v instanceof Number) {
          put(byNumber, moreByNumber, ValueSet.numeric((Number) v), id);
        }
        if (id == counts.length) {
          counts = Arrays.copyOf(counts, counts.length * 2);
        }
      }
      valueOf[i] = id;
      counts[id]++;
    }
    members = new int[values.size()][];
    weights = new long[values.size()];
    for (int v = 0; v < members.length; v++) {
      members[v] = new int[counts[v]];
    }
    int[] filled = new int[values.size()];
    for (int i = 0; i < raw.length; i++) {
      int v = valueOf[i];
      if (v >= 0) {
        members[v][filled[v]++] = i;
        weights[v] += weight[i];
      }
    }
  }

  private static void put(
      Map<String, Integer> first, Map<String, List<Integer>> more, String key, Integer id) {
    if (first.putIfAbsent(key, id) != null) {
      more.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
    }
  }

  /** The value ids a filter listing {@code allowed} matches, as {@link ValueSet#contains} would. */
  BitSet matching(List<?> allowed) {
    BitSet out = new BitSet();
    for (Object a : allowed) {
      mark(out, byText, moreByText, String.valueOf(a));
      if (a instanceof Number) {
        mark(out, byNumber, moreByNumber, ValueSet.numeric((Number) a));
      }
    }
    return out;
  }

  private static void mark(
      BitSet out, Map<String, Integer> first, Map<String, List<Integer>> more, String key) {
    Integer id = first.get(key);
    if (id != null) {
      out.set(id);
      for (int other : more.getOrDefault(key, List.of())) {
        out.set(other);
      }
    }
  }

  int count(BitSet valueIds) {
    int n = 0;
    for (int v = valueIds.nextSetBit(0); v >= 0; v = valueIds.nextSetBit(v + 1)) {
      n += members[v].length;
    }
    return n;
  }

  long weight(BitSet valueIds) {
    long w = 0;
    for (int v = valueIds.nextSetBit(0); v >= 0; v = valueIds.nextSetBit(v + 1)) {
      w += weights[v];
    }
    return w;
  }

  /** The customers having one of {@code valueIds}, ascending. */
  int[] members(BitSet valueIds) {
    int[] out = new int[count(valueIds)];
    int k = 0;
    int lists = 0;
    for (int v = valueIds.nextSetBit(0); v >= 0; v = valueIds.nextSetBit(v + 1)) {
      System.arraycopy(members[v], 0, out, k, members[v].length);
      k += members[v].length;
      lists++;
    }
    if (lists > 1) {
      Arrays.sort(out);
    }
    return out;
  }

  /** The id of the value of the customer at {@code position}; -1 when it has none. */
  int valueId(int position) {
    return valueOf[position];
  }

  /** The value of id {@code id}: the first of its equals in the snapshot. */
  Object value(int id) {
    return values.get(id);
  }

  /** The bytes the loan ids of the customers having value {@code id} take in an id list. */
  long weightOf(int id) {
    return weights[id];
  }

  /** The customers whose value has id {@code id}, ascending. */
  int[] membersOf(int id) {
    return members[id];
  }

  IntPredicate test(BitSet valueIds) {
    return i -> {
      int v = valueOf[i];
      return v >= 0 && valueIds.get(v);
    };
  }
}
