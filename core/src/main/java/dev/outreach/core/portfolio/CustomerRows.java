package dev.outreach.core.portfolio;

import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioException.Problem;
import java.util.List;
import java.util.Objects;

/**
 * Customers from rows of named text cells, with exactly the checks and messages of the portfolio
 * files: for engines that read the rows themselves, such as Apache Spark or JDBC. Column names
 * follow the files' conventions ({@code loan_id}, the API's record fields in snake_case or
 * camelCase, any other column a custom attribute); an empty or {@code null} cell is absent.
 * Thread-safe; build one per column layout and reuse it.
 *
 * <pre>{@code
 * CustomerRows rows = CustomerRows.of("loans", List.of("loan_id", "emi_amount", "branch"));
 * CustomerRows.Result r = rows.read(1, new String[] {"L1", "2500", "Pune"});
 * }</pre>
 */
public final class CustomerRows {
  private final RowReader reader;

  /**
   * One row's customer, or the problems that keep it out (each naming its field, with the message a
   * portfolio file gives).
   *
   * @param loanId the row's loan id, or {@code null} when it has none
   * @param customer the customer, or {@code null} when the row has problems
   */
  public record Result(String loanId, Customer customer, List<Problem> problems) {
    public Result {
      problems = problems == null ? List.of() : List.copyOf(problems);
    }
  }

  private CustomerRows(RowReader reader) {
    this.reader = reader;
  }

  /**
   * Rows of {@code columns}, in the order cells will be given.
   *
   * @param source names the rows in a problem's message, e.g. a table or file name
   * @throws PortfolioException if a name is empty or repeated, or there is no {@code loan_id}
   */
  public static CustomerRows of(String source, List<String> columns) throws PortfolioException {
    Objects.requireNonNull(source, "source == null");
    Problems problems = new Problems(source);
    String[] names = RowReader.header(columns, 1, problems);
    if (!RowReader.hasLoanId(names)) {
      problems.add(1, null, "has no loan_id column (found: " + String.join(", ", names) + ")");
    }
    problems.throwIfAny();
    return new CustomerRows(new RowReader(names));
  }

  /**
   * Whether a column holds what filters read ({@link dev.outreach.core.Customer#filterable}): the
   * loan id, {@code emi_amount}, {@code emi_due_date}, {@code payment_status}, {@code language}, or
   * a custom attribute (any column that is not a record field). Rows of these columns alone read as
   * the same filterable customer as whole rows.
   */
  public static boolean filterable(String column) {
    String name = Fields.canonical(column);
    return !Fields.isRecordField(name)
        || java.util.Set.of(
                Fields.LOAN_ID, "emi_amount", "emi_due_date", "payment_status", "language")
            .contains(name);
  }

  /** The canonical name of a column as the portfolio files read it, e.g. {@code emi_due_date}. */
  public static String canonical(String column) {
    return Fields.canonical(column);
  }

  /**
   * The customer of one row.
   *
   * @param line the row's number, given to its problems (0 when rows have none)
   * @param cells one per column, in the order of {@link #of}; {@code null} or blank for none
   */
  public Result read(long line, String[] cells) {
    if (cells.length != reader.columns()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + reader.columns() + " columns");
    }
    RowReader.Row row = reader.row(line, cells);
    return new Result(row.loanId(), row.customer(), row.problems());
  }

  /**
   * The customer of one line of a JSON Lines portfolio, read as {@code outreach plan} reads the
   * file: strings stay text and numbers are numbers, so {@code "dpd": "1"} is the text {@code 1}. A
   * blank line holds no customer: no loan id, no customer, no problems.
   *
   * @param line the line's number, given to its problems (0 when lines have none)
   * @param first whether this is the file's first line, whose byte order mark is not a problem
   */
  public static Result jsonLine(long line, String text, boolean first) {
    String t = first && text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (t.isBlank()) {
      return new Result(null, null, List.of());
    }
    Problems problems = new Problems("");
    Customer c = JsonLinesPortfolio.customer(t, line, problems);
    return new Result(
        c != null ? c.loanId() : JsonLinesPortfolio.loanId(t),
        c,
        c == null ? problems.kept() : null);
  }

  /**
   * The loan id on one line of a JSON Lines portfolio (stripped), or null when it has none or is
   * not an object; a byte order mark before it is skipped.
   */
  public static String jsonLineLoanId(String text) {
    return JsonLinesPortfolio.loanId(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }
}
