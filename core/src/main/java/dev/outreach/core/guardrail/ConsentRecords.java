package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Consent records indexed by loan and channel, each channel's records sorted by time with an
 * opt-out after an opt-in of the same instant, so the last record at or before an instant is the
 * state then.
 */
final class ConsentRecords implements Serializable {
  private static final long serialVersionUID = 1L;
  static final ConsentRecords EMPTY = new ConsentRecords(Map.of(), 0);
  private static final Channel[] CHANNELS = Channel.values();

  /** Per loan, per channel ordinal: times, and whether each record grants (else revokes). */
  private final Map<String, long[][]> times;

  private final Map<String, boolean[][]> grants;
  private final int size;

  private ConsentRecords(Map<String, Object[]> byLoan, int size) {
    this.times = new HashMap<>();
    this.grants = new HashMap<>();
    byLoan.forEach(
        (loan, parts) -> {
          times.put(loan, (long[][]) parts[0]);
          grants.put(loan, (boolean[][]) parts[1]);
        });
    this.size = size;
  }

  /** The state on a channel at an instant: the last record at or before it. */
  record Last(long millis, boolean granted) {}

  Last last(String loanId, Channel channel, long at) {
    long[][] t = times.get(loanId);
    if (t == null || t[channel.ordinal()] == null) {
      return null;
    }
    long[] ms = t[channel.ordinal()];
    int i = Arrays.binarySearch(ms, at);
    if (i < 0) {
      i = -i - 2;
    } else {
      while (i + 1 < ms.length && ms[i + 1] == at) {
        i++;
      }
    }
    return i < 0 ? null : new Last(ms[i], grants.get(loanId)[channel.ordinal()][i]);
  }

  int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConsentRecords r)
        || r.size != size
        || !r.times.keySet().equals(times.keySet())) {
      return false;
    }
    for (String loan : times.keySet()) {
      if (!Arrays.deepEquals(times.get(loan), r.times.get(loan))
          || !Arrays.deepEquals(grants.get(loan), r.grants.get(loan))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, times.keySet());
  }

  /** Collects records in any order. */
  static final class Builder {
    private final Map<String, java.util.List<java.util.List<long[]>>> byLoan = new HashMap<>();
    private int size;

    /** One record; {@code channel} null means every channel. */
    void add(String loanId, Channel channel, long millis, boolean granted) {
      java.util.List<java.util.List<long[]>> lists =
          byLoan.computeIfAbsent(
              loanId,
              k -> {
                java.util.List<java.util.List<long[]>> l = new java.util.ArrayList<>();
                for (int i = 0; i < CHANNELS.length; i++) {
                  l.add(new java.util.ArrayList<>());
                }
                return l;
              });
      for (Channel c : channel == null ? CHANNELS : new Channel[] {channel}) {
        lists.get(c.ordinal()).add(new long[] {millis, granted ? 0 : 1});
      }
      size++;
    }

    ConsentRecords build() {
      if (size == 0) {
        return EMPTY;
      }
      Map<String, Object[]> out = new HashMap<>();
      byLoan.forEach(
          (loan, lists) -> {
            long[][] t = new long[CHANNELS.length][];
            boolean[][] g = new boolean[CHANNELS.length][];
            for (int c = 0; c < CHANNELS.length; c++) {
              java.util.List<long[]> l = lists.get(c);
              if (l.isEmpty()) {
                continue;
              }
              // By time; at one instant the opt-in first, so the opt-out is the state.
              l.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
              t[c] = new long[l.size()];
              g[c] = new boolean[l.size()];
              for (int i = 0; i < t[c].length; i++) {
                t[c][i] = l.get(i)[0];
                g[c][i] = l.get(i)[1] == 0;
              }
            }
            out.put(loan, new Object[] {t, g});
          });
      return new ConsentRecords(out, size);
    }
  }
}
