package dev.outreach.rules.testkit;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a cases file: CSV with a header row and one case per row. The columns {@code case} (its
 * name), {@code as_of} (its moment) and {@code expect…} belong to the case; every other column is
 * the customer's, read exactly as in a portfolio ({@link PortfolioReader}: {@code loan_id} required
 * and unique, record fields by wire name, the rest custom attributes). Every problem in the file is
 * reported at once, with line and column.
 */
public final class CaseFile {
  private CaseFile() {}

  /** One row's case cells before they become a {@link RuleCase}. */
  private record Row(
      long line, String name, OffsetDateTime asOf, ZoneId zone, Expectation expected) {}

  /**
   * Reads the cases in {@code file}.
   *
   * @param zone the plans' zone; {@code null} means each case's {@code as_of} offset, or UTC when
   *     its {@code as_of} has none
   * @throws CaseFileException listing every problem (no case is returned when any row is bad)
   * @throws IOException when the file cannot be read
   */
  public static List<RuleCase> read(Path file, ZoneId zone) throws IOException, CaseFileException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("cases " + file + ": no such file");
    }
    String source = file.toString();
    CaseProblems problems = new CaseProblems();
    List<Row> rows = new ArrayList<>();
    Map<String, String> caseKeys = new HashMap<>();
    boolean empty = readCaseCells(file, zone, problems, rows, caseKeys);
    if (empty) {
      problems.add(
          1,
          null,
          "the file is empty; expected a header row (case, as_of, loan_id, …, expect)"
              + " and one row per case");
      problems.throwIfAny(source);
    }
    List<Customer> customers = List.of();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      customers = PortfolioReader.readCsv(in, source);
    } catch (PortfolioException e) {
      e.problems().forEach(problems::add);
    }
    if (!problems.any() && rows.isEmpty()) {
      problems.add(2, null, "the file holds no cases; write one row per case below the header");
    }
    problems.throwIfAny(source);
    if (customers.size() != rows.size()) {
      throw new IllegalStateException(
          source + ": read " + rows.size() + " cases but " + customers.size() + " customers");
    }
    List<RuleCase> cases = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      cases.add(
          new RuleCase(
              r.name(),
              source,
              r.line(),
              r.asOf(),
              r.zone(),
              withoutCaseColumns(customers.get(i), caseKeys),
              r.expected()));
    }
    return cases;
  }

  /** Reads the case cells of every row into {@code rows}; returns whether the file is empty. */
  private static boolean readCaseCells(
      Path file, ZoneId zone, CaseProblems problems, List<Row> rows, Map<String, String> caseKeys)
      throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv =
            CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(in)) {
      Iterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        return true;
      }
      CsvRecord header = it.next();
      problems.columns(header.getFields());
      Map<Integer, String> columns = header(header, problems, caseKeys);
      Map<String, String> headers = new HashMap<>();
      columns.forEach(
          (i, normal) -> headers.putIfAbsent(normal, CaseColumns.key(header.getField(i))));
      boolean complete =
          headers
              .keySet()
              .containsAll(List.of(CaseColumns.CASE, CaseColumns.AS_OF, CaseColumns.EXPECT));
      Map<String, Long> lineOfName = new HashMap<>();
      while (it.hasNext()) {
        CsvRecord r = it.next();
        if (r.getFieldCount() != header.getFieldCount()) {
          continue; // the portfolio reader reports it
        }
        Map<String, String> cells = new LinkedHashMap<>();
        columns.forEach(
            (i, normal) -> {
              if (!r.getField(i).isBlank()) {
                cells.put(normal, r.getField(i).strip());
              }
            });
        if (complete) {
          Row row =
              new CaseRow(r.getStartingLineNumber(), cells, headers, zone, problems)
                  .read(lineOfName);
          if (row != null) {
            rows.add(row);
          }
        }
      }
    } catch (CsvParseException e) {
      // the portfolio reader reports malformed CSV
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return false;
  }

  /** The case columns by index and normal name; reports missing and unknown ones. */
  private static Map<Integer, String> header(
      CsvRecord header, CaseProblems problems, Map<String, String> caseKeys) {
    Map<Integer, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String normal = CaseColumns.normal(header.getField(i));
      if (!CaseColumns.isCaseColumn(normal)) {
        continue;
      }
      columns.put(i, normal);
      caseKeys.put(CaseColumns.key(header.getField(i)), normal);
      if (normal.startsWith(CaseColumns.EXPECT) && !CaseColumns.EXPECTATIONS.contains(normal)) {
        problems.add(
            header.getStartingLineNumber(),
            CaseColumns.key(header.getField(i)),
            "is not an expectation column; expected one of "
                + String.join(", ", CaseColumns.EXPECTATIONS)
                + " (columns starting with \"expect\" belong to the case, not the customer)");
      }
    }
    if (header.getFieldCount() == 1 && header.getField(0).contains(";")) {
      problems.add(
          header.getStartingLineNumber(),
          null,
          "the columns are separated by ; but a cases file"
              + " separates them by , (save the spreadsheet as CSV with commas)");
    }
    List<String> found = List.copyOf(columns.values());
    missing(found, CaseColumns.CASE, "the name of each case", header, problems);
    missing(
        found,
        CaseColumns.AS_OF,
        "the moment each case is planned for, e.g. 2025-08-05T09:00:00+05:30",
        header,
        problems);
    missing(
        found,
        CaseColumns.EXPECT,
        "what each case expects: none, suppress, or call, sms, whatsapp joined by +",
        header,
        problems);
    return columns;
  }

  private static void missing(
      List<String> found, String column, String what, CsvRecord header, CaseProblems problems) {
    if (!found.contains(column)) {
      problems.add(
          header.getStartingLineNumber(),
          null,
          "the header has no " + column + " column (" + what + ")");
    }
  }

  private static Customer withoutCaseColumns(Customer c, Map<String, String> caseKeys) {
    Map<String, Object> custom = new HashMap<>(c.custom());
    custom.keySet().removeAll(caseKeys.keySet());
    return c.withCustom(custom);
  }

  /** One row's case cells: its name, its moment and its expectation. */
  private static final class CaseRow {
    private final long line;
    private final Map<String, String> cells;
    private final Map<String, String> headers;
    private final ZoneId zone;
    private final CaseProblems problems;

    CaseRow(
        long line,
        Map<String, String> cells,
        Map<String, String> headers,
        ZoneId zone,
        CaseProblems problems) {
      this.line = line;
      this.cells = cells;
      this.headers = headers;
      this.zone = zone;
      this.problems = problems;
    }

    Row read(Map<String, Long> lineOfName) {
      String name = cells.get(CaseColumns.CASE);
      if (name == null) {
        problems.add(line, headers.get(CaseColumns.CASE), "is empty; every case needs a name");
      } else {
        Long first = lineOfName.putIfAbsent(name, line);
        if (first != null) {
          problems.add(
              line,
              headers.get(CaseColumns.CASE),
              "\""
                  + name
                  + "\" names another case too (line "
                  + first
                  + "); give each case its own name");
        }
      }
      AsOf asOf = AsOf.parse(cells.get(CaseColumns.AS_OF), zone);
      if (asOf.problem() != null) {
        problems.add(line, headers.get(CaseColumns.AS_OF), asOf.problem());
      }
      Expectation expected = new ExpectationReader(line, cells, headers, problems).read();
      return name == null || asOf.problem() != null || expected == null
          ? null
          : new Row(line, name, asOf.moment(), asOf.zone(), expected);
    }
  }
}
