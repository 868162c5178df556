package dev.outreach.report.html;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.CustomerZones;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts' numbers: contacts (a customer on a channel) counted by channel, rule, hour and
 * attribute.
 */
final class Tallies {
  static final List<String> SERIES = channelNames();

  final List<Bar> byChannel = new ArrayList<>();
  final List<Bar> byRule;
  final List<Bar> byHour = new ArrayList<>();
  final Map<String, List<Bar>> byAttribute = new LinkedHashMap<>();
  final boolean localTimes;

  private Tallies(List<Bar> byRule, boolean localTimes) {
    this.byRule = byRule;
    this.localTimes = localTimes;
  }

  /**
   * Counts over the contacting steps of {@code plan}; {@code customers} (by loan id, may be empty)
   * give each customer's zone and attributes.
   */
  static Tallies of(Plan plan, Map<String, Customer> customers, List<String> attributes, int top) {
    int n = Channel.values().length;
    long[] channels = new long[n];
    long[][] hours = new long[24][n];
    Map<String, long[]> rules = new HashMap<>();
    List<Map<String, long[]>> attrs = new ArrayList<>();
    attributes.forEach(a -> attrs.add(new HashMap<>()));
    boolean local =
        customers.values().stream().anyMatch(c -> c.attribute(CustomerZones.ATTRIBUTE) != null);
    Map<String, OffsetDateTime> campaignStarts = new HashMap<>();
    for (Step st : plan.steps()) {
      if (st.body().containsKey("scheduled_at")) {
        campaignStarts.put(st.id(), OffsetDateTime.parse(st.body().getString("scheduled_at")));
      }
      if (!st.kind().contacts()) {
        continue;
      }
      // A batch campaign calls from its scheduled_at, not when the step that schedules it is sent.
      OffsetDateTime from = st.referencedStepId().map(campaignStarts::get).orElse(st.notBefore());
      int ch = st.kind().channel().ordinal();
      int size = st.customerIds().size();
      channels[ch] += size;
      String rule = st.rules().isEmpty() ? "(no rule)" : String.join(" + ", st.rules());
      rules.computeIfAbsent(rule, k -> new long[n])[ch] += size;
      if (!local) {
        hours[from.atZoneSameInstant(plan.zone()).getHour()][ch] += size;
      }
      if (!local && attributes.isEmpty()) {
        continue;
      }
      for (String id : st.customerIds()) {
        Customer c = customers.get(id);
        if (local) {
          ZoneId z = c == null ? plan.zone() : CustomerZones.zoneOf(c, plan.zone());
          hours[from.atZoneSameInstant(z).getHour()][ch]++;
        }
        for (int a = 0; a < attributes.size(); a++) {
          String v = c == null ? null : value(c, attributes.get(a));
          attrs.get(a).computeIfAbsent(v == null ? "(none)" : v, k -> new long[n])[ch]++;
        }
      }
    }
    Tallies t = new Tallies(top(rules, top), local);
    for (Channel c : Channel.values()) {
      long[] v = new long[n];
      v[c.ordinal()] = channels[c.ordinal()];
      t.byChannel.add(new Bar(c.name(), v));
    }
    // Only the hours that have contacts, first to last: the chart uses its width for them.
    int first = 0;
    int last = 23;
    while (first < 23 && sum(hours[first]) == 0) {
      first++;
    }
    while (last > first && sum(hours[last]) == 0) {
      last--;
    }
    for (int h = first; h <= last; h++) {
      t.byHour.add(new Bar(String.format(Locale.ROOT, "%02d", h), hours[h]));
    }
    for (int a = 0; a < attributes.size(); a++) {
      t.byAttribute.put(attributes.get(a), top(attrs.get(a), top));
    }
    return t;
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

  private static long sum(long[] v) {
    long s = 0;
    for (long x : v) {
      s += x;
    }
    return s;
  }

  /** The {@code top} largest, then one bar for the rest. */
  private static List<Bar> top(Map<String, long[]> counts, int top) {
    List<Bar> all = new ArrayList<>();
    counts.forEach((k, v) -> all.add(new Bar(k, v)));
    all.sort(Comparator.comparingLong(Bar::total).reversed().thenComparing(Bar::label));
    if (all.size() <= top) {
      return all;
    }
    long[] rest = new long[Channel.values().length];
    for (Bar b : all.subList(top, all.size())) {
      for (int i = 0; i < rest.length; i++) {
        rest[i] += b.values()[i];
      }
    }
    List<Bar> out = new ArrayList<>(all.subList(0, top));
    out.add(new Bar(String.format(Locale.ROOT, "%,d others", all.size() - top), rest));
    return out;
  }

  private static List<String> channelNames() {
    List<String> out = new ArrayList<>();
    for (Channel c : Channel.values()) {
      out.add(c.name());
    }
    return List.copyOf(out);
  }
}
