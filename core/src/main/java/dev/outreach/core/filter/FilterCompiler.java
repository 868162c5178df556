package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds small filters that select exactly an audience from a campaign snapshot.
 *
 * <p>For each audience it weighs a plain {@code ids} list against attribute filters
 * ({@code payment_status}, {@code language}, {@code emi_due_date} and {@code emi_amount} ranges,
 * {@code custom} values) plus {@code exclude_ids} for the customers those attributes would wrongly take
 * in, and keeps the smaller body. Every attribute constraint it considers holds for every member of the
 * audience, and every customer of the snapshot it would wrongly take in is excluded by id, so the result
 * selects exactly the audience <em>from the snapshot</em>; customers on the server that the snapshot
 * lacks could match attribute filters, which is why {@link Mode#IDS} exists.
 */
public final class FilterCompiler {
  /** How filters may select customers. */
  public enum Mode {
    /** Only {@code ids} lists: exact whatever else the server's campaign holds; larger bodies. */
    IDS,
    /** The smaller of {@code ids} or attribute filters with {@code exclude_ids}; exact over the snapshot. */
    COMPACT
  }

  /** At most this many distinct values in one attribute constraint (bytes decide below that). */
  private static final int MAX_VALUES = 100;
  /** A compact filter excluding more ids than this is worth trying to split into parts. */
  private static final int SPLIT_WHEN_EXCLUDING = 50;
  /** Customers a candidate is tried on, at most, when choosing constraints. */
  private static final int SAMPLE = 20_000;
  /** Split only by attributes with at most this many values in the audience. */
  private static final int MAX_PARTS = 6;
  /** Bytes a request adds besides its filters: the rest of the body, headers, a round trip. */
  private static final int REQUEST_OVERHEAD = 200;

  private final List<Customer> universe;
  private final Mode mode;
  private final int maxIds;
  private final boolean useCustom;

  /**
   * @param universe the campaign snapshot: every customer the server's campaign holds
   * @param maxIds the most loan ids one request may list in {@code ids} or {@code exclude_ids}
   */
  public FilterCompiler(List<Customer> universe, Mode mode, int maxIds) {
    this(universe, mode, maxIds, true);
  }

  /**
   * As {@link #FilterCompiler(List, Mode, int)}; {@code useCustom} false keeps {@code custom} out of the
   * filters, for a campaign whose customers the server holds without their custom attributes (say,
   * uploaded through bulk add, whose records have no place for them).
   */
  public FilterCompiler(List<Customer> universe, Mode mode, int maxIds, boolean useCustom) {
    this.useCustom = useCustom;
    this.universe = Objects.requireNonNull(universe, "universe == null");
    this.mode = Objects.requireNonNull(mode, "mode == null");
    if (maxIds < 1) {
      throw new IllegalArgumentException("maxIds must be at least 1: " + maxIds);
    }
    this.maxIds = maxIds;
  }

  /** Filters for one request, and the loan ids it selects from the snapshot (in audience order). */
  public record Compiled(Filters filters, List<String> customerIds) {
    public Compiled {
      Objects.requireNonNull(filters, "filters == null");
      customerIds = List.copyOf(customerIds);
    }
  }

  /**
   * The requests that together select exactly {@code audience} (non-empty, no loan id twice), each
   * listing at most {@code maxIds} ids.
   */
  public List<Compiled> compile(List<Customer> audience) {
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("an empty audience needs no request");
    }
    List<Compiled> byIds = byIds(audience);
    if (mode == Mode.IDS) {
      return byIds;
    }
    List<Compiled> best = byIds;
    Compiled compact = compact(audience, universe);
    int excluded = compact == null ? Integer.MAX_VALUE
        : compact.filters().excludeIds() == null ? 0 : compact.filters().excludeIds().size();
    if (compact != null) {
      best = cheaper(best, List.of(compact));
    }
    // A union of attribute-shaped audiences (say bounced and 30+ days late, or part-paid and 60+) fits no
    // single AND of filters: try one request per value of a low-cardinality attribute instead.
    if (excluded > SPLIT_WHEN_EXCLUDING && excluded > audience.size() / 10) {
      for (Function<Customer, Object> key : splitKeys(audience, useCustom)) {
        best = cheaper(best, split(audience, key));
      }
    }
    return best;
  }

  private static List<Compiled> cheaper(List<Compiled> a, List<Compiled> b) {
    return cost(b) < cost(a) ? b : a;
  }

  private static long cost(List<Compiled> requests) {
    long total = 0;
    for (Compiled c : requests) {
      total += REQUEST_OVERHEAD + FilterJson.toJson(c.filters()).toString().length();
    }
    return total;
  }

  /** Attributes to split an audience by: those with a few values, each present for every member. */
  private static List<Function<Customer, Object>> splitKeys(List<Customer> audience,
      boolean useCustom) {
    List<Function<Customer, Object>> keys = new ArrayList<>();
    keys.add(Customer::paymentStatus);
    keys.add(Customer::language);
    for (String k : useCustom ? new TreeSet<>(audience.get(0).custom().keySet()) : Set.<String>of()) {
      keys.add(c -> c.custom().get(k));
    }
    keys.removeIf(k -> {
      Set<Object> values = new HashSet<>();
      for (Customer c : audience) {
        Object v = k.apply(c);
        if (v == null || (values.add(v) && values.size() > MAX_PARTS)) {
          return true;
        }
      }
      return values.size() < 2;
    });
    return keys;
  }

  /**
   * The audience split by {@code key}'s value, each part compiled alone. A part's filter always keeps its
   * own value (the implied constraint that separates it from the other parts), so it need only be
   * compared with the customers of the snapshot that share that value.
   */
  private List<Compiled> split(List<Customer> audience, Function<Customer, Object> key) {
    Map<Object, List<Customer>> parts = new LinkedHashMap<>();
    for (Customer c : audience) {
      parts.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
    }
    Map<Object, List<Customer>> sameValue = new HashMap<>();
    for (Customer c : universe) {
      Object v = key.apply(c);
      if (v != null && parts.containsKey(v)) {
        sameValue.computeIfAbsent(v, k -> new ArrayList<>()).add(c);
      }
    }
    List<Compiled> out = new ArrayList<>();
    for (Map.Entry<Object, List<Customer>> part : parts.entrySet()) {
      List<Customer> members = part.getValue();
      List<Compiled> ids = byIds(members);
      Compiled compact = compact(members, sameValue.get(part.getKey()));
      if (compact != null) {
        compact = new Compiled(keep(compact.filters(), members), compact.customerIds());
      }
      out.addAll(compact == null ? ids : cheaper(ids, List.of(compact)));
    }
    out.sort(Comparator.comparing(c -> c.customerIds().get(0)));
    return out;
  }

  /** {@code f} with the constraint separating its part added back if the greedy left it out. */
  private Filters keep(Filters f, List<Customer> part) {
    Customer any = part.get(0);
    List<String> status = f.paymentStatus();
    List<String> language = f.language();
    Map<String, List<Object>> custom = f.custom() == null ? new TreeMap<>() : new TreeMap<>(f.custom());
    boolean sameStatus = part.stream().allMatch(c -> Objects.equals(c.paymentStatus(), any.paymentStatus()));
    boolean sameLanguage = part.stream().allMatch(c -> Objects.equals(c.language(), any.language()));
    if (status == null && sameStatus && any.paymentStatus() != null) {
      status = List.of(any.paymentStatus());
    }
    if (language == null && sameLanguage && any.language() != null) {
      language = List.of(any.language());
    }
    for (Map.Entry<String, Object> e : useCustom ? any.custom().entrySet() : Map.<String, Object>of().entrySet()) {
      if (!custom.containsKey(e.getKey())
          && part.stream().allMatch(c -> e.getValue().equals(c.custom().get(e.getKey())))) {
        custom.put(e.getKey(), List.of(e.getValue()));
      }
    }
    return new Filters(f.ids(), f.excludeIds(), status, language, f.emiDueDate(), f.emiAmount(),
        custom.isEmpty() ? null : custom);
  }

  private List<Compiled> byIds(List<Customer> audience) {
    List<Compiled> out = new ArrayList<>();
    for (int from = 0; from < audience.size(); from += maxIds) {
      List<String> ids = new ArrayList<>();
      for (Customer c : audience.subList(from, Math.min(audience.size(), from + maxIds))) {
        ids.add(c.loanId());
      }
      out.add(new Compiled(Filters.ids(ids), ids));
    }
    return out;
  }

  /**
   * Attribute constraints chosen greedily by bytes saved, then {@code exclude_ids} for the customers of
   * {@code scope} (the part of the snapshot that can still match) they would wrongly take in; null when
   * those are more than a request may list.
   */
  private Compiled compact(List<Customer> audience, List<Customer> scope) {
    Set<String> members = new HashSet<>(audience.size() * 2);
    List<String> ids = new ArrayList<>(audience.size());
    for (Customer c : audience) {
      members.add(c.loanId());
      ids.add(c.loanId());
    }
    List<Customer> extras = new ArrayList<>();
    for (Customer c : scope) {
      if (!members.contains(c.loanId())) {
        extras.add(c);
      }
    }
    List<Candidate> candidates = new ArrayList<>(Candidate.implied(audience, MAX_VALUES));
    if (!useCustom) {
      candidates.removeIf(c -> c.part().custom() != null);
    }
    List<Candidate> chosen = new ArrayList<>();
    while (!extras.isEmpty() && !candidates.isEmpty()) {
      Candidate best = null;
      long bestGain = 0;
      // Estimate each candidate's saving on an evenly spaced sample (deterministic, so plans are too); the
      // chosen constraint is then applied to every customer exactly, so the sample never affects exactness.
      int stride = Math.max(1, extras.size() / SAMPLE);
      for (Candidate c : candidates) {
        long saved = 0;
        for (int i = 0; i < extras.size(); i += stride) {
          Customer x = extras.get(i);
          if (!c.test().test(x)) {
            saved += x.loanId().length() + 3;
          }
        }
        long gain = saved * stride - c.cost();
        if (gain > bestGain) {
          best = c;
          bestGain = gain;
        }
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      Candidate taken = best;
      extras.removeIf(x -> !taken.test().test(x));
      String family = family(best.key());
      candidates.removeIf(c -> family(c.key()).equals(family));
    }
    if (extras.size() > maxIds) {
      return null;
    }
    if (chosen.isEmpty() && extras.isEmpty()) {
      // The audience is the whole snapshot, but a body without filters reaches the whole campaign on the
      // server, which may hold more: name it by its cheapest implied constraint, or by its ids.
      Candidate cheapest = null;
      for (Candidate c : candidates) {
        if (cheapest == null || c.cost() < cheapest.cost()) {
          cheapest = c;
        }
      }
      if (cheapest == null) {
        return null;
      }
      chosen.add(cheapest);
    }
    List<String> excluded = new ArrayList<>();
    for (Customer x : extras) {
      excluded.add(x.loanId());
    }
    excluded.sort(null);
    return new Compiled(merge(chosen, excluded), ids);
  }

  private static String family(String key) {
    int dot = key.indexOf('.');
    return key.startsWith("custom.") || dot < 0 ? key : key.substring(0, dot);
  }

  private static Filters merge(List<Candidate> chosen, List<String> excluded) {
    List<String> status = null;
    List<String> language = null;
    Filters.DateRange due = null;
    Filters.AmountRange amount = null;
    Map<String, List<Object>> custom = null;
    for (Candidate c : chosen) {
      Filters p = c.part();
      status = p.paymentStatus() != null ? p.paymentStatus() : status;
      language = p.language() != null ? p.language() : language;
      due = p.emiDueDate() != null ? p.emiDueDate() : due;
      amount = p.emiAmount() != null ? p.emiAmount() : amount;
      if (p.custom() != null) {
        custom = custom == null ? new TreeMap<>() : custom;
        custom.putAll(p.custom());
      }
    }
    return new Filters(null, excluded.isEmpty() ? null : excluded, status, language, due, amount, custom);
  }
}
