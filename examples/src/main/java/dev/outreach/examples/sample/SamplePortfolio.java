package dev.outreach.examples.sample;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.outreach.core.Customer;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a synthetic, deterministic portfolio (same size and seed, same bytes) around the sample
 * plan day, 2025-08-05: EMIs due from late July to late August, a realistic mix of payment
 * statuses, languages and branches, days past due, and a few do-not-contact flags. Phone numbers
 * are fictitious.
 */
public final class SamplePortfolio {
  /** The columns, in file order: the API's record fields, then custom attributes. */
  public static final List<String> COLUMNS =
      List.of(
          "loan_id",
          "first_name",
          "last_name",
          "phone_number",
          "loan_amount",
          "emi_amount",
          "loan_period",
          "current_emi",
          "emi_due_date",
          "payment_status",
          "language",
          "lead_id",
          "lead_date",
          "branch",
          "product_type",
          "dpd",
          "dnc");

  private static final String[] FIRST = {
    "Aarav", "Diya", "Vihaan", "Ananya", "Arjun", "Saanvi", "Kabir", "Isha", "Rohan", "Meera",
    "Aditya", "Kavya", "Ishaan", "Priya", "Rahul", "Neha"
  };
  private static final String[] LAST = {
    "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Khan", "Das", "Joshi", "Menon", "Singh",
    "Rao"
  };
  private static final String[] LANGUAGE = {
    "hindi", "hindi", "english", "english", "marathi", "tamil", "kannada"
  };
  private static final String[] BRANCH = {"mumbai", "pune", "delhi", "chennai", "bengaluru"};
  private static final String[] PRODUCT = {"personal_loan", "home_loan", "two_wheeler"};
  private static final int[] PERIOD = {12, 24, 36, 48, 60};
  private static final LocalDate FIRST_DUE = LocalDate.of(2025, 7, 20);

  private SamplePortfolio() {}

  /** Writes {@code size} customers from {@code seed} as CSV with a header row. */
  public static void write(Writer out, int size, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsvWriter csv =
        CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(out);
    csv.writeRecord(COLUMNS);
    for (int i = 1; i <= size; i++) {
      csv.writeRecord(row(i, rnd));
    }
    csv.flush();
  }

  /** Writes {@code size} customers from {@code seed} to {@code file}. */
  public static void write(Path file, int size, long seed) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w, size, seed);
    }
  }

  /**
   * {@code size} customers from {@code seed}, exactly as {@link #write(Writer, int, long)} writes
   * them and the portfolio reader reads them back, without the round trip through text.
   */
  public static List<Customer> customers(int size, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Customer> out = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      List<String> r = row(i, rnd);
      Customer.Builder b =
          Customer.builder(r.get(0))
              .firstName(r.get(1))
              .lastName(r.get(2))
              .phoneNumber(r.get(3))
              .loanAmount(new BigDecimal(r.get(4)))
              .emiAmount(new BigDecimal(r.get(5)))
              .loanPeriod(Integer.valueOf(r.get(6)))
              .currentEmi(new BigDecimal(r.get(7)))
              .emiDueDate(LocalDate.parse(r.get(8)))
              .paymentStatus(r.get(9))
              .language(r.get(10))
              .leadId(r.get(11))
              .leadDate(LocalDate.parse(r.get(12)))
              .custom("branch", r.get(13))
              .custom("product_type", r.get(14))
              .custom("dpd", new BigDecimal(r.get(15)));
      if (!r.get(16).isEmpty()) {
        b.custom("dnc", Boolean.valueOf(r.get(16)));
      }
      out.add(b.build());
    }
    return out;
  }

  static List<String> row(int i, SplittableRandom rnd) {
    int period = PERIOD[rnd.nextInt(PERIOD.length)];
    BigDecimal loan = BigDecimal.valueOf(50_000L + 5_000L * rnd.nextInt(190));
    BigDecimal emi =
        loan.multiply(new BigDecimal("1.12"))
            .divide(BigDecimal.valueOf(period), 2, RoundingMode.HALF_UP);
    int roll = rnd.nextInt(100);
    String status = roll < 45 ? "pending" : roll < 65 ? "bounced" : roll < 90 ? "paid" : "partial";
    int dpd = status.equals("bounced") || status.equals("partial") ? 1 + rnd.nextInt(90) : 0;
    return List.of(
        String.format(Locale.ROOT, "LOAN-2025-%05d", i),
        FIRST[rnd.nextInt(FIRST.length)],
        LAST[rnd.nextInt(LAST.length)],
        String.format(Locale.ROOT, "+9190%08d", rnd.nextInt(100_000_000)),
        loan.toPlainString(),
        emi.toPlainString(),
        Integer.toString(period),
        Integer.toString(1 + rnd.nextInt(period)),
        FIRST_DUE.plusDays(rnd.nextInt(37)).toString(),
        status,
        LANGUAGE[rnd.nextInt(LANGUAGE.length)],
        String.format(Locale.ROOT, "LEAD-%06d", 100_000 + i),
        LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(700)).toString(),
        BRANCH[rnd.nextInt(BRANCH.length)],
        PRODUCT[rnd.nextInt(PRODUCT.length)],
        Integer.toString(dpd),
        rnd.nextInt(50) == 0 ? "true" : "");
  }

  /** Regenerates the shipped sample: {@code SamplePortfolio FILE [SIZE [SEED]]}. */
  public static void main(String[] args) throws IOException {
    write(
        Path.of(args[0]),
        args.length > 1 ? Integer.parseInt(args[1]) : 3_000,
        args.length > 2 ? Long.parseLong(args[2]) : 42L);
  }
}
