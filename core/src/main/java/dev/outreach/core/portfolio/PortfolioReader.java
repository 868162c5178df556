package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a portfolio file into customers, all or nothing.
 *
 * <p>CSV ({@code .csv}) has a header row naming the columns as the API's record fields
 * ({@code loan_id}, {@code payment_status}, {@code emi_due_date}, …; camelCase also accepted); every
 * other column becomes a custom attribute. JSON Lines ({@code .jsonl}, {@code .ndjson}) has one object
 * per line with the same names. Any other extension is recognised by its first character. Empty values
 * are absent. Loan ids must be unique. Every problem is reported at once, with file, line and column.
 */
public final class PortfolioReader {
  private PortfolioReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws PortfolioException listing every bad row (nothing is returned when any row is bad)
   * @throws IOException when the file cannot be read
   */
  public static List<Customer> read(Path file) throws IOException, PortfolioException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CsvPortfolio.read(file);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JsonLinesPortfolio.read(file);
    }
    return startsWithBrace(file) ? JsonLinesPortfolio.read(file) : CsvPortfolio.read(file);
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
