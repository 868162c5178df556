package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a portfolio into customers, all or nothing.
 *
 * <p>CSV has a header row naming the columns as the API's record fields ({@code loan_id}, {@code
 * payment_status}, {@code emi_due_date}, …; camelCase also accepted); every other column becomes a
 * custom attribute (text, or a number or boolean when it plainly is one). JSON Lines has one object
 * per line with the same names, and may nest custom attributes under {@code custom}. Empty values
 * are absent. Loan ids must be unique. Every problem is reported at once, with file, line and
 * column.
 */
public final class PortfolioReader {
  private PortfolioReader() {}

  /**
   * Reads {@code file}: {@code .csv} as CSV, {@code .jsonl}/{@code .ndjson} as JSON Lines, any
   * other name by its first character (<code>&#123;</code> means JSON Lines). UTF-8, with or
   * without a byte order mark; other encodings are refused, naming the line and column of the first
   * byte that is not UTF-8. A file with no customers (empty, only a header, only blank lines) is
   * refused: it is most likely a broken export.
   *
   * @throws PortfolioException listing every bad row (nothing is returned when any row is bad)
   * @throws IOException when the file cannot be read
   */
  public static List<Customer> read(Path file) throws IOException, PortfolioException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new FileSystemException(
          source, null, "is a folder; give the portfolio file (CSV or JSON Lines) in it");
    }
    boolean jsonLines;
    List<Customer> customers;
    try {
      jsonLines =
          name.endsWith(".jsonl")
              || name.endsWith(".ndjson")
              || (!name.endsWith(".csv") && startsWithBrace(file));
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        customers =
            jsonLines ? JsonLinesPortfolio.read(in, source) : CsvPortfolio.read(in, source, file);
      }
    } catch (CharacterCodingException e) {
      throw notUtf8(file, e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(file, e.getCause());
      }
      throw e;
    }
    if (customers.isEmpty()) {
      String found =
          jsonLines
              ? "it is empty or holds only blank lines; expected one JSON object per customer"
                  + " on each line"
              : "it holds only a header row; expected one row per customer below it";
      throw new PortfolioException(
          source,
          List.of(
              new Problem(
                  1, null, "the file has no customers: " + found + " (is the export complete?)")),
          1);
    }
    return customers;
  }

  /**
   * Checks that {@code file} is UTF-8, for any text file Outreach reads (history, policy, plan…)
   * once reading it has failed to decode.
   *
   * @throws PortfolioException naming the line, column and byte offset of the first byte that is
   *     not UTF-8, with a guess at the file's real encoding
   */
  public static void checkUtf8(Path file) throws IOException, PortfolioException {
    Problem p = Utf8Check.firstBadByte(file);
    if (p != null) {
      throw new PortfolioException(file.toString(), List.of(p), 1);
    }
  }

  /** The problem for a file that is not UTF-8, naming the first bad byte when it can be found. */
  private static PortfolioException notUtf8(Path file, Throwable e) throws IOException {
    Problem p = Utf8Check.firstBadByte(file);
    if (p == null) {
      p =
          new Problem(
              1, null, "the file is not UTF-8 (" + e.getMessage() + "); re-save it as UTF-8");
    }
    return new PortfolioException(file.toString(), List.of(p), 1);
  }

  /**
   * Reads CSV from {@code in} (and closes it); {@code source} names it in errors. Unlike {@link
   * #read(Path)}, a header with no rows gives an empty list, and decoding is the caller's.
   */
  public static List<Customer> readCsv(Reader in, String source)
      throws IOException, PortfolioException {
    return CsvPortfolio.read(in, source);
  }

  /**
   * Reads JSON Lines from {@code in} (and closes it); {@code source} names it in errors. Unlike
   * {@link #read(Path)}, no objects give an empty list, and decoding is the caller's.
   */
  public static List<Customer> readJsonLines(Reader in, String source)
      throws IOException, PortfolioException {
    return JsonLinesPortfolio.read(in, source);
  }

  private static boolean startsWithBrace(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int ch;
      while ((ch = in.read()) != -1) {
        if (!Character.isWhitespace(ch) && ch != '\uFEFF') {
          return ch == '{';
        }
      }
      return false;
    }
  }
}
