package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
  /** Split only by attributes with at most this many values in the audience. */
  private static final int MAX_PARTS = 6;
  /** Bytes a request adds besides its filters: the rest of the body, headers, a round trip. */
  private static final int REQUEST_OVERHEAD = 200;

  private final List<Customer> universe;
  private final Mode mode;
  private final int maxIds;

  /**
   * @param universe the campaign snapshot: every customer the server's campaign holds
   * @param maxIds the most loan ids one request may list in {@code ids} or {@code exclude_ids}
   */
  public FilterCompiler(List<Customer> universe, Mode mode, int maxIds) {
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
    Compiled compact = compact(audience);
    if (compact != null) {
      best = cheaper(best, List.of(compact));
      if (compact.filters().excludeIds() != null && compact.filters().excludeIds().size() > SPLIT_WHEN_EXCLUDING) {
        for (java.util.function.Function<Customer, Object> key : splitKeys(audience)) {
          List<Compiled> parts = split(audience, key);
          if (parts != null) {
            best = cheaper(best, parts);
          }
        }
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
  private static List<java.util.function.Function<Customer, Object>> splitKeys(List<Customer> audience) {
    List<java.util.function.Function<Customer, Object>> keys = new ArrayList<>();
    keys.add(Customer::paymentStatus);
    keys.add(Customer::language);
    for (String k : new java.util.TreeSet<>(audience.get(0).custom().keySet())) {
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

  /** The audience split by {@code key}'s value, each part compiled alone; null if a part cannot be. */
  private List<Compiled> split(List<Customer> audience, java.util.function.Function<Customer, Object> key) {
    Map<String, List<Customer>> parts = new java.util.TreeMap<>();
    for (Customer c : audience) {
      parts.computeIfAbsent(String.valueOf(key.apply(c)), k -> new ArrayList<>()).add(c);
    }
    List<Compiled> out = new ArrayList<>();
    for (List<Customer> part : parts.values()) {
      List<Compiled> ids = byIds(part);
      Compiled compact = compact(part);
      out.addAll(compact == null ? ids : cheaper(ids, List.of(compact)));
    }
    return out;
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

  /** Attribute constraints chosen greedily by bytes saved, then {@code exclude_ids}; null if too many. */
  private Compiled compact(List<Customer> audience) {
    Set<String> members = new HashSet<>(audience.size() * 2);
    List<String> ids = new ArrayList<>(audience.size());
    for (Customer c : audience) {
      members.add(c.loanId());
      ids.add(c.loanId());
    }
    List<Customer> extras = new ArrayList<>();
    for (Customer c : universe) {
      if (!members.contains(c.loanId())) {
        extras.add(c);
      }
    }
    List<Candidate> candidates = new ArrayList<>(Candidate.implied(audience, MAX_VALUES));
    List<Candidate> chosen = new ArrayList<>();
    while (!extras.isEmpty() && !candidates.isEmpty()) {
      Candidate best = null;
      long bestGain = 0;
      for (Candidate c : candidates) {
        long saved = 0;
        for (Customer x : extras) {
          if (!c.test().test(x)) {
            saved += x.loanId().length() + 3;
          }
        }
        long gain = saved - c.cost();
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
        custom = custom == null ? new java.util.TreeMap<>() : custom;
        custom.putAll(p.custom());
      }
    }
    return new Filters(null, excluded.isEmpty() ? null : excluded, status, language, due, amount, custom);
  }
}
