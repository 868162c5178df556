package dev.outreach.report.html;

import java.util.Objects;

/**
 * One bar of a chart: a label, a count per series (per channel), and a note written after the total
 * (e.g. the EMI at stake), or {@code null}.
 */
record Bar(String label, long[] values, String note) {
  Bar {
    Objects.requireNonNull(label, "label == null");
    values = values.clone();
  }

  Bar(String label, long[] values) {
    this(label, values, null);
  }

  /** This bar with {@code note} after its total. */
  Bar withNote(String note) {
    return new Bar(label, values, note);
  }

  long total() {
    long t = 0;
    for (long v : values) {
      t += v;
    }
    return t;
  }
}
