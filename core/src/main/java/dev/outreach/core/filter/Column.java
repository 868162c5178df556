package dev.outreach.core.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One equality attribute of the snapshot ({@code payment_status}, {@code language} or a custom key),
 * indexed once: each customer's value as a small id, and for each value its customers (ascending), their
 * number and the bytes their loan ids would take in an id list. Values match as {@link ValueSet} matches
 * them (by text; numbers also by value), so a constraint's customers are found by probing, not scanning.
 */
final class Column {
  /** Per customer, the id of its value; -1 when it has none. */
  private final int[] valueOf;
  private final List<Object> values = new ArrayList<>();
  private final int[][] members;
  private final long[] weights;
  private final Map<Object, Integer> ids = new HashMap<>();
  private final Map<String, List<Integer>> byText = new HashMap<>();
  private final Map<String, List<Integer>> byNumber = new HashMap<>();

  /** @param raw each customer's value, null when absent; @param weight each customer's id-list bytes */
  Column(Object[] raw, int[] weight) {
    valueOf = new int[raw.length];
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
        byText.computeIfAbsent(String.valueOf(v), k -> new ArrayList<>(1)).add(id);
        if (v instanceof Number) {
          byNumber.computeIfAbsent(ValueSet.numeric((Number) v), k -> new ArrayList<>(1)).add(id);
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

  /** The value ids a filter listing {@code allowed} matches, as {@link ValueSet#contains} would. */
  BitSet matching(List<?> allowed) {
    BitSet out = new BitSet();
    for (Object a : allowed) {
      for (int id : byText.getOrDefault(String.valueOf(a), List.of())) {
        out.set(id);
      }
      if (a instanceof Number) {
        for (int id : byNumber.getOrDefault(ValueSet.numeric((Number) a), List.of())) {
          out.set(id);
        }
      }
    }
    return out;
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

  /** The customers whose value has id {@code id}, ascending. */
  int[] membersOf(int id) {
    return members[id];
  }

  /** The customers whose value equals {@code value} (by {@code equals}), ascending; empty when none. */
  int[] membersEqual(Object value) {
    Integer id = ids.get(value);
    return id == null ? new int[0] : members[id];
  }

  IntPredicate test(BitSet valueIds) {
    return i -> {
      int v = valueOf[i];
      return v >= 0 && valueIds.get(v);
    };
  }
}
