package dev.outreach.report;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.plan.ExperimentResult;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.CustomerMoney;
import dev.outreach.report.money.MoneyFormat;
import dev.outreach.report.money.Tally;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The money a plan reaches and leaves out, and in which delinquency bucket: for each outcome
 * (contacted, per channel, suppressed, undecided, dropped) the customers with the sum of their EMIs
 * and overdue amounts ({@link CustomerMoney}), the same per days-past-due bucket, per rule, per
 * suppression reason, per guardrail that dropped customers, per experiment arm, and the undecided
 * customers broken down by bucket, payment status, language and chosen attributes. Customers of the
 * plan that the portfolio lacks are counted in {@link #missing()} only.
 *
 * <pre>{@code
 * MoneySummary m = MoneySummary.of(PlanIndex.of(plan), portfolio, MoneyFormat.inr(), Buckets.DEFAULT, List.of("branch"));
 * m.outcome(MoneySummary.CONTACTED).emi();
 * }</pre>
 */
public final class MoneySummary {
  /**
   * The outcome columns, in order: contacted, then each channel, suppressed, undecided, dropped,
   * all.
   */
  public static final List<String> OUTCOMES = outcomes();

  /** Index of "contacted" in {@link #OUTCOMES}. */
  public static final int CONTACTED = 0;

  /** Index of "suppressed" in {@link #OUTCOMES}. */
  public static final int SUPPRESSED = 1 + Channel.values().length;

  /** Index of "undecided" in {@link #OUTCOMES}. */
  public static final int UNDECIDED = SUPPRESSED + 1;

  /** Index of "dropped" in {@link #OUTCOMES}. */
  public static final int DROPPED = SUPPRESSED + 2;

  /** Index of "all" in {@link #OUTCOMES}: every customer of the portfolio that the plan has. */
  public static final int ALL = SUPPRESSED + 3;

  /** The breakdown of undecided customers by days-past-due bucket in {@link #undecidedBy()}. */
  public static final String BY_BUCKET = "days past due";

  private final MoneyFormat format;
  private final Buckets buckets;
  private final Tally[] outcomes = tallies(OUTCOMES.size());
  private final Tally[][] byBucket;
  private final Map<String, Tally> byRule = new HashMap<>();
  private final Map<List<String>, Tally> suppressedBy = new HashMap<>();
  private final Map<String, Tally> droppedBy = new HashMap<>();
  private final Map<String, Map<String, Tally>> undecidedBy = new LinkedHashMap<>();
  private final Map<String, Map<String, Tally[]>> arms = new LinkedHashMap<>();
  private boolean overdueGiven;
  private long missing;

  private MoneySummary(MoneyFormat format, Buckets buckets) {
    this.format = format;
    this.buckets = buckets;
    this.byBucket = new Tally[buckets.size()][];
    for (int i = 0; i < byBucket.length; i++) {
      byBucket[i] = tallies(OUTCOMES.size());
    }
  }

  /**
   * The money of {@code index}'s plan over {@code customers} (its portfolio), written with {@code
   * format}, bucketed by {@code buckets}; the undecided are broken down by bucket, {@code
   * payment_status}, {@code language} and each of {@code attributes} (a custom attribute's name).
   */
  public static MoneySummary of(
      PlanIndex index,
      List<Customer> customers,
      MoneyFormat format,
      Buckets buckets,
      List<String> attributes) {
    Objects.requireNonNull(index, "index == null");
    MoneySummary m =
        new MoneySummary(
            Objects.requireNonNull(format, "format == null"),
            Objects.requireNonNull(buckets, "buckets == null"));
    m.fill(index, customers, attributes);
    return m;
  }

  /**
   * The money of {@code plan} over {@code customers}, in the plan zone's default currency ({@link
   * MoneyFormat#forData}) and the default buckets.
   */
  public static MoneySummary of(Plan plan, List<Customer> customers) {
    return of(
        PlanIndex.of(plan),
        customers,
        MoneyFormat.forData(plan.zone(), customers),
        Buckets.DEFAULT,
        List.of());
  }

  private void fill(PlanIndex index, List<Customer> customers, List<String> attributes) {
    Plan plan = index.plan();
    List<String> breakdown = new ArrayList<>(List.of(BY_BUCKET, "payment_status", "language"));
    for (String a : attributes) {
      if (!breakdown.contains(a)) {
        breakdown.add(a);
      }
    }
    breakdown.forEach(a -> undecidedBy.put(a, new HashMap<>()));
    List<Experiment> experiments = new ArrayList<>();
    for (ExperimentResult x : plan.experiments()) {
      List<Experiment.Arm> list = new ArrayList<>();
      Map<String, Tally[]> byArm = new LinkedHashMap<>();
      for (ExperimentResult.ArmResult a : x.arms()) {
        list.add(new Experiment.Arm(a.arm(), a.weight()));
        byArm.put(a.arm(), tallies(OUTCOMES.size()));
      }
      experiments.add(new Experiment(x.experiment(), list));
      arms.put(x.experiment(), byArm);
    }
    List<Step> steps = plan.steps();
    Map<String, Customer> byId = new HashMap<>(customers.size() * 4 / 3 + 1);
    Map<ZoneId, LocalDate> days = new HashMap<>();
    int channels = Channel.values().length;
    boolean[] on = new boolean[channels];
    for (Customer c : customers) {
      byId.put(c.loanId(), c);
      if (!index.contains(c.loanId())) {
        continue;
      }
      String id = c.loanId();
      BigDecimal emi = CustomerMoney.emi(c);
      BigDecimal overdue = CustomerMoney.overdue(c);
      overdueGiven |= overdue != null;
      LocalDate asOf =
          days.computeIfAbsent(
              CustomerZones.zoneOf(c, plan.zone()),
              z -> plan.asOf().atZoneSameInstant(z).toLocalDate());
      int bucket = buckets.index(CustomerMoney.daysPastDue(c, asOf));
      PlanIndex.Status status = index.status(id);
      List<Integer> columns = new ArrayList<>(4);
      columns.add(ALL);
      switch (status) {
        case CONTACTED:
          columns.add(CONTACTED);
          java.util.Arrays.fill(on, false);
          for (int s : index.stepIndexes(id)) {
            Step st = steps.get(s);
            if (st.kind().contacts()) {
              on[st.kind().channel().ordinal()] = true;
            }
          }
          for (int ch = 0; ch < channels; ch++) {
            if (on[ch]) {
              columns.add(1 + ch);
            }
          }
          break;
        case SUPPRESSED:
          columns.add(SUPPRESSED);
          Plan.Suppressed s = index.suppression(id).get();
          suppressedBy
              .computeIfAbsent(List.of(s.reason(), s.rule()), k -> new Tally())
              .add(emi, overdue);
          break;
        case UNDECIDED:
          columns.add(UNDECIDED);
          for (String a : breakdown) {
            String v = a.equals(BY_BUCKET) ? buckets.labels().get(bucket) : value(c, a);
            undecidedBy
                .get(a)
                .computeIfAbsent(v == null ? "(none)" : v, k -> new Tally())
                .add(emi, overdue);
          }
          break;
        default:
          columns.add(DROPPED);
          Set<String> codes = new LinkedHashSet<>();
          index.warnings(id).forEach(w -> codes.add(w.code()));
          if (codes.isEmpty()) {
            codes.add("(no warning)");
          }
          codes.forEach(
              code -> droppedBy.computeIfAbsent(code, k -> new Tally()).add(emi, overdue));
      }
      for (int col : columns) {
        outcomes[col].add(emi, overdue);
        byBucket[bucket][col].add(emi, overdue);
      }
      for (Experiment x : experiments) {
        Tally[] t = arms.get(x.name()).get(x.armOf(id));
        for (int col : columns) {
          t[col].add(emi, overdue);
        }
      }
    }
    for (String id : index.customerIds()) {
      if (!byId.containsKey(id)) {
        missing++;
      }
    }
    for (Step st : steps) {
      if (!st.kind().contacts()) {
        continue;
      }
      Tally t =
          byRule.computeIfAbsent(
              st.rules().isEmpty() ? "(no rule)" : String.join(" + ", st.rules()),
              k -> new Tally());
      for (String id : st.customerIds()) {
        Customer c = byId.get(id);
        if (c != null) {
          t.add(CustomerMoney.emi(c), CustomerMoney.overdue(c));
        }
      }
    }
  }

  /**
   * A customer's value of {@code attribute}: {@code language} and {@code payment_status} are record
   * fields, anything else a custom attribute.
   */
  static String value(Customer c, String attribute) {
    switch (attribute) {
      case "language":
        return c.language();
      case "payment_status":
        return c.paymentStatus();
      default:
        Object v = c.attribute(attribute);
        return v == null ? null : v.toString();
    }
  }

  /** How amounts are written. */
  public MoneyFormat format() {
    return format;
  }

  /** The buckets of days past due. */
  public Buckets buckets() {
    return buckets;
  }

  /** Whether some customer has an overdue amount (else only EMIs are shown). */
  public boolean overdueGiven() {
    return overdueGiven;
  }

  /** Customers of the plan that the portfolio given lacks (not in any sum). */
  public long missing() {
    return missing;
  }

  /** The customers and money of outcome {@code i} of {@link #OUTCOMES}. */
  public Tally outcome(int i) {
    return outcomes[i];
  }

  /**
   * The customers and money of outcome {@code outcome} (an index of {@link #OUTCOMES}) in bucket
   * {@code bucket}.
   */
  public Tally bucket(int bucket, int outcome) {
    return byBucket[bucket][outcome];
  }

  /**
   * Contacts (a customer on a channel) per rule or rules a request carries ({@code "A + B"}), most
   * contacts first.
   */
  public List<Map.Entry<String, Tally>> byRule() {
    return sorted(byRule);
  }

  /** Suppressed customers per reason and rule, most customers first. */
  public List<Map.Entry<List<String>, Tally>> suppressedBy() {
    return sorted(suppressedBy);
  }

  /**
   * Dropped customers per warning code (the guardrail that dropped them), most customers first; a
   * customer dropped by two guardrails counts under both.
   */
  public List<Map.Entry<String, Tally>> droppedBy() {
    return sorted(droppedBy);
  }

  /**
   * Undecided customers broken down: by {@link #BY_BUCKET} (every bucket, in bucket order), then by
   * {@code payment_status}, {@code language} and each chosen attribute (most customers first;
   * {@code (none)} for customers without a value).
   */
  public Map<String, List<Map.Entry<String, Tally>>> undecidedBy() {
    Map<String, List<Map.Entry<String, Tally>>> out = new LinkedHashMap<>();
    undecidedBy.forEach(
        (k, v) -> {
          if (k.equals(BY_BUCKET)) {
            List<Map.Entry<String, Tally>> l = new ArrayList<>();
            for (String b : buckets.labels()) {
              l.add(Map.entry(b, v.getOrDefault(b, new Tally())));
            }
            out.put(k, l);
          } else {
            out.put(k, sorted(v));
          }
        });
    return out;
  }

  /**
   * Per experiment, per arm, a tally per outcome of {@link #OUTCOMES}; arms in the plan's order.
   */
  public Map<String, Map<String, Tally[]>> arms() {
    return arms;
  }

  /**
   * The run in one sentence, amounts at a glance: "This run reaches ₹2.5 crore of EMIs (1,160
   * customers): ₹1.5 crore by call, ₹85.6 lakh by SMS, ₹34.2 lakh by WhatsApp. Left out: ₹2.3 crore
   * undecided (1,020 customers), ₹1.8 crore suppressed (820)."; dropped customers, when there are
   * any, are named last as needing action.
   */
  public String headline() {
    StringBuilder sb = new StringBuilder("This run reaches ");
    Tally c = outcomes[CONTACTED];
    sb.append(format.words(c.emi()))
        .append(" of EMIs (")
        .append(String.format(java.util.Locale.ROOT, "%,d", c.customers()))
        .append(c.customers() == 1 ? " customer)" : " customers)");
    List<String> by = new ArrayList<>();
    for (Channel ch : Channel.values()) {
      Tally t = outcomes[1 + ch.ordinal()];
      if (t.customers() > 0) {
        by.add(
            format.words(t.emi())
                + " by "
                + (ch == Channel.CALL ? "call" : ch == Channel.SMS ? "SMS" : "WhatsApp"));
      }
    }
    sb.append(by.isEmpty() ? "" : ": " + String.join(", ", by)).append('.');
    List<String> out = new ArrayList<>();
    if (outcomes[UNDECIDED].customers() > 0) {
      out.add(left(outcomes[UNDECIDED], "undecided"));
    }
    if (outcomes[SUPPRESSED].customers() > 0) {
      out.add(left(outcomes[SUPPRESSED], "suppressed"));
    }
    if (!out.isEmpty()) {
      sb.append(" Left out: ").append(String.join(", ", out)).append('.');
    }
    if (outcomes[DROPPED].customers() > 0) {
      sb.append(" Needs action: ").append(left(outcomes[DROPPED], "dropped")).append('.');
    }
    return sb.toString();
  }

  private String left(Tally t, String what) {
    return format.words(t.emi())
        + " "
        + what
        + String.format(java.util.Locale.ROOT, " (%,d)", t.customers());
  }

  /** {@code amount} written with {@link #format()}, e.g. {@code ₹12,34,568}. */
  public String money(BigDecimal amount) {
    return format.format(amount);
  }

  /**
   * The summary as JSON: currency, buckets, each outcome, each bucket by outcome, and the
   * breakdowns.
   */
  public JsonObjectBuilder toJson() {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("currency", format.toString());
    JsonArrayBuilder edges = Json.createArrayBuilder();
    for (int e : buckets.edges()) {
      edges.add(e);
    }
    o.add("bucketEdges", edges);
    o.add("overdueGiven", overdueGiven);
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (int i = 0; i < OUTCOMES.size(); i++) {
      out.add(OUTCOMES.get(i), json(outcomes[i]));
    }
    o.add("outcomes", out);
    JsonArrayBuilder bs = Json.createArrayBuilder();
    for (int b = 0; b < buckets.size(); b++) {
      JsonObjectBuilder x = Json.createObjectBuilder().add("bucket", buckets.labels().get(b));
      for (int i = 0; i < OUTCOMES.size(); i++) {
        x.add(OUTCOMES.get(i), json(byBucket[b][i]));
      }
      bs.add(x);
    }
    o.add("buckets", bs);
    JsonArrayBuilder dropped = Json.createArrayBuilder();
    droppedBy().forEach(e -> dropped.add(json(e.getValue()).add("code", e.getKey())));
    o.add("droppedBy", dropped);
    JsonObjectBuilder und = Json.createObjectBuilder();
    undecidedBy()
        .forEach(
            (k, v) -> {
              JsonArrayBuilder a = Json.createArrayBuilder();
              v.forEach(e -> a.add(json(e.getValue()).add("value", e.getKey())));
              und.add(k, a);
            });
    o.add("undecidedBy", und);
    if (missing > 0) {
      o.add("customersNotInPortfolio", missing);
    }
    return o;
  }

  /** {@code {"customers": n, "emi": exact, "overdue": exact}} (overdue only when given). */
  public JsonObjectBuilder json(Tally t) {
    JsonObjectBuilder o =
        Json.createObjectBuilder().add("customers", t.customers()).add("emi", plain(t.emi()));
    if (overdueGiven) {
      o.add("overdue", plain(t.overdue()));
    }
    return o;
  }

  /** Without a negative scale, which JSON would write as {@code 1E+3}. */
  static BigDecimal plain(BigDecimal b) {
    return b.scale() < 0 ? b.setScale(0) : b;
  }

  private static <K> List<Map.Entry<K, Tally>> sorted(Map<K, Tally> m) {
    List<Map.Entry<K, Tally>> l = new ArrayList<>(m.entrySet());
    l.sort(
        Comparator.<Map.Entry<K, Tally>>comparingLong(e -> e.getValue().customers())
            .reversed()
            .thenComparing(e -> e.getValue().emi(), Comparator.reverseOrder())
            .thenComparing(e -> String.valueOf(e.getKey())));
    return l;
  }

  private static Tally[] tallies(int n) {
    Tally[] t = new Tally[n];
    for (int i = 0; i < n; i++) {
      t[i] = new Tally();
    }
    return t;
  }

  private static List<String> outcomes() {
    List<String> l = new ArrayList<>();
    l.add("contacted");
    for (Channel c : Channel.values()) {
      l.add(c.name());
    }
    l.addAll(List.of("suppressed", "undecided", "dropped", "all"));
    return List.copyOf(l);
  }
}
