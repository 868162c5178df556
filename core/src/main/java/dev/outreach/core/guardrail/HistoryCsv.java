package dev.outreach.core.guardrail;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Channel;
import dev.outreach.core.internal.Amounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Reads a contact history CSV, all or nothing, with every bad row named by line and column. */
final class HistoryCsv {
  static final String LOAN_ID = "loan_id";
  static final String CHANNEL = "channel";
  static final String TIMESTAMP = "timestamp";
  static final String OUTCOME = "outcome";
  static final String PROMISED_DATE = "promised_date";
  static final String PROMISED_AMOUNT = "promised_amount";

  /** The columns the messages name: three required, then the outcome. */
  private static final List<String> COLUMNS = List.of(LOAN_ID, CHANNEL, TIMESTAMP, OUTCOME);

  /** Every column read, in the order of {@link #columns}'s result. */
  private static final List<String> READ =
      List.of(LOAN_ID, CHANNEL, TIMESTAMP, OUTCOME, PROMISED_DATE, PROMISED_AMOUNT);

  private HistoryCsv() {}

  /** Reads {@code file} as UTF-8 (a byte order mark is skipped). */
  static ContactHistory read(Path file) throws IOException, GuardrailFileException {
    FileProblems problems = new FileProblems(file.toString(), "nothing was read");
    ContactHistory.Indexer index = new ContactHistory.Indexer();
    long lastLine = 1;
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .skipEmptyLines(true)
            // Decoded strictly: FastCSV's own decoding would replace bytes that are not UTF-8, so a
            // mangled
            // loan id would silently escape the frequency caps.
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
        row(r, header.getFieldCount(), at, index, problems);
      }
    } catch (CsvParseException e) {
      problems.add(
          lastLine + 1,
          null,
          "malformed CSV after line "
              + lastLine
              + " (a quote that never closes?): "
              + e.getMessage());
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof CharacterCodingException)) {
        throw e.getCause();
      }
      Utf8Files.notUtf8(file, problems);
    }
    problems.throwIfAny();
    return index.build();
  }

  /** The index of each of {@link #READ} in the header ({@code -1} for an absent optional one). */
  private static int[] columns(CsvRecord header, FileProblems problems) {
    int[] at = {-1, -1, -1, -1, -1, -1};
    List<String> found = new ArrayList<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = header.getField(i).replace("\uFEFF", "").strip();
      found.add(name);
      int c = READ.indexOf(name.toLowerCase(Locale.ROOT).replace("-", "_").replace(" ", "_"));
      if (c < 0) {
        continue; // other columns (a call's duration, an agent) are allowed and ignored
      }
      if (at[c] >= 0) {
        problems.add(
            header.getStartingLineNumber(), READ.get(c), "the column appears twice in the header");
      }
      at[c] = i;
    }
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
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
      CsvRecord r, int width, int[] at, ContactHistory.Indexer index, FileProblems problems) {
    long line = r.getStartingLineNumber();
    if (r.getFieldCount() != width) {
      problems.add(line, null, "has " + r.getFieldCount() + " fields but the header has " + width);
      return;
    }
    String loanId = r.getField(at[0]).strip();
    if (loanId.isEmpty()) {
      problems.add(line, LOAN_ID, "is empty; every attempt needs a loan id");
    }
    Channel channel = channel(r.getField(at[1]), line, problems);
    OffsetDateTime time = timestamp(r.getField(at[2]), line, problems);
    boolean[] ok = {true};
    LocalDate promisedDate = at[4] < 0 ? null : date(r.getField(at[4]), line, problems, ok);
    BigDecimal promisedAmount = at[5] < 0 ? null : amount(r.getField(at[5]), line, problems, ok);
    if (!loanId.isEmpty() && channel != null && time != null && ok[0]) {
      index.add(
          loanId,
          channel,
          time.toInstant().toEpochMilli(),
          at[3] < 0 ? null : r.getField(at[3]),
          promisedDate,
          promisedAmount);
    }
  }

  /** A promise's date, {@code yyyy-MM-dd}; an empty cell is no date. */
  private static LocalDate date(String text, long line, FileProblems problems, boolean[] ok) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      problems.add(
          line, PROMISED_DATE, "\"" + text + "\" is not a date as yyyy-MM-dd, e.g. 2025-08-12");
      ok[0] = false;
      return null;
    }
  }

  /** A promise's amount, a plain number, zero or more; an empty cell is no amount. */
  private static BigDecimal amount(String text, long line, FileProblems problems, boolean[] ok) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Amounts.amount(t);
    } catch (IllegalArgumentException e) {
      problems.add(line, PROMISED_AMOUNT, e.getMessage());
      ok[0] = false;
      return null;
    }
  }

  private static Channel channel(String text, long line, FileProblems problems) {
    try {
      return Channel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(line, CHANNEL, "\"" + text + "\" is not a channel (CALL, SMS or WHATSAPP)");
      return null;
    }
  }

  private static OffsetDateTime timestamp(String text, long line, FileProblems problems) {
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t);
    } catch (DateTimeParseException e) {
      String hint =
          isLocal(t)
              ? " has no offset; write it with one, e.g. " + t + "+05:30"
              : " is not a timestamp as ISO-8601 with an offset, e.g. 2025-08-01T10:15:00+05:30";
      problems.add(line, TIMESTAMP, "\"" + text + "\"" + hint);
      return null;
    }
  }

  private static boolean isLocal(String t) {
    try {
      LocalDateTime.parse(t);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
