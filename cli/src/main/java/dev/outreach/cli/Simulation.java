package dev.outreach.cli;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.plan.Plan;
import dev.outreach.cycle.DailyCycle;
import dev.outreach.cycle.FolderStore;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.rules.RuleSet;
import dev.outreach.sandbox.Initiation;
import dev.outreach.sandbox.SandboxServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One strategy run over simulated days: each day the daily cycle plans and sends against a sandbox
 * of its own, the response model decides what each contacted customer does, and that comes back as
 * the next days' outcome feed (answers, promises, payments); a customer who pays is {@code paid}
 * from then on.
 */
final class Simulation {
  private static final String TOKEN = "simulation-token-not-a-secret";

  /** What one day came to. */
  record Day(
      LocalDate date,
      Map<Channel, Integer> contacts,
      Map<String, Integer> warnings,
      int paid,
      BigDecimal collected,
      int promises,
      int kept,
      int broken) {}

  private record Promise(String loanId, Channel channel, LocalDate date, boolean kept) {}

  private record Payment(String loanId, Channel channel) {}

  private final String campaign;
  private final RuleSet rules;
  private final GuardrailPolicy policy;
  private final List<Experiment> experiments;
  private final ZoneId zone;
  private final ResponseModel model;

  Simulation(
      String campaign,
      RuleSet rules,
      GuardrailPolicy policy,
      List<Experiment> experiments,
      ZoneId zone,
      ResponseModel model) {
    this.campaign = campaign;
    this.rules = rules;
    this.policy = policy;
    this.experiments = experiments;
    this.zone = zone;
    this.model = model;
  }

  /** Runs {@code days} days from {@code start}, keeping the cycle's store in {@code storeDir}. */
  List<Day> run(List<Customer> portfolio, OffsetDateTime start, int days, Path storeDir)
      throws Exception {
    Map<String, Customer> book = new TreeMap<>();
    portfolio.forEach(c -> book.put(c.loanId(), c));
    TreeMap<LocalDate, List<Payment>> payments = new TreeMap<>();
    TreeMap<LocalDate, List<Promise>> promises = new TreeMap<>();
    List<Day> out = new ArrayList<>();
    FolderStore store = FolderStore.open(storeDir);
    try (SandboxServer sandbox =
        SandboxServer.builder().token(TOKEN).campaign(campaign, portfolio).start()) {
      OutreachClient client = OutreachClient.builder(sandbox.uri()).token(TOKEN).build();
      int seen = 0;
      for (int d = 0; d < days; d++) {
        OffsetDateTime now = start.plusDays(d);
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        // The morning's news: payments falling due today, promises whose day has come.
        StringBuilder feed = new StringBuilder("loan_id,channel,timestamp,outcome\n");
        int paid = 0;
        BigDecimal collected = BigDecimal.ZERO;
        for (Payment p : payments.getOrDefault(today, List.of())) {
          Customer c = book.get(p.loanId());
          if (c == null || "paid".equals(c.paymentStatus())) {
            continue;
          }
          paid++;
          collected = collected.add(c.emiAmount() == null ? BigDecimal.ZERO : c.emiAmount());
          book.put(c.loanId(), c.withPaymentStatus("paid"));
          feed.append(row(p.loanId(), p.channel(), now.minusHours(1), "paid"));
        }
        int kept = 0;
        int broken = 0;
        for (Promise p : promises.getOrDefault(today, List.of())) {
          if (p.kept()) {
            kept++;
          } else {
            broken++;
          }
        }
        importFeed(store, storeDir, d, "morning", feed);
        DailyCycle.Result r =
            DailyCycle.builder(campaign, rules, new ArrayList<>(book.values()), client)
                .policy(policy)
                .zone(zone)
                .experiments(experiments)
                .clock(Clock.fixed(now.toInstant(), zone))
                .respectSchedule(false)
                .build()
                .run(store);
        List<Initiation> all = sandbox.initiations();
        List<Initiation> todays = all.subList(seen, all.size());
        seen = all.size();
        Map<Channel, Integer> contacts = new EnumMap<>(Channel.class);
        StringBuilder outcomes =
            new StringBuilder("loan_id,channel,timestamp,outcome,promised_date,promised_amount\n");
        int promised = 0;
        for (Initiation i : todays) {
          contacts.merge(i.channel(), 1, Integer::sum);
          promised += respond(i, book.get(i.loanId()), now, today, outcomes, payments, promises);
        }
        importFeed(store, storeDir, d, "outcomes", outcomes);
        out.add(
            new Day(today, contacts, warnings(r.plan()), paid, collected, promised, kept, broken));
      }
    }
    return out;
  }

  /** What a contacted customer does; returns 1 when they promise to pay. */
  private int respond(
      Initiation i,
      Customer c,
      OffsetDateTime now,
      LocalDate today,
      StringBuilder outcomes,
      TreeMap<LocalDate, List<Payment>> payments,
      TreeMap<LocalDate, List<Promise>> promises) {
    ResponseModel.Figures f = model.channels().get(i.channel());
    if (f == null || c == null) {
      return 0;
    }
    SplittableRandom r = model.draws(today.toEpochDay(), i.loanId(), i.channel());
    boolean answered = r.nextDouble() < f.answer();
    OffsetDateTime at = now.plusMinutes(30);
    if (answered && r.nextDouble() < f.promise()) {
      LocalDate date = today.plusDays(f.payWithinDays());
      boolean kept = r.nextDouble() < f.keep();
      promises
          .computeIfAbsent(date.plusDays(1), k -> new ArrayList<>())
          .add(new Promise(i.loanId(), i.channel(), date, kept));
      if (kept) {
        payments
            .computeIfAbsent(date, k -> new ArrayList<>())
            .add(new Payment(i.loanId(), i.channel()));
      }
      outcomes.append(
          i.loanId()
              + ","
              + i.channel()
              + ","
              + at
              + ",promise_to_pay,"
              + date
              + ","
              + (c.emiAmount() == null ? "" : c.emiAmount().toPlainString())
              + "\n");
      return 1;
    }
    String outcome =
        i.channel() == Channel.CALL
            ? (answered ? "answered" : "no_answer")
            : (answered ? "replied" : "delivered");
    outcomes.append(i.loanId() + "," + i.channel() + "," + at + "," + outcome + ",,\n");
    if (r.nextDouble() < f.pay()) {
      LocalDate day = today.plusDays(1 + r.nextInt(f.payWithinDays()));
      payments
          .computeIfAbsent(day, k -> new ArrayList<>())
          .add(new Payment(i.loanId(), i.channel()));
    }
    return 0;
  }

  private static String row(String loanId, Channel channel, OffsetDateTime at, String outcome) {
    return loanId + "," + channel + "," + at + "," + outcome + "\n";
  }

  private static void importFeed(
      FolderStore store, Path dir, int day, String name, StringBuilder csv) throws Exception {
    if (csv.indexOf("\n") == csv.length() - 1) {
      return; // a header alone
    }
    Path feed =
        dir.resolve(String.format(java.util.Locale.ROOT, "feed-day%03d-%s.csv", day + 1, name));
    Files.writeString(feed, csv, StandardCharsets.UTF_8);
    store.importFeed(feed);
  }

  /** The day's plan's warnings (guardrail hits, capacity, consent…), by code. */
  private static Map<String, Integer> warnings(Plan plan) {
    Map<String, Integer> out = new TreeMap<>();
    plan.warnings().forEach(w -> out.merge(w.code(), 1, Integer::sum));
    return out;
  }
}
