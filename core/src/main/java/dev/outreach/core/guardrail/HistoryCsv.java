package dev.outreach.core.guardrail;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Channel;
import dev.outreach.core.internal.Amounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

  /** Every column read: the three required ones, then the optional ones. */
  private static final List<String> READ =
      List.of(LOAN_ID, CHANNEL, TIMESTAMP, OUTCOME, PROMISED_DATE, PROMISED_AMOUNT);

  private HistoryCsv() {}

  /** Reads {@code file} as UTF-8 (a byte order mark is skipped). */
  static ContactHistory read(Path file) throws IOException, GuardrailFileException {
    FileProblems problems = new FileProblems(file.toString(), "nothing was read");
    ContactHistory.Indexer index = new ContactHistory.Indexer();
    GuardrailCsv.read(
        file, problems, READ, 3, COLUMNS, (r, line, at) -> row(r, line, at, index, problems));
    return index.build();
  }

  private static void row(
      CsvRecord r, long line, int[] at, ContactHistory.Indexer index, FileProblems problems) {
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
