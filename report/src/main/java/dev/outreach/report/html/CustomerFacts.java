package dev.outreach.report.html;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.internal.Phones;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.CustomerMoney;
import dev.outreach.report.money.MoneyFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the search card says about a customer: their facts (masked phone, status, EMI, due date,
 * days past due, zone and other attributes, each once) and, in plain words, what they get and when
 * in their own zone ("an SMS at 09:00 IST (UTC+05:30) today").
 */
final class CustomerFacts {
  /** Above this many customers the page leaves each customer's facts out. */
  static final int DEFAULT_LIMIT = 50_000;

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final Plan plan;
  private final Map<String, Customer> byId;
  private final MoneyFormat format;
  private final Buckets buckets;
  private final int limit;
  private final Map<String, OffsetDateTime> campaignStarts = new HashMap<>();
  private final List<String> custom;

  CustomerFacts(
      Plan plan, Map<String, Customer> byId, MoneyFormat format, Buckets buckets, int limit) {
    this.plan = plan;
    this.byId = byId;
    this.format = format;
    this.buckets = buckets;
    this.limit = limit;
    for (Step st : plan.steps()) {
      if (st.body().containsKey("scheduled_at")) {
        campaignStarts.put(st.id(), OffsetDateTime.parse(st.body().getString("scheduled_at")));
      }
    }
    TreeSet<String> names = new TreeSet<>();
    if (embedded()) {
      byId.values().forEach(c -> names.addAll(c.custom().keySet()));
    }
    names.remove(CustomerMoney.DPD);
    names.remove(CustomerZones.ATTRIBUTE);
    names.removeAll(CustomerMoney.OVERDUE);
    custom = new ArrayList<>(names);
  }

  /** Whether each customer's facts go into the page. */
  boolean embedded() {
    return !byId.isEmpty() && byId.size() <= limit;
  }

  /** Whether there are customers whose facts were left out for size. */
  boolean omitted() {
    return byId.size() > limit;
  }

  int limit() {
    return limit;
  }

  /** The customer's zone: their {@code timezone} attribute, else the plan's. */
  ZoneId zone(String id) {
    Customer c = byId.get(id);
    return c == null ? plan.zone() : CustomerZones.zoneOf(c, plan.zone());
  }

  /** The names of the facts, in the order {@link #values} gives them. */
  List<String> keys() {
    List<String> k =
        new ArrayList<>(
            List.of(
                "phone",
                "payment status",
                "EMI",
                "overdue",
                "EMI due date",
                "days past due",
                "zone",
                "language",
                "loan amount"));
    k.addAll(custom);
    return k;
  }

  /** The customer's facts, {@code null} where absent; {@code null} for a customer not given. */
  List<String> values(String id) {
    Customer c = byId.get(id);
    if (c == null) {
      return null;
    }
    ZoneId z = zone(id);
    LocalDate asOf = plan.asOf().atZoneSameInstant(z).toLocalDate();
    Integer dpd = CustomerMoney.daysPastDue(c, asOf);
    BigDecimal overdue = CustomerMoney.overdue(c);
    List<String> v = new ArrayList<>();
    v.add(c.phoneNumber() == null ? null : Phones.mask(c.phoneNumber()));
    v.add(c.paymentStatus());
    v.add(c.emiAmount() == null ? null : exact(c.emiAmount()));
    v.add(overdue == null ? null : exact(overdue));
    v.add(c.emiDueDate() == null ? null : c.emiDueDate().toString());
    v.add(
        dpd == null
            ? "unknown (no due date)"
            : dpd
                + " ("
                + buckets.label(dpd)
                + ")"
                + (number(c.attribute(CustomerMoney.DPD)) ? ", from the dpd column" : ""));
    v.add(z.getId() + ", " + zoneName(plan.asOf().atZoneSameInstant(z)));
    v.add(c.language());
    v.add(c.loanAmount() == null ? null : exact(c.loanAmount()));
    for (String a : custom) {
      Object x = c.attribute(a);
      v.add(x == null ? null : x.toString());
    }
    return v;
  }

  private static boolean number(Object v) {
    return v instanceof BigDecimal && ((BigDecimal) v).stripTrailingZeros().scale() <= 0;
  }

  /** An amount with its decimals, grouped: {@code ₹3,733.33}. */
  private String exact(BigDecimal a) {
    BigDecimal whole = a.setScale(0, java.math.RoundingMode.DOWN);
    BigDecimal fraction = a.subtract(whole).abs();
    String f = fraction.signum() == 0 ? "" : fraction.toPlainString().substring(1);
    String w = format.format(whole);
    return a.signum() < 0 && whole.signum() == 0 ? "-" + w + f : w + f;
  }

  /**
   * What {@code steps} (a customer's, in plan order) do for them in plain words, times in {@code
   * zone}: "an SMS at 09:00 IST (UTC+05:30) today, a call between 15:00 and 18:00 IST (UTC+05:30)
   * today"; {@code null} when none contacts them.
   */
  String words(List<Step> steps, ZoneId zone) {
    List<String> parts = new ArrayList<>();
    for (Step s : steps) {
      if (s.kind().contacts()) {
        parts.add(words(s, zone));
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  private String words(Step s, ZoneId zone) {
    Channel ch = s.kind().channel();
    String what =
        ch == Channel.CALL ? "a call" : ch == Channel.SMS ? "an SMS" : "a WhatsApp message";
    OffsetDateTime start = s.referencedStepId().map(campaignStarts::get).orElse(null);
    boolean batch = start != null;
    if (!batch) {
      start = s.notBefore();
    }
    ZonedDateTime from = start.atZoneSameInstant(zone);
    LocalDate today = plan.asOf().atZoneSameInstant(zone).toLocalDate();
    String when;
    if (batch) {
      when = " from the batch campaign starting " + HOUR.format(from);
    } else if (s.notAfter() != null && ch == Channel.CALL) {
      ZonedDateTime to = s.notAfter().atZoneSameInstant(zone);
      when =
          " between "
              + HOUR.format(from)
              + " and "
              + (to.toLocalDate().equals(from.toLocalDate())
                  ? HOUR.format(to)
                  : HOUR.format(to) + " " + day(to.toLocalDate(), today));
    } else {
      when = " at " + HOUR.format(from);
    }
    return what + when + " " + zoneName(from) + " " + day(from.toLocalDate(), today);
  }

  private static String day(LocalDate d, LocalDate today) {
    if (d.equals(today)) {
      return "today";
    }
    if (d.equals(today.plusDays(1))) {
      return "tomorrow";
    }
    return "on " + DAY.format(d) + (d.getYear() == today.getYear() ? "" : " " + d.getYear());
  }

  /** {@code IST (UTC+05:30)}; a zone without a short name as its offset, {@code UTC+04:00}. */
  static String zoneName(ZonedDateTime t) {
    String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
    String abbreviation = ABBREVIATION.format(t);
    if (abbreviation.startsWith("GMT") || abbreviation.startsWith("UTC")) {
      return "UTC" + offset;
    }
    return abbreviation + " (UTC" + offset + ")";
  }
}
