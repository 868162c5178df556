package dev.outreach.core.filter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers one listing {@link Question} selected, ascending by position, and of those a {@link
 * PartialSnapshot} does not keep, their loan ids (as UTF-8, end to end) and how the question's
 * probes fared on them (bits): some 30 bytes for such a customer, 4 for one kept.
 */
final class Listing {
  final String key; // the question's, with its probes
  final int[] members;
  private final int[] others; // ascending: the members not kept
  private final byte[] ids;
  private final int[] idEnds;
  private final long[] bits; // words per customer of others
  private final int words;
  private final Map<String, Integer> probe = new HashMap<>();

  private Listing(
      String key,
      int[] members,
      int[] others,
      byte[] ids,
      int[] idEnds,
      long[] bits,
      List<String> probes) {
    this.key = key;
    this.members = members;
    this.others = others;
    this.ids = ids;
    this.idEnds = idEnds;
    this.bits = bits;
    this.words = (probes.size() + 63) >>> 6;
    for (int i = 0; i < probes.size(); i++) {
      probe.putIfAbsent(probes.get(i), i);
    }
  }

  /** The place of {@code position} among the members not kept, or -1. */
  int other(int position) {
    int k = Arrays.binarySearch(others, position);
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
    private int[] members = new int[16];
    private int size;
    private int[] others = new int[16];
    private int[] idEnds = new int[16];
    private byte[] ids = new byte[256];
    private long[] bits = new long[16];
    private int otherCount;
    private boolean sorted = true;

    Builder(int words) {
      this.words = words;
    }

    void kept(int position) {
      add(position);
    }

    void other(int position, String loanId, long[] probes) {
      add(position);
      if (otherCount == others.length) {
        others = Arrays.copyOf(others, otherCount * 2);
        idEnds = Arrays.copyOf(idEnds, otherCount * 2);
      }
      byte[] id = loanId.getBytes(StandardCharsets.UTF_8);
      int from = otherCount == 0 ? 0 : idEnds[otherCount - 1];
      if (from + id.length > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(ids.length * 2, from + id.length));
      }
      System.arraycopy(id, 0, ids, from, id.length);
      if ((otherCount + 1) * words > bits.length) {
        bits = Arrays.copyOf(bits, Math.max(bits.length * 2, (otherCount + 1) * words));
      }
      System.arraycopy(probes, 0, bits, otherCount * words, words);
      sorted &= otherCount == 0 || others[otherCount - 1] < position;
      others[otherCount] = position;
      idEnds[otherCount++] = from + id.length;
    }

    private void add(int position) {
      if (size == members.length) {
        members = Arrays.copyOf(members, size * 2);
      }
      members[size++] = position;
    }

    int size() {
      return size;
    }

    /** The listing, sorted by position; the builder is spent. */
    Listing build(List<String> probes, Question q) {
      int[] m = Arrays.copyOf(members, size);
      Arrays.sort(m);
      for (int k = 1; k < m.length; k++) {
        if (m[k] == m[k - 1]) {
          throw new IllegalStateException(
              "internal error: the engine listed position " + m[k] + " twice for " + q);
        }
      }
      int n = otherCount;
      int[] o = Arrays.copyOf(others, n);
      if (sorted) {
        return new Listing(
            q.listingKey(),
            m,
            o,
            Arrays.copyOf(ids, n == 0 ? 0 : idEnds[n - 1]),
            Arrays.copyOf(idEnds, n),
            Arrays.copyOf(bits, n * words),
            probes);
      }
      // Rare (an engine that lists out of order): sort the others with their ids and bits.
      long[] order = new long[n];
      for (int k = 0; k < n; k++) {
        order[k] = ((long) o[k] << 32) | k;
      }
      Arrays.sort(order);
      int[] so = new int[n];
      int[] ends = new int[n];
      long[] sb = new long[n * words];
      byte[] sid = new byte[n == 0 ? 0 : idEnds[n - 1]];
      int at = 0;
      for (int j = 0; j < n; j++) {
        int k = (int) order[j];
        so[j] = o[k];
        int from = k == 0 ? 0 : idEnds[k - 1];
        System.arraycopy(ids, from, sid, at, idEnds[k] - from);
        at += idEnds[k] - from;
        ends[j] = at;
        System.arraycopy(bits, k * words, sb, j * words, words);
      }
      return new Listing(q.listingKey(), m, so, sid, ends, sb, probes);
    }
  }
}
