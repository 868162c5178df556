package dev.outreach.http.journal;

import dev.outreach.http.journal.JournalRecord.Header;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses a journal's bytes: whole lines are records; an unterminated last line is a torn tail. */
final class JournalFile {
  private JournalFile() {}

  /**
   * @param goodLength the length of the whole lines (where a torn tail starts)
   */
  record Parsed(
      Optional<Header> header,
      List<JournalRecord> records,
      long goodLength,
      Optional<String> tornTail) {}

  static Parsed parse(byte[] bytes, Path file) {
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    Optional<String> torn =
        end == bytes.length
            ? Optional.empty()
            : Optional.of(
                "the last line of "
                    + file
                    + " was cut off ("
                    + (bytes.length - end)
                    + " bytes; a run was stopped while"
                    + " writing it) and is ignored: "
                    + preview(bytes, end));
    Header header = null;
    List<JournalRecord> records = new ArrayList<>();
    int line = 0;
    for (int from = 0; from < end; ) {
      int to = from;
      while (bytes[to] != '\n') {
        to++;
      }
      line++;
      String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      from = to + 1;
      JournalRecord r;
      try {
        r = JournalCodec.parse(text);
      } catch (RuntimeException e) {
        throw new JournalException(
            "journal "
                + file
                + " line "
                + line
                + " is not a journal record ("
                + e.getMessage()
                + "); the file is damaged: do not run with it, keep it to find out what was sent",
            e);
      }
      if (line == 1) {
        if (!(r instanceof Header h)) {
          throw new JournalException(
              "journal " + file + " line 1 is not a header: not a journal written by outreach");
        }
        header = h;
      } else if (r instanceof Header) {
        throw new JournalException(
            "journal " + file + " line " + line + " is a second header; the file is damaged");
      } else {
        records.add(r);
      }
    }
    return new Parsed(Optional.ofNullable(header), records, end, torn);
  }

  private static String preview(byte[] bytes, int from) {
    String s = new String(bytes, from, Math.min(bytes.length - from, 80), StandardCharsets.UTF_8);
    return "\"" + s.replaceAll("\\p{Cntrl}", "?") + (bytes.length - from > 80 ? "…" : "") + "\"";
  }
}
