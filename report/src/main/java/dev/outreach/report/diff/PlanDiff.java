package dev.outreach.report.diff;

import dev.outreach.core.plan.Plan;
import dev.outreach.report.PlanIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How two plans of the same portfolio differ, customer by customer: the review of a rules (or
 * policy) change before it is deployed. Customers whose outcome is the same in both are not listed.
 *
 * <pre>{@code
 * PlanDiff d = PlanDiff.of(planUnderCurrentRules, planUnderProposedRules, "current rules", "proposed rules");
 * System.out.print(DiffText.render(d, 20));
 * }</pre>
 *
 * @param baseLabel what the base plan was made with, e.g. the rules' path
 * @param changedLabel what the changed plan was made with
 * @param changes every customer whose outcome differs, by kind, then loan id
 */
public record PlanDiff(
    Plan base, Plan changed, String baseLabel, String changedLabel, List<Change> changes) {
  public PlanDiff {
    Objects.requireNonNull(base, "base == null");
    Objects.requireNonNull(changed, "changed == null");
    Objects.requireNonNull(baseLabel, "baseLabel == null");
    Objects.requireNonNull(changedLabel, "changedLabel == null");
    changes = List.copyOf(changes);
  }

  /** Compares {@code base} with {@code changed}. */
  public static PlanDiff of(Plan base, Plan changed, String baseLabel, String changedLabel) {
    PlanIndex a = PlanIndex.of(base);
    PlanIndex b = PlanIndex.of(changed);
    TreeSet<String> ids = new TreeSet<>(a.customerIds());
    ids.addAll(b.customerIds());
    List<Change> changes = new ArrayList<>();
    for (String id : ids) {
      Side before = Side.of(a, id);
      Side after = Side.of(b, id);
      Change.Kind kind = Change.classify(before, after);
      if (kind != null) {
        changes.add(new Change(id, kind, before, after));
      }
    }
    changes.sort(
        (x, y) ->
            x.kind() != y.kind()
                ? x.kind().compareTo(y.kind())
                : x.customerId().compareTo(y.customerId()));
    return new PlanDiff(base, changed, baseLabel, changedLabel, changes);
  }

  /** How many customers changed, per kind (every kind present, zero included). */
  public Map<Change.Kind, Integer> counts() {
    Map<Change.Kind, Integer> n = new EnumMap<>(Change.Kind.class);
    for (Change.Kind k : Change.Kind.values()) {
      n.put(k, 0);
    }
    changes.forEach(c -> n.merge(c.kind(), 1, Integer::sum));
    return Collections.unmodifiableMap(n);
  }

  /** The changes of one kind, by loan id. */
  public List<Change> changes(Change.Kind kind) {
    List<Change> out = new ArrayList<>();
    changes.forEach(
        c -> {
          if (c.kind() == kind) {
            out.add(c);
          }
        });
    return out;
  }

  /**
   * How many customers went from each status to each other ({@code "UNDECIDED -> CONTACTED"}), most
   * first; a status of {@code NONE} means the plan did not have the customer.
   */
  public List<Map.Entry<String, Integer>> transitions() {
    Map<String, Integer> n = new java.util.TreeMap<>();
    for (Change c : changes) {
      if (c.before().status() != c.after().status()) {
        n.merge(name(c.before()) + " -> " + name(c.after()), 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> out = new ArrayList<>(n.entrySet());
    out.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    return out;
  }

  private static String name(Side s) {
    return s.status() == null ? "NONE" : s.status().name();
  }
}
