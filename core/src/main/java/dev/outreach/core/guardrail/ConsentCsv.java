package dev.outreach.core.guardrail;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads a consent CSV file, all or nothing, with every bad row named by line and column. */
final class ConsentCsv {
  private static final List<String> COLUMNS = List.of("loan_id", "channel", "status", "timestamp");
  private static final List<String> OPT_OUT = List.of("opt_out", "opted_out", "revoked", "stop");
  private static final List<String> OPT_IN = List.of("opt_in", "opted_in", "granted");

  private ConsentCsv() {}

  static ConsentRecords read(Path file) throws IOException, GuardrailFileException {
    FileProblems problems = new FileProblems(file.toString(), "nothing was read");
    ConsentRecords.Builder records = new ConsentRecords.Builder();
    GuardrailCsv.read(
        file,
        problems,
        COLUMNS,
        COLUMNS.size(),
        COLUMNS,
        (r, line, at) -> row(r, line, at, records, problems));
    return records.build();
  }

  private static void row(
      CsvRecord r, long line, int[] at, ConsentRecords.Builder records, FileProblems problems) {
    String loanId = r.getField(at[0]).strip();
    if (loanId.isEmpty()) {
      problems.add(line, "loan_id", "is empty; every record needs a loan id");
    }
    String channelText = r.getField(at[1]).strip().toUpperCase(Locale.ROOT);
    Channel channel = null;
    boolean all = channelText.equals("ALL");
    if (!all) {
      try {
        channel = Channel.valueOf(channelText);
      } catch (IllegalArgumentException e) {
        problems.add(
            line,
            "channel",
            "\"" + r.getField(at[1]) + "\" is not a channel (CALL, SMS, WHATSAPP or ALL)");
      }
    }
    String status = r.getField(at[2]).strip().toLowerCase(Locale.ROOT);
    Boolean granted =
        OPT_IN.contains(status) ? Boolean.TRUE : OPT_OUT.contains(status) ? Boolean.FALSE : null;
    if (granted == null) {
      problems.add(
          line,
          "status",
          "\""
              + r.getField(at[2])
              + "\" is not a consent status (opt_out, revoked, stop; opt_in, granted)");
    }
    OffsetDateTime time = null;
    try {
      time = OffsetDateTime.parse(r.getField(at[3]).strip());
    } catch (DateTimeParseException e) {
      problems.add(
          line,
          "timestamp",
          "\""
              + r.getField(at[3])
              + "\" is not a timestamp as ISO-8601 with an offset, e.g. 2025-08-01T10:15:00+05:30");
    }
    if (!loanId.isEmpty() && (all || channel != null) && granted != null && time != null) {
      records.add(loanId, channel, time.toInstant().toEpochMilli(), granted);
    }
  }
}
