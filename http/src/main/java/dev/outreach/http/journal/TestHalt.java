package dev.outreach.http.journal;

import dev.outreach.http.journal.JournalRecord.Outcome;
import dev.outreach.http.journal.JournalRecord.Sending;

/**
 * For crash tests only: the system property {@value #PROPERTY} = {@code POINT:STEP_ID} makes the process
 * halt ({@link Runtime#halt}, as abrupt as {@code kill -9}) at a point of the journal protocol for that
 * step: {@code mid-sending} (half the sending line written), {@code after-sending} (sending durable,
 * request not sent), {@code after-send} (response received, outcome not written) or {@code mid-outcome}
 * (half the outcome line written). Unset, it does nothing.
 */
final class TestHalt {
  static final String PROPERTY = "outreach.journal.testHalt";
  private static final String SPEC = System.getProperty(PROPERTY, "");

  private TestHalt() {}

  /** Whether {@code point} applies to record {@code r}. */
  static boolean at(String point, JournalRecord r) {
    if (SPEC.isEmpty()) {
      return false;
    }
    String step = r instanceof Sending s ? s.stepId() : r instanceof Outcome o ? o.stepId() : null;
    return step != null && SPEC.equals(point + ":" + step);
  }

  static void halt() {
    Runtime.getRuntime().halt(99);
  }
}
