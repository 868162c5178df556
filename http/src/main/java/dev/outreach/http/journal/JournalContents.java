package dev.outreach.http.journal;

import dev.outreach.http.journal.JournalRecord.Header;
import dev.outreach.http.journal.JournalRecord.Outcome;
import dev.outreach.http.journal.JournalRecord.Sending;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A journal as read from its file.
 *
 * @param header the first line
 * @param records the records after the header, in file order
 * @param tornTail a description of an incomplete last line (a run killed while writing it), which
 *     is ignored; empty when the file ends cleanly
 */
public record JournalContents(
    Header header, List<JournalRecord> records, Optional<String> tornTail) {
  public JournalContents {
    Objects.requireNonNull(header, "header == null");
    records = List.copyOf(records);
    Objects.requireNonNull(tornTail, "tornTail == null");
  }

  /** Every journaled step's history, by step id, in order of first appearance. */
  public Map<String, StepHistory> steps() {
    Map<String, StepHistory> out = new LinkedHashMap<>();
    for (JournalRecord r : records) {
      String id = r instanceof Sending s ? s.stepId() : r instanceof Outcome o ? o.stepId() : null;
      if (id != null) {
        out.computeIfAbsent(id, k -> new StepHistory(k, 0, Optional.empty(), Optional.empty()));
        out.put(id, out.get(id).with(r));
      }
    }
    return out;
  }
}
