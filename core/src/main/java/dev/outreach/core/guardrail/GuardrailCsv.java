package dev.outreach.core.guardrail;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The CSV files guardrails read (history, consent): UTF-8 decoded strictly (FastCSV's own decoding
 * would replace bytes that are not UTF-8, so a mangled loan id would silently escape a cap), a
 * header naming the columns in any order and case, every bad row named by line and column, all or
 * nothing.
 */
final class GuardrailCsv {
  /** Reads one data row whose fields match the header; {@code at} is each column's index or -1. */
  interface Rows {
    void row(CsvRecord r, long line, int[] at);
  }

  private GuardrailCsv() {}

  /**
   * Reads {@code file}: the header must hold the first {@code required} of {@code columns} (matched
   * ignoring case, with {@code -} or a space for {@code _}); the others are optional and any more
   * are ignored. Messages name {@code expected} as the header to write.
   *
   * @throws GuardrailFileException with every problem in {@code problems}, when there are any
   */
  static void read(
      Path file,
      FileProblems problems,
      List<String> columns,
      int required,
      List<String> expected,
      Rows rows)
      throws IOException, GuardrailFileException {
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
            1, null, "the file is empty; expected the header " + String.join(",", expected));
        problems.throwIfAny();
      }
      CsvRecord header = it.next();
      int[] at = columns(header, columns, required, expected, problems);
      problems.throwIfAny();
      while (it.hasNext()) {
        CsvRecord r = it.next();
        lastLine = r.getStartingLineNumber();
        if (r.getFieldCount() != header.getFieldCount()) {
          problems.add(
              lastLine,
              null,
              "has " + r.getFieldCount() + " fields but the header has " + header.getFieldCount());
          continue;
        }
        rows.row(r, lastLine, at);
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
  }

  private static int[] columns(
      CsvRecord header,
      List<String> columns,
      int required,
      List<String> expected,
      FileProblems problems) {
    int[] at = new int[columns.size()];
    Arrays.fill(at, -1);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = header.getField(i).replace("\uFEFF", "").strip();
      found.add(name);
      int c = columns.indexOf(name.toLowerCase(Locale.ROOT).replace("-", "_").replace(" ", "_"));
      if (c < 0) {
        continue; // other columns (a call's duration, an agent, a source) are allowed and ignored
      }
      if (at[c] >= 0) {
        problems.add(
            header.getStartingLineNumber(),
            columns.get(c),
            "the column appears twice in the header");
      }
      at[c] = i;
    }
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < required; c++) {
      if (at[c] < 0) {
        missing.add(columns.get(c));
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
              + String.join(",", expected)
              + ")");
    }
    return at;
  }
}
