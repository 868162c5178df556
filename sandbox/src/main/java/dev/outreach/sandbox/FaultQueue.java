package dev.outreach.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** The injected faults not yet used up, in injection order. Thread-safe. */
final class FaultQueue {
  private static final class Pending {
    final Fault fault;
    int left;
    int passing;

    Pending(Fault fault) {
      this.fault = fault;
      this.left = fault.times();
      this.passing = fault.passing();
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  synchronized void add(Fault fault) {
    pending.add(new Pending(Objects.requireNonNull(fault, "fault == null")));
  }

  synchronized void clear() {
    pending.clear();
  }

  /**
   * The first pending fault that applies to this request, used once; {@code null} when none
   * applies.
   */
  synchronized Fault take(String path, boolean partialCapable) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.fault.appliesTo(path, partialCapable)) {
        if (p.passing > 0) {
          p.passing--; // this request passes this fault by; a later fault may still apply to it
          continue;
        }
        if (--p.left == 0) {
          it.remove();
        }
        return p.fault;
      }
    }
    return null;
  }
}
