package dev.outreach.core.guardrail;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
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
    long lastLine = 1;
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Iterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        problems.add(
            1, null, "the file is empty; expected the header " + String.join(",", COLUMNS));
        problems.throwIfAny();
      }
      CsvRecord header = it.next();
      int[] at = columns(header, problems);
      problems.throwIfAny();
      while (it.hasNext()) {
        CsvRecord r = it.next();
        lastLine = r.getStartingLineNumber();
        row(r, header.getFieldCount(), at, records, problems);
      }
    } catch (CsvParseException e) {
      problems.add(
          lastLine + 1,
          null,
          "malformed CSV after line " + lastLine + " (a quote that never closes?)");
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof CharacterCodingException)) {
        throw e.getCause();
      }
      Utf8Files.notUtf8(file, problems);
    }
    problems.throwIfAny();
    return records.build();
  }

  private static int[] columns(CsvRecord header, FileProblems problems) {
    int[] at = {-1, -1, -1, -1};
    List<String> found = new ArrayList<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = header.getField(i).replace("\uFEFF", "").strip();
      found.add(name);
      int c = COLUMNS.indexOf(name.toLowerCase(Locale.ROOT).replace("-", "_").replace(" ", "_"));
      if (c >= 0) {
        if (at[c] >= 0) {
          problems.add(1, COLUMNS.get(c), "the column appears twice in the header");
        }
        at[c] = i;
      }
    }
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < COLUMNS.size(); c++) {
      if (at[c] < 0) {
        missing.add(COLUMNS.get(c));
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          header.getStartingLineNumber(),
          null,
          "the header has no "
              + String.join(", ", missing)
              + (missing.size() == 1 ? " column" : " columns")
              + " (found: "
              + String.join(", ", found)
              + "; expected "
              + String.join(",", COLUMNS)
              + ")");
    }
    return at;
  }

  private static void row(
      CsvRecord r, int width, int[] at, ConsentRecords.Builder records, FileProblems problems) {
    long line = r.getStartingLineNumber();
    if (r.getFieldCount() != width) {
      problems.add(line, null, "has " + r.getFieldCount() + " fields but the header has " + width);
      return;
    }
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
