package dev.outreach.core.filter;

import dev.outreach.core.Customer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Finds small filters that select exactly an audience from a campaign snapshot.
 *
 * <p>For each audience it weighs a plain {@code ids} list against attribute filters ({@code
 * payment_status}, {@code language}, {@code emi_due_date} and {@code emi_amount} ranges, {@code
 * custom} values) plus {@code exclude_ids} for the customers those attributes would wrongly take
 * in, and keeps the smaller body. Every attribute constraint it considers holds for every member of
 * the audience, and every customer of the snapshot it would wrongly take in is excluded by id, so
 * the result selects exactly the audience <em>from the snapshot</em>; customers on the server that
 * the snapshot lacks could match attribute filters, which is why {@link Mode#IDS} exists.
 */
public final class FilterCompiler {
  /** How filters may select customers. */
  public enum Mode {
    /** Only {@code ids} lists: exact whatever else the server's campaign holds; larger bodies. */
    IDS,
    /**
     * The smaller of {@code ids} or attribute filters with {@code exclude_ids}; exact over the
     * snapshot.
     */
    COMPACT
  }

  /** At most this many distinct values in one attribute constraint (bytes decide below that). */
  private static final int MAX_VALUES = 100;

  /** A compact filter excluding more ids than this is worth trying to split into parts. */
  private static final int SPLIT_WHEN_EXCLUDING = 50;

  /** Customers a candidate is tried on, at most, when choosing constraints. */
  private static final int SAMPLE = 4_096;

  /** Split only by attributes with at most this many values in the audience. */
  private static final int MAX_PARTS = 6;

  /** Bytes a request adds besides its filters: the rest of the body, headers, a round trip. */
  private static final int REQUEST_OVERHEAD = 200;

  private final Snapshot index;
  private final PartialSnapshot partial; // when the snapshot is asked about in rounds
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
   * As {@link #FilterCompiler(List, Mode, int)}; {@code useCustom} false keeps {@code custom} out
   * of the filters, for a campaign whose customers the server holds without their custom attributes
   * (say, uploaded through bulk add, whose records have no place for them).
   */
  public FilterCompiler(List<Customer> universe, Mode mode, int maxIds, boolean useCustom) {
    this(
        mode == Mode.IDS
            ? null
            : SnapshotIndex.of(Objects.requireNonNull(universe, "universe == null")),
        mode,
        maxIds,
        useCustom,
        true);
  }

  /**
   * As {@link #FilterCompiler(List, Mode, int, boolean)} over a snapshot already indexed (the
   * planner indexes it once and proves every body with the same index).
   */
  public FilterCompiler(SnapshotIndex universe, Mode mode, int maxIds, boolean useCustom) {
    this(Objects.requireNonNull(universe, "universe == null"), mode, maxIds, useCustom, true);
  }

  /**
   * As {@link #FilterCompiler(SnapshotIndex, Mode, int, boolean)} over a snapshot kept where its
   * customers are and asked about in rounds: compile with {@link #attempt}, answering the
   * snapshot's questions between rounds ({@link PartialSnapshot#answer}).
   */
  public FilterCompiler(PartialSnapshot universe, Mode mode, int maxIds, boolean useCustom) {
    this(Objects.requireNonNull(universe, "universe == null"), null, mode, maxIds, useCustom);
  }

  private FilterCompiler(
      SnapshotIndex universe, Mode mode, int maxIds, boolean useCustom, boolean checked) {
    this(null, universe == null ? null : universe.view(), mode, maxIds, useCustom);
  }

  private FilterCompiler(
      PartialSnapshot partial, Snapshot universe, Mode mode, int maxIds, boolean useCustom) {
    this.useCustom = useCustom;
    this.partial = partial;
    this.index = universe; // null for ids, which never looks at the snapshot, and when partial
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
   * The requests that together select exactly {@code audience} (non-empty, no loan id twice, every
   * one in the snapshot), each listing at most {@code maxIds} ids. The compact search works within
   * a budget proportional to the audience ({@link SearchBudget}); a group it cannot afford gets
   * {@code ids}.
   */
  public List<Compiled> compile(List<Customer> audience) {
    return compileIds(audience.stream().map(Customer::loanId).toList());
  }

  /**
   * {@link #compile}, for the audience's loan ids.
   *
   * @throws IllegalStateException if the snapshot is asked about in rounds: use {@link #attempt}
   */
  public List<Compiled> compileIds(List<String> audience) {
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("an empty audience needs no request");
    }
    List<Compiled> byIds = byIds(audience);
    if (mode == Mode.IDS) {
      return byIds;
    }
    if (index == null) {
      throw new IllegalStateException("a snapshot asked about in rounds is compiled by attempts");
    }
    int[] positions = positions(audience);
    if (positions == null) {
      return byIds; // not all in the snapshot: nothing to weigh attribute filters against
    }
    SearchBudget budget = SearchBudget.forAudience(audience.size());
    List<Compiled> best = byIds;
    Compiled compact = compact(positions, null, -1, budget);
    int excluded =
        compact == null
            ? Integer.MAX_VALUE
            : compact.filters().excludeIds() == null ? 0 : compact.filters().excludeIds().size();
    if (compact != null) {
      best = cheaper(best, List.of(compact));
    }
    // A union of attribute-shaped audiences (say bounced and 30+ days late, or part-paid and 60+)
    // fits no
    // single AND of filters: try one request per value of a low-cardinality attribute instead.
    if (excluded > SPLIT_WHEN_EXCLUDING && excluded > audience.size() / 10) {
      for (String key : splitKeys(positions)) {
        if (budget.exhausted()) {
          break;
        }
        best = cheaper(best, split(positions, key, budget));
      }
    }
    return best;
  }

  /**
   * {@link #compileIds}, or null when the snapshot is asked about in rounds and must answer the
   * questions this attempt raised first ({@link PartialSnapshot#answer}); then attempt again. Over
   * an indexed snapshot, or with ids alone, always the requests.
   */
  public List<Compiled> attempt(List<String> audience) {
    if (partial == null || mode == Mode.IDS) {
      return compileIds(audience);
    }
    PartialSnapshot.Attempt view = partial.attempt();
    FilterCompiler over = new FilterCompiler(null, view, mode, maxIds, useCustom);
    List<Compiled> out;
    try {
      out = over.compileIds(audience);
    } catch (RuntimeException e) {
      if (view.complete()) {
        throw e;
      }
      return null; // it ran on stand-ins for answers not known yet: the answers change its course
    }
    if (view.complete()) {
      view.release();
      return out;
    }
    over.countParts(audience); // in this round, not in one of their own
    return null;
  }

  /**
   * Reads how many customers of the snapshot share each value the audience could be split by: a
   * split is tried only once the compact search has run on real answers, and asking for these
   * counts (cheap sums) with the first round's spares the split a round of its own.
   */
  private void countParts(List<String> audience) {
    int[] positions = positions(audience);
    if (positions == null) {
      return;
    }
    for (String key : splitKeys(positions)) {
      IntSet values = distinct(key, positions, MAX_PARTS);
      int[][] parts = parts(positions, key, values);
      for (int v = 0; v < values.size(); v++) {
        index.withValue(key, values.get(v)).count();
        for (Candidate c : Candidate.implied(index, parts[v], useCustom, MAX_VALUES)) {
          index.within(key, values.get(v), c.part()).count();
        }
      }
    }
  }

  private int[] positions(List<String> audience) {
    int[] out = new int[audience.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = index.position(audience.get(i));
      if (out[i] < 0) {
        return null;
      }
    }
    return out;
  }

  private static List<Compiled> cheaper(List<Compiled> a, List<Compiled> b) {
    return cost(b) < cost(a) ? b : a;
  }

  private static long cost(List<Compiled> requests) {
    long total = 0;
    for (Compiled c : requests) {
      total += REQUEST_OVERHEAD + FilterJson.length(c.filters());
    }
    return total;
  }

  /**
   * The columns to split an audience by, in a fixed order ({@code payment_status}, {@code
   * language}, then custom keys by name): those with a few values, each present for every member.
   */
  private List<String> splitKeys(int[] positions) {
    List<String> names = new ArrayList<>(List.of("payment_status", "language"));
    for (String k : useCustom ? index.customKeys(positions[0]) : Set.<String>of()) {
      names.add("custom." + k);
    }
    List<String> keys = new ArrayList<>();
    for (String name : names) {
      if (distinct(name, positions, MAX_PARTS) != null) {
        keys.add(name);
      }
    }
    return keys;
  }

  /**
   * The audience's distinct value ids in {@code column} if there are 2 to {@code max} and none is
   * missing.
   */
  private IntSet distinct(String attribute, int[] positions, int max) {
    IntSet values = new IntSet();
    IntUnaryOperator valueIds = index.valueIds(attribute);
    for (int p : positions) {
      int v = valueIds.applyAsInt(p);
      if (v < 0 || (values.add(v) && values.size() > max)) {
        return null;
      }
    }
    return values.size() < 2 ? null : values;
  }

  /**
   * The audience split by its value in {@code key}, each part compiled alone. A part's filter
   * always keeps its own value (the implied constraint that separates it from the other parts), so
   * it need only be compared with the customers of the snapshot that share that value, and of those
   * (counted first, never listed) with the ones its best first constraint also selects.
   */
  private List<Compiled> split(int[] positions, String key, SearchBudget budget) {
    IntSet values = distinct(key, positions, MAX_PARTS);
    int[][] parts = parts(positions, key, values);
    List<Compiled> out = new ArrayList<>();
    for (int v = 0; v < values.size(); v++) {
      int[] members = parts[v];
      List<Compiled> ids = byIds(loanIds(members));
      Compiled compact = compact(members, key, values.get(v), budget);
      if (compact != null) {
        compact = new Compiled(keep(compact.filters(), members), compact.customerIds());
      }
      out.addAll(compact == null ? ids : cheaper(ids, List.of(compact)));
    }
    out.sort(Comparator.comparing(c -> c.customerIds().get(0)));
    return out;
  }

  /** The audience's positions by their value id in {@code key} (one of {@code values}). */
  private int[][] parts(int[] positions, String key, IntSet values) {
    int[] counts = new int[values.size()];
    int[] part = new int[positions.length];
    IntUnaryOperator valueIds = index.valueIds(key);
    for (int i = 0; i < positions.length; i++) {
      part[i] = indexOf(values, valueIds.applyAsInt(positions[i]));
      counts[part[i]]++;
    }
    int[][] out = new int[values.size()][];
    for (int v = 0; v < out.length; v++) {
      out[v] = new int[counts[v]];
    }
    int[] filled = new int[out.length];
    for (int i = 0; i < positions.length; i++) {
      out[part[i]][filled[part[i]]++] = positions[i];
    }
    return out;
  }

  private static int indexOf(IntSet values, int v) {
    for (int i = 0; ; i++) {
      if (values.get(i) == v) {
        return i;
      }
    }
  }

  /** {@code f} with the constraint separating its part added back if the greedy left it out. */
  private Filters keep(Filters f, int[] part) {
    List<String> status =
        f.paymentStatus() == null ? same("payment_status", part) : f.paymentStatus();
    List<String> language = f.language() == null ? same("language", part) : f.language();
    Map<String, List<Object>> custom =
        f.custom() == null ? new TreeMap<>() : new TreeMap<>(f.custom());
    for (String key : useCustom ? index.customKeys(part[0]) : Set.<String>of()) {
      if (!custom.containsKey(key)) {
        List<Object> value = same("custom." + key, part);
        if (value != null) {
          custom.put(key, value);
        }
      }
    }
    return new Filters(
        f.ids(),
        f.excludeIds(),
        status,
        language,
        f.emiDueDate(),
        f.emiAmount(),
        custom.isEmpty() ? null : custom);
  }

  /**
   * The one value every customer of {@code part} has in {@code attribute} (the same by {@code
   * equals}), or null when one has none or they differ.
   */
  @SuppressWarnings("unchecked")
  private <T> List<T> same(String attribute, int[] part) {
    IntUnaryOperator valueIds = index.valueIds(attribute);
    int first = valueIds.applyAsInt(part[0]);
    if (first < 0) {
      return null;
    }
    for (int p : part) {
      if (valueIds.applyAsInt(p) != first) {
        return null;
      }
    }
    return List.of((T) index.value(attribute, first));
  }

  /** Requests listing {@code ids} in their order, at most {@code maxIds} each. */
  private List<Compiled> byIds(List<String> ids) {
    List<Compiled> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += maxIds) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + maxIds));
      out.add(new Compiled(Filters.ids(part), part));
    }
    return out;
  }

  /** The loan ids of the snapshot's customers at {@code positions}, in that order. */
  private List<String> loanIds(int[] positions) {
    List<String> ids = new ArrayList<>(positions.length);
    for (int p : positions) {
      ids.add(index.loanId(p));
    }
    return ids;
  }

  /** A candidate constraint with its customers in the snapshot. */
  private record Probe(Candidate candidate, Selection selection) {}

  /**
   * Attribute constraints chosen greedily by bytes saved, then {@code exclude_ids} for the
   * customers of the scope they would wrongly take in; null when those are more than a request may
   * list, or when the search would cost more than {@code budget} allows. The scope is the part of
   * the snapshot that can still match: the customers whose {@code scopeKey} has value id {@code
   * scopeValue}, or all of it when {@code scopeKey} is null.
   *
   * <p>The first constraint is chosen from counts alone (every candidate holds for the whole
   * audience, so the bytes it saves are the scope's id bytes less those of the scope's customers it
   * selects); only those customers are then visited, never the whole scope.
   */
  private Compiled compact(int[] positions, String scopeKey, int scopeValue, SearchBudget budget) {
    // Finding the implied constraints visits each member once per attribute.
    if (!budget.spend((long) positions.length * (4 + index.customKeys(positions[0]).size()))) {
      return null;
    }
    List<String> ids = loanIds(positions);
    int[] members = positions.clone();
    java.util.Arrays.sort(members);
    List<Probe> candidates = new ArrayList<>();
    for (Candidate c : Candidate.implied(index, positions, useCustom, MAX_VALUES)) {
      candidates.add(new Probe(c, index.select(c.part())));
    }
    // What the customers to keep out are tested with: nothing else is asked of them.
    List<Filters> probes = new ArrayList<>(candidates.size());
    for (Probe p : candidates) {
      probes.add(p.candidate().part());
    }
    List<Candidate> chosen = new ArrayList<>();
    // The part of the snapshot that can still match: all of it, or those sharing the part's value.
    Selection scope = scopeKey == null ? null : index.withValue(scopeKey, scopeValue);
    if (scope != null && !budget.spend(scope.count())) {
      return null;
    }
    int outside = (scope == null ? index.size() : scope.count()) - positions.length;
    long scopeWeight = scope == null ? index.totalWeight() : scope.weight();
    Probe best = null;
    Selection bestSelection = null;
    long bestGain = 0;
    for (int c = 0; outside > 0 && c < candidates.size(); c++) {
      Probe p = candidates.get(c);
      Selection s =
          scope == null ? p.selection() : index.within(scopeKey, scopeValue, p.candidate().part());
      long gain = scopeWeight - s.weight() - p.candidate().cost();
      if (gain > bestGain) {
        best = p;
        bestSelection = s;
        bestGain = gain;
      }
    }
    int[] extras;
    if (outside <= 0) {
      extras = new int[0];
    } else if (best != null) {
      if (!budget.spend(bestSelection.count())) {
        return null;
      }
      extras = without(bestSelection.listed(probes), members);
      chosen.add(best.candidate());
      String family = family(best.candidate().key());
      candidates.removeIf(c -> family(c.candidate().key()).equals(family));
    } else if (outside > maxIds) {
      return null; // no constraint keeps any of them out: all would be excluded by id
    } else if (scope == null) {
      if (!budget.spend(index.size())) {
        return null;
      }
      extras = without(index.everyone(probes), members);
    } else {
      extras = without(scope.listed(probes), members);
    }
    List<Candidate> left = new ArrayList<>(candidates.size());
    List<Selection> selections = new ArrayList<>(candidates.size());
    for (Probe p : candidates) {
      left.add(p.candidate());
      selections.add(p.selection());
    }
    int size =
        GreedyCover.choose(index, left, selections, extras, extras.length, SAMPLE, chosen, budget);
    if (size < 0) {
      return null;
    }
    if (size > maxIds) {
      return null;
    }
    if (chosen.isEmpty() && size == 0) {
      // The audience is the whole snapshot, but a body without filters reaches the whole campaign
      // on the
      // server, which may hold more: name it by its cheapest implied constraint, or by its ids.
      Candidate cheapest = null;
      for (Probe p : candidates) {
        if (cheapest == null || p.candidate().cost() < cheapest.cost()) {
          cheapest = p.candidate();
        }
      }
      if (cheapest == null) {
        return null;
      }
      chosen.add(cheapest);
    }
    List<String> excluded = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      excluded.add(index.loanId(extras[i]));
    }
    excluded.sort(null);
    return new Compiled(merge(chosen, excluded), ids);
  }

  /**
   * The positions of {@code from} (ascending) that are not among {@code members} (ascending): one
   * merge, without a mark per customer of the snapshot.
   */
  private static int[] without(int[] from, int[] members) {
    int n = from.length;
    int[] out = new int[Math.max(0, n - members.length)];
    int k = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      int x = from[i];
      while (m < members.length && members[m] < x) {
        m++;
      }
      if (m < members.length && members[m] == x) {
        continue;
      }
      if (k == out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(16, out.length * 2));
      }
      out[k++] = x;
    }
    return java.util.Arrays.copyOf(out, k);
  }

  /**
   * A constraint's family: ranges of one attribute are one family, as are each custom key's values.
   */
  static String family(String key) {
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
    return new Filters(
        null, excluded.isEmpty() ? null : excluded, status, language, due, amount, custom);
  }
}
