package dev.outreach.core.internal;

import java.util.HashMap;

/**
 * Shares equal values met again (statuses, languages, dates, amounts and custom values repeat
 * across a book), so a store of millions of customers holds each once: up to a bound, past which a
 * value is kept as it came. Not thread-safe.
 */
public final class SharedValues {
  private final HashMap<Object, Object> seen = new HashMap<>();
  private final int bound;

  /** Remembers at most {@code bound} distinct values. */
  public SharedValues(int bound) {
    this.bound = bound;
  }

  /** The first value met that equals {@code v} and has its class, else {@code v}. */
  public Object shared(Object v) {
    if (v == null) {
      return null;
    }
    Object s = seen.get(v);
    if (s != null && s.getClass() == v.getClass()) {
      return s;
    }
    if (seen.size() < bound) {
      seen.put(v, v);
    }
    return v;
  }

  /** Forgets every value. */
  public void clear() {
    seen.clear();
  }
}
