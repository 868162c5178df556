package dev.outreach.core.filter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers one listing {@link Question} selected, ascending by position, and of those a {@link
 * PartialSnapshot} does not keep, their loan ids (as UTF-8, end to end) and how the question's
 * probes fared on them (bits): some 30 bytes for such a customer, 4 for one kept. Built in place:
 * the arrays an engine's answers filled are the listing's, never copied to trim them.
 */
final class Listing {
  final String key; // the question's, with its probes
  final int[] members;
  private final int[] others; // ascending: the members not kept, the first `count` of them
  private final int count;
  private final byte[] ids;
  private final int[] idEnds;
  private final long[] bits; // words per customer of others
  private final int words;
  private final Map<String, Integer> probe = new HashMap<>();

  private Listing(String key, int[] members, Builder b, List<String> probes) {
    this.key = key;
    this.members = members;
    this.others = b.others;
    this.count = b.otherCount;
    this.ids = b.ids;
    this.idEnds = b.idEnds;
    this.bits = b.bits;
    this.words = b.words;
    for (int i = 0; i < probes.size(); i++) {
      probe.putIfAbsent(probes.get(i), i);
    }
  }

  /** The place of {@code position} among the members not kept, or -1. */
  int other(int position) {
    int k = Arrays.binarySearch(others, 0, count, position);
    return k < 0 ? -1 : k;
  }

  /** The loan id of the {@code k}th member not kept. */
  String loanId(int k) {
    int from = k == 0 ? 0 : idEnds[k - 1];
    return new String(ids, from, idEnds[k] - from, StandardCharsets.UTF_8);
  }

  /** Whether probe {@code json} selects the {@code k}th member not kept; null if not a probe. */
  Boolean probed(int k, String json) {
    Integer bit = probe.get(json);
    if (bit == null) {
      return null;
    }
    return (bits[k * words + (bit >>> 6)] & (1L << bit)) != 0;
  }

  /** A listing as an engine gives it, in any order. */
  static final class Builder {
    private final int words;
    private int[] members;
    private int size;
    private int[] others;
    private int[] idEnds;
    private byte[] ids;
    private long[] bits;
    private int otherCount;
    private boolean sorted = true;

    /** For about {@code expected} customers (the question's count: then no array grows). */
    Builder(int words, int expected) {
      this.words = words;
      int n = Math.max(16, expected);
      this.members = new int[n];
      int guess = Math.max(16, expected / 4); // most listed are often kept: grow if not
      this.others = new int[guess];
      this.idEnds = new int[guess];
      this.ids = new byte[guess * 16];
      this.bits = new long[guess * words];
    }

    void kept(int position) {
      add(position);
    }

    void other(int position, String loanId, long[] probes) {
      add(position);
      if (otherCount == others.length) {
        int more = otherCount + (otherCount >> 1) + 16;
        others = Arrays.copyOf(others, more);
        idEnds = Arrays.copyOf(idEnds, more);
        bits = Arrays.copyOf(bits, more * words);
      }
      byte[] id = loanId.getBytes(StandardCharsets.UTF_8);
      int from = otherCount == 0 ? 0 : idEnds[otherCount - 1];
      if (from + id.length > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(ids.length + (ids.length >> 1), from + id.length));
      }
      System.arraycopy(id, 0, ids, from, id.length);
      System.arraycopy(probes, 0, bits, otherCount * words, words);
      sorted &= otherCount == 0 || others[otherCount - 1] < position;
      others[otherCount] = position;
      idEnds[otherCount++] = from + id.length;
    }

    private void add(int position) {
      if (size == members.length) {
        members = Arrays.copyOf(members, size + (size >> 1) + 16);
      }
      members[size++] = position;
    }

    /** The listing, sorted by position; the builder is spent. */
    Listing build(List<String> probes, Question q) {
      int[] m = size == members.length ? members : Arrays.copyOf(members, size);
      members = null;
      Arrays.sort(m);
      for (int k = 1; k < m.length; k++) {
        if (m[k] == m[k - 1]) {
          throw new IllegalStateException(
              "internal error: the engine listed position " + m[k] + " twice for " + q);
        }
      }
      if (!sorted) { // rare (an engine that lists out of order): sort the others in place
        sortOthers();
      }
      return new Listing(q.listingKey(), m, this, probes);
    }

    private void sortOthers() {
      int n = otherCount;
      long[] order = new long[n];
      for (int k = 0; k < n; k++) {
        order[k] = ((long) others[k] << 32) | k;
      }
      Arrays.sort(order);
      int[] so = new int[n];
      int[] ends = new int[n];
      long[] sb = new long[n * words];
      byte[] sid = new byte[n == 0 ? 0 : idEnds[n - 1]];
      int at = 0;
      for (int j = 0; j < n; j++) {
        int k = (int) order[j];
        so[j] = others[k];
        int from = k == 0 ? 0 : idEnds[k - 1];
        System.arraycopy(ids, from, sid, at, idEnds[k] - from);
        at += idEnds[k] - from;
        ends[j] = at;
        System.arraycopy(bits, k * words, sb, j * words, words);
      }
      others = so;
      idEnds = ends;
      bits = sb;
      ids = sid;
    }
  }
}
