package dev.outreach.report.html;

import java.util.Objects;

/** One bar of a chart: a label and a count per series (per channel). */
record Bar(String label, long[] values) {
  Bar {
    Objects.requireNonNull(label, "label == null");
    values = values.clone();
  }

  long total() {
    long t = 0;
    for (long v : values) {
      t += v;
    }
    return t;
  }
}
