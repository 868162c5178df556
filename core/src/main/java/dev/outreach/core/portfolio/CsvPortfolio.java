package dev.outreach.core.portfolio;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Customer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads a CSV portfolio: a header row of column names, then one customer per record. */
final class CsvPortfolio {
  private CsvPortfolio() {}

  static List<Customer> read(Reader in, String source) throws IOException, PortfolioException {
    Problems problems = new Problems(source);
    List<Customer> out = new ArrayList<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
        .ignoreDifferentFieldCount(true).ofCsvRecord(in)) {
      Iterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        problems.add(1, null, "the file is empty; expected a header row with a loan_id column");
        problems.throwIfAny();
      }
      CsvRecord headerRecord = it.next();
      String[] names = header(headerRecord, problems);
      problems.throwIfAny();
      while (it.hasNext()) {
        CsvRecord r = it.next();
        Customer c = customer(r, names, problems);
        if (c != null) {
          out.add(c);
        }
      }
    } catch (CsvParseException e) {
      problems.add(0, null, "malformed CSV: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    problems.throwIfAny();
    return out;
  }

  private static String[] header(CsvRecord r, Problems problems) {
    String[] names = new String[r.getFieldCount()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      names[i] = Fields.canonical(r.getField(i));
      if (names[i].isEmpty()) {
        problems.add(r.getStartingLineNumber(), "column " + (i + 1), "the header names no column here");
      } else if (seen.putIfAbsent(names[i], i) != null) {
        problems.add(r.getStartingLineNumber(), names[i], "the column appears twice in the header");
      }
    }
    if (!seen.containsKey(Fields.LOAN_ID)) {
      problems.add(r.getStartingLineNumber(), null,
          "the header has no loan_id column (found: " + String.join(", ", names) + ")");
    }
    return names;
  }

  private static Customer customer(CsvRecord r, String[] names, Problems problems) {
    long line = r.getStartingLineNumber();
    if (r.getFieldCount() != names.length) {
      problems.add(line, null, "has " + r.getFieldCount() + " fields but the header has " + names.length);
      return null;
    }
    String loanId = null;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(Fields.LOAN_ID)) {
        loanId = r.getField(i).strip();
      }
    }
    if (loanId == null || loanId.isEmpty()) {
      problems.add(line, Fields.LOAN_ID, "is empty; every customer needs a loan id");
      return null;
    }
    problems.seen(loanId, line);
    Customer.Builder b = Customer.builder(loanId);
    boolean ok = true;
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      String text = r.getField(i);
      if (name.equals(Fields.LOAN_ID) || text.isBlank()) {
        continue;
      }
      try {
        if (Fields.isRecordField(name)) {
          Fields.set(b, name, text);
        } else {
          b.custom(name, Fields.checked(name, Fields.customValue(text)));
        }
      } catch (IllegalArgumentException e) {
        problems.add(line, name, e.getMessage());
        ok = false;
      }
    }
    return ok ? b.build() : null;
  }
}
