package dev.outreach.core.portfolio;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.util.Limits;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.Phones;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a CSV portfolio: a header row of column names, then one customer per record. */
final class CsvPortfolio {
  private CsvPortfolio() {}

  static List<Customer> read(Reader in, String source) throws IOException, PortfolioException {
    return read(in, source, null);
  }

  /**
   * Reads {@code in}; {@code file}, when not {@code null}, is where {@code in} comes from, read
   * again only to name the column of a field too long to read.
   */
  static List<Customer> read(Reader in, String source, Path file)
      throws IOException, PortfolioException {
    Problems problems = new Problems(source);
    List<Customer> out = new ArrayList<>();
    String[] names = null;
    CsvChunks chunks = null;
    long next = 1; // the line the next record starts on, unless a quoted field spans lines
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(in)) {
      Iterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        problems.add(1, null, "the file is empty; expected a header row with a loan_id column");
        problems.throwIfAny();
      }
      CsvRecord headerRecord = it.next();
      if (headerRecord.getFieldCount() == 1
          && headerRecord.getField(0).replace("\uFEFF", "").isBlank()
          && !it.hasNext()) {
        problems.add(1, null, "the file is empty; expected a header row with a loan_id column");
        problems.throwIfAny();
      }
      names = header(headerRecord, problems);
      problems.throwIfAny();
      chunks = new CsvChunks(names, problems, out, CsvChunks.threads());
      while (it.hasNext()) {
        CsvRecord r = it.next();
        next = r.getStartingLineNumber() + 1;
        chunks.add(r);
      }
      chunks.finish();
    } catch (CsvParseException e) {
      if (chunks != null) {
        chunks.finish(); // the rows before the broken one are reported first
      }
      malformed(e, names, file, next, problems);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (chunks != null) {
        chunks.close();
      }
    }
    problems.throwIfAny();
    return out;
  }

  private static final Pattern RECORD_LINE = Pattern.compile("record that started in line (\\d+)");

  /**
   * Reports what FastCSV could not parse, by line (and column, for a field over its size limit).
   */
  private static void malformed(
      CsvParseException e, String[] names, Path file, long next, Problems problems)
      throws IOException {
    Matcher m = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
    long line = m.find() ? Long.parseLong(m.group(1)) : next;
    String cause =
        e.getCause() == null
            ? String.valueOf(e.getMessage())
            : String.valueOf(e.getCause().getMessage());
    if (cause.contains("maximum buffer size")) {
      String column =
          file == null || names == null
              ? null
              : LongField.column(file, line, names, Limits.MAX_FIELD_SIZE);
      problems.add(
          line,
          column,
          String.format(
              Locale.ROOT,
              "a field is longer than %,d characters, the most a"
                  + " CSV field may hold; most often a quote (\") opens a field and is never closed: check the quotes on"
                  + " this line",
              Limits.MAX_FIELD_SIZE));
    } else if (cause.startsWith("Maximum number of fields exceeded")) {
      problems.add(
          line,
          null,
          String.format(
              Locale.ROOT,
              "a row has more than %,d fields, the most a CSV row may"
                  + " hold; is this a CSV file with commas between the fields?",
              Limits.MAX_FIELD_COUNT));
    } else {
      problems.add(line, null, "malformed CSV: " + cause);
    }
  }

  private static String[] header(CsvRecord r, Problems problems) {
    String[] names = RowReader.header(r.getFields(), r.getStartingLineNumber(), problems);
    if (!RowReader.hasLoanId(names)) {
      String found = Phones.maskAll(String.join(", ", names));
      problems.add(
          r.getStartingLineNumber(),
          null,
          "the header has no loan_id column (found: "
              + (found.length() > 200 ? found.substring(0, 200) + "…" : found)
              + ")"
              + separatorHint(names));
    }
    return names;
  }

  /** A hint when the one header field looks like another separator's or UTF-16's header. */
  private static String separatorHint(String[] names) {
    if (names.length != 1) {
      return "";
    }
    for (char sep : new char[] {';', '\t', '|'}) {
      if (names[0].indexOf(sep) >= 0) {
        return "; the fields look separated by "
            + (sep == '\t' ? "tabs" : "'" + sep + "'")
            + ": save the file as CSV with commas between the fields";
      }
    }
    return names[0].indexOf('\0') >= 0
        ? "; the header holds NUL characters: is the file UTF-16? save it as UTF-8"
        : "";
  }
}
