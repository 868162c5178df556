package dev.outreach.report.diff;

import java.util.Objects;

/** How one customer's outcome differs between the base plan and the changed plan. */
public record Change(String customerId, Kind kind, Side before, Side after) {
  public Change {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(before, "before == null");
    Objects.requireNonNull(after, "after == null");
  }

  /** What changed, the first that applies in this order. */
  public enum Kind {
    /** Not contacted before, contacted now. */
    NEWLY_CONTACTED("newly contacted"),
    /** Contacted before, not now. */
    NO_LONGER_CONTACTED("no longer contacted"),
    /** Contacted in both, on other channels. */
    CHANNEL_CHANGED("channel changed"),
    /** Same channels, another time slot on at least one. */
    TIMING_CHANGED("timing changed"),
    /**
     * Same channels and times, another agent or template (or a batch campaign's daily window, days
     * or retries).
     */
    REQUEST_CHANGED("agent or template changed"),
    /** Not contacted in either, for another reason (say undecided before, suppressed now). */
    STATUS_CHANGED("other status change");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** The kind in plain words, e.g. "newly contacted". */
    public String words() {
      return words;
    }
  }

  /**
   * The kind of change between {@code a} and {@code b}, or {@code null} when the outcome is the
   * same.
   */
  static Kind classify(Side a, Side b) {
    if (!a.contacted() && b.contacted()) {
      return Kind.NEWLY_CONTACTED;
    }
    if (a.contacted() && !b.contacted()) {
      return Kind.NO_LONGER_CONTACTED;
    }
    if (!a.contacted()) {
      return a.status() == b.status() && Objects.equals(a.reason(), b.reason())
          ? null
          : Kind.STATUS_CHANGED;
    }
    if (a.contacts().size() != b.contacts().size()) {
      return Kind.CHANNEL_CHANGED;
    }
    for (int i = 0; i < a.contacts().size(); i++) {
      if (a.contacts().get(i).channel() != b.contacts().get(i).channel()) {
        return Kind.CHANNEL_CHANGED;
      }
    }
    for (int i = 0; i < a.contacts().size(); i++) {
      if (!a.contacts().get(i).sameTime(b.contacts().get(i))) {
        return Kind.TIMING_CHANGED;
      }
    }
    for (int i = 0; i < a.contacts().size(); i++) {
      if (!a.contacts().get(i).target().equals(b.contacts().get(i).target())) {
        return Kind.REQUEST_CHANGED;
      }
    }
    return null;
  }
}
