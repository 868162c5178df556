package dev.outreach.core.guardrail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One loan's attempts on one channel, as parallel arrays sorted by time (epoch milliseconds), with
 * the outcomes {@linkplain CoolOff#normalize normalized}. Grown while a history is built, then
 * {@link #seal() sealed} and never changed.
 */
final class Attempts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private long[] millis = new long[2];
  private String[] outcomes = new String[2];

  /** What a promise to pay said, per attempt; {@code null} until some attempt has a promise. */
  private Promise[] promises;

  private int size;
  private boolean sorted = true;

  /** A promise to pay recorded with an attempt: either part may be {@code null}. */
  record Promise(LocalDate date, BigDecimal amount) implements java.io.Serializable {}

  void add(long at, String outcome) {
    add(at, outcome, null);
  }

  void add(long at, String outcome, Promise promise) {
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size * 2);
      outcomes = Arrays.copyOf(outcomes, size * 2);
      if (promises != null) {
        promises = Arrays.copyOf(promises, size * 2);
      }
    }
    if (size > 0 && at < millis[size - 1]) {
      sorted = false;
    }
    millis[size] = at;
    outcomes[size] = outcome;
    if (promise != null) {
      if (promises == null) {
        promises = new Promise[millis.length];
      }
      promises[size] = promise;
    }
    size++;
  }

  /** Trims the arrays and sorts them by time (a stable sort: equal times keep file order). */
  Attempts seal() {
    if (!sorted) {
      long[] m = millis;
      int[] order =
          IntStream.range(0, size)
              .boxed()
              .sorted(Comparator.comparingLong(i -> m[i]))
              .mapToInt(Integer::intValue)
              .toArray();
      long[] ms = new long[size];
      String[] os = new String[size];
      Promise[] ps = promises == null ? null : new Promise[size];
      for (int i = 0; i < size; i++) {
        ms[i] = millis[order[i]];
        os[i] = outcomes[order[i]];
        if (ps != null) {
          ps[i] = promises[order[i]];
        }
      }
      millis = ms;
      outcomes = os;
      promises = ps;
      sorted = true;
    } else if (millis.length != size) {
      millis = Arrays.copyOf(millis, size);
      outcomes = Arrays.copyOf(outcomes, size);
      if (promises != null) {
        promises = Arrays.copyOf(promises, size);
      }
    }
    return this;
  }

  int size() {
    return size;
  }

  long at(int i) {
    return millis[i];
  }

  String outcome(int i) {
    return outcomes[i];
  }

  /** The promise recorded with attempt {@code i}, or {@code null}. */
  Promise promise(int i) {
    return promises == null ? null : promises[i];
  }

  /** The index of the last attempt at or before {@code t}, or -1 when there is none. */
  int lastAtOrBefore(long t) {
    int i = Arrays.binarySearch(millis, 0, size, t);
    if (i < 0) {
      return -i - 2;
    }
    while (i + 1 < size && millis[i + 1] == t) {
      i++;
    }
    return i;
  }
}
