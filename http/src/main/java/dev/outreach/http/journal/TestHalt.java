package dev.outreach.http.journal;

import dev.outreach.http.journal.JournalRecord.Outcome;
import dev.outreach.http.journal.JournalRecord.Sending;

/**
 * For crash tests only: the system property {@value #PROPERTY} = {@code POINT:STEP_ID} makes the process
 * halt ({@link Runtime#halt}, as abrupt as {@code kill -9}) at a point of the journal protocol for that
 * step: {@code mid-sending} (half the sending line written), {@code after-sending} (sending durable,
 * request not sent), {@code after-send} (response received, outcome not written) or {@code mid-outcome}
 * (half the outcome line written). Unset, it does nothing. With {@value #WAIT} {@code =true} the process
 * instead prints {@value #MARKER} and the point to standard error and waits there, to be killed from
 * outside ({@code kill -9}).
 */
final class TestHalt {
  static final String PROPERTY = "outreach.journal.testHalt";
  static final String WAIT = "outreach.journal.testHaltWait";
  static final String MARKER = "outreach-test-halt ";
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
    if (Boolean.getBoolean(WAIT)) {
      System.err.println(MARKER + SPEC);
      System.err.flush();
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          // keep waiting for the kill
        }
      }
    }
    Runtime.getRuntime().halt(99);
  }
}
