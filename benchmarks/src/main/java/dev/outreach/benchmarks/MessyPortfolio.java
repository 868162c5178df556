package dev.outreach.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic, messy portfolio with its guardrail files into a folder, seeded so that a size
 * and a seed always give the same bytes: {@code portfolio.csv} (customers in 6 time zones, 19
 * custom columns of mixed types with empty cells, missing due dates and odd case in statuses),
 * {@code policy.json} (per-channel hours, holidays, do-not-contact, caps and cool-offs), {@code
 * dnc.txt} and {@code history.csv} (past attempts). The rules that go with it are in {@code
 * outreach/messy/rules} on the classpath.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outreach.benchmarks.MessyPortfolio folder [customers] [seed]
 * </pre>
 */
public final class MessyPortfolio {
  /** The moment the messy portfolio is planned for. */
  public static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");

  static final String[] ZONES = {
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Singapore",
    "Europe/London",
    "America/New_York",
    "Australia/Sydney"
  };
  private static final String[] STATUSES = {
    "bounced", "pending", "partial", "paid", "Bounced", "PENDING", "pending ", "overdue"
  };
  private static final String[] LANGUAGES = {
    "hindi", "english", "tamil", "telugu", "kannada", "marathi", "bengali", "Hindi"
  };
  private static final String[] PRODUCTS = {
    "personal_loan", "two_wheeler", "gold_loan", "consumer_durable", "credit_card"
  };
  private static final String[] EMPLOYERS = {
    "salaried", "self_employed", "gig", "government", "retired", "student", "Salaried"
  };
  private static final String[] PREFS = {"sms", "call", "whatsapp", "", "SMS"};

  private MessyPortfolio() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: MessyPortfolio folder [customers] [seed]");
      System.exit(2);
    }
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    write(Path.of(args[0]), size, seed);
  }

  /** Writes the four files into {@code dir} (created when missing). */
  public static void write(Path dir, int size, long seed) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(seed);
    LocalDate today = AS_OF.toLocalDate();
    try (Writer csv =
            Files.newBufferedWriter(dir.resolve("portfolio.csv"), StandardCharsets.UTF_8);
        Writer dnc = Files.newBufferedWriter(dir.resolve("dnc.txt"), StandardCharsets.UTF_8);
        Writer history =
            Files.newBufferedWriter(dir.resolve("history.csv"), StandardCharsets.UTF_8)) {
      csv.write(
          "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,"
              + "emi_due_date,payment_status,language,lead_id,lead_date,timezone,branch,product_type,dpd,dnc,"
              + "segment,risk_band,collector,region,income,cibil,last_payment_date,bucket,channel_pref,kyc_ok,"
              + "city_tier,employer_type,promise_date,agent_code,tenure_left\n");
      history.write("loan_id,channel,timestamp,outcome\n");
      for (int i = 1; i <= size; i++) {
        String id = String.format(Locale.ROOT, "ML-%07d", i);
        int loan = 20_000 + 5_000 * r.nextInt(60);
        int period = 6 * (1 + r.nextInt(8));
        String emi = String.format(Locale.ROOT, "%.2f", (double) loan / period);
        String due = r.nextInt(20) == 0 ? "" : today.plusDays(r.nextInt(40) - 20).toString();
        int dpd = r.nextInt(4) == 0 ? 0 : r.nextInt(181);
        StringBuilder row = new StringBuilder(256);
        row.append(id)
            .append(",Name")
            .append(i % 997)
            .append(",Surname")
            .append(i % 101)
            .append(',')
            .append(String.format(Locale.ROOT, "+9190%08d", i))
            .append(',')
            .append(loan)
            .append(',')
            .append(emi)
            .append(',')
            .append(period)
            .append(',')
            .append(1 + r.nextInt(period))
            .append(',')
            .append(due)
            .append(',')
            .append(pick(r, STATUSES))
            .append(',')
            .append(r.nextInt(30) == 0 ? "" : pick(r, LANGUAGES))
            .append(',')
            .append("LEAD-")
            .append(100_000 + i)
            .append(',')
            .append(today.minusDays(30 + r.nextInt(900)))
            .append(',')
            .append(ZONES[zoneIndex(r)])
            .append(',')
            .append(r.nextInt(25) == 0 ? "" : "branch_" + r.nextInt(40))
            .append(',')
            .append(pick(r, PRODUCTS))
            .append(',')
            .append(dpd)
            .append(',')
            .append(r.nextInt(50) == 0 ? "true" : r.nextInt(3) == 0 ? "" : "false")
            .append(',')
            .append("seg_")
            .append(r.nextInt(500))
            .append(',')
            .append((char) ('A' + r.nextInt(5)))
            .append(',')
            .append("col_")
            .append(r.nextInt(200))
            .append(',')
            .append("region_")
            .append(r.nextInt(8))
            .append(',')
            .append(r.nextInt(10) == 0 ? "" : Integer.toString(10_000 + 1_000 * r.nextInt(200)))
            .append(',')
            .append(r.nextInt(8) == 0 ? "" : Integer.toString(300 + r.nextInt(601)))
            .append(',')
            .append(r.nextInt(4) == 0 ? "" : today.minusDays(r.nextInt(200)).toString())
            .append(',')
            .append('B')
            .append(Math.min(6, dpd / 30))
            .append(',')
            .append(pick(r, PREFS))
            .append(',')
            .append(r.nextInt(15) == 0 ? "false" : "true")
            .append(',')
            .append(1 + r.nextInt(3))
            .append(',')
            .append(pick(r, EMPLOYERS))
            .append(',')
            .append(r.nextInt(6) == 0 ? today.plusDays(r.nextInt(10)).toString() : "")
            .append(',')
            .append("AG")
            .append(r.nextInt(5_000))
            .append(',')
            .append(r.nextInt(60))
            .append('\n');
        csv.write(row.toString());
        if (r.nextInt(100) == 0) {
          dnc.write(id + "\n");
        }
        int attempts = r.nextInt(5) == 0 ? 1 + r.nextInt(4) : 0;
        for (int a = 0; a < attempts; a++) {
          OffsetDateTime at = AS_OF.minusDays(1 + r.nextInt(7)).withHour(10 + r.nextInt(8));
          String channel = r.nextBoolean() ? "CALL" : "SMS";
          String outcome =
              channel.equals("SMS")
                  ? "delivered"
                  : new String[] {"no_answer", "answered", "promise_to_pay", "conversation"}
                      [r.nextInt(4)];
          history.write(id + "," + channel + "," + at + "," + outcome + "\n");
        }
      }
    }
    Files.writeString(
        dir.resolve("policy.json"),
        "{ \"preset\": \"rbi\",\n"
            + "  \"hours\": { \"CALL\": {\"from\": \"09:00\", \"to\": \"19:00\"},"
            + " \"SMS\": {\"from\": \"08:00\", \"to\": \"20:00\"}, \"WHATSAPP\": {\"from\": \"08:30\", \"to\": \"21:00\"} },\n"
            + "  \"workingDays\": [\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\", \"SAT\"],\n"
            + "  \"holidays\": [\"2025-08-06\", \"2025-08-15\", \"2025-10-02\"],\n"
            + "  \"doNotContact\": \"dnc.txt\",\n"
            + "  \"caps\": [ {\"channel\": \"CALL\", \"max\": 3, \"days\": 7}, {\"channel\": \"SMS\", \"max\": 4, \"days\": 7} ],\n"
            + "  \"coolOff\": [ {\"channel\": \"CALL\", \"afterOutcomes\": [\"promise_to_pay\", \"conversation\"], \"days\": 3} ],\n"
            + "  \"onViolation\": \"MOVE\",\n"
            + "  \"horizonDays\": 14 }\n",
        StandardCharsets.UTF_8);
  }

  /** Most customers in India, the rest spread over the other zones. */
  private static int zoneIndex(Random r) {
    int x = r.nextInt(10);
    return x < 5 ? 0 : 1 + (x - 5);
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
