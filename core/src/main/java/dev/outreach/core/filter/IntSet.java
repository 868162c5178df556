package dev.outreach.core.filter;

/**
 * A set of non-negative ints remembering the order they were first added: the distinct value ids of
 * an audience's column, found without boxing. Open addressing; grows as needed.
 */
final class IntSet {
  private int[] slots = new int[16]; // value + 1; 0 = empty
  private int[] order = new int[8];
  private int size;

  /** Adds {@code v} (at least 0); true when it was not there yet. */
  boolean add(int v) {
    int mask = slots.length - 1;
    int i = mix(v) & mask;
    while (slots[i] != 0) {
      if (slots[i] == v + 1) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = v + 1;
    if (size == order.length) {
      order = java.util.Arrays.copyOf(order, size * 2);
    }
    order[size++] = v;
    if (size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  int size() {
    return size;
  }

  /** The {@code i}-th distinct value, in the order first added. */
  int get(int i) {
    return order[i];
  }

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int s : old) {
      if (s != 0) {
        int i = mix(s - 1) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  private static int mix(int v) {
    int h = v * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
