package dev.outreach.report;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each customer of a plan ended up: the steps that carry them, their suppression, the
 * decisions of theirs that were overridden, and the warnings about them. Built once from a {@link
 * Plan}, for reports that look customers up (HTML search, explanations, diffs). Every customer of
 * the planned portfolio appears: contacted customers in steps, suppressed and undecided ones in
 * their lists, and a dropped customer in the warnings that say why.
 */
public final class PlanIndex {
  /** What a plan does with a customer; exactly one applies. */
  public enum Status {
    /** Reached by at least one step that contacts. */
    CONTACTED,
    /** A rule chose not to contact them. */
    SUPPRESSED,
    /** No rule decided anything. */
    UNDECIDED,
    /** Rules decided, but no contact could be scheduled (see the warnings). */
    DROPPED
  }

  private static final int[] NONE = new int[0];

  private final Plan plan;
  private final Map<String, Slot> slots;

  private PlanIndex(Plan plan, Map<String, Slot> slots) {
    this.plan = plan;
    this.slots = slots;
  }

  /** Indexes {@code plan}. */
  public static PlanIndex of(Plan plan) {
    Objects.requireNonNull(plan, "plan == null");
    Map<String, Slot> slots = new HashMap<>(Math.max(16, plan.summary().customers() * 4 / 3 + 1));
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      for (String id : steps.get(i).customerIds()) {
        Slot s = slots.computeIfAbsent(id, k -> new Slot());
        s.steps = append(s.steps, i);
        s.contacted |= steps.get(i).kind().contacts();
      }
    }
    for (int i = 0; i < plan.suppressed().size(); i++) {
      slots.computeIfAbsent(plan.suppressed().get(i).customerId(), k -> new Slot()).suppressed = i;
    }
    for (String id : plan.undecided()) {
      slots.computeIfAbsent(id, k -> new Slot()).undecided = true;
    }
    for (int i = 0; i < plan.overrides().size(); i++) {
      Slot s = slots.computeIfAbsent(plan.overrides().get(i).customerId(), k -> new Slot());
      s.overrides = append(s.overrides, i);
    }
    for (int i = 0; i < plan.warnings().size(); i++) {
      String id = plan.warnings().get(i).customerId();
      if (id != null) {
        Slot s = slots.computeIfAbsent(id, k -> new Slot());
        s.warnings = append(s.warnings, i);
      }
    }
    return new PlanIndex(plan, slots);
  }

  /** The indexed plan. */
  public Plan plan() {
    return plan;
  }

  /** Whether the plan knows {@code customerId}. */
  public boolean contains(String customerId) {
    return slots.containsKey(customerId);
  }

  /** Every customer of the plan, sorted. */
  public List<String> customerIds() {
    List<String> ids = new ArrayList<>(slots.keySet());
    ids.sort(null);
    return ids;
  }

  /**
   * What the plan does with {@code customerId}.
   *
   * @throws IllegalArgumentException when the plan does not know the customer
   */
  public Status status(String customerId) {
    Slot s = slot(customerId);
    if (s.suppressed >= 0) {
      return Status.SUPPRESSED;
    }
    if (s.contacted) {
      return Status.CONTACTED;
    }
    return s.undecided ? Status.UNDECIDED : Status.DROPPED;
  }

  /** The steps that carry {@code customerId} (uploads included), in plan order. */
  public List<Step> steps(String customerId) {
    return pick(plan.steps(), slot(customerId).steps);
  }

  /** The indexes in {@link Plan#steps()} of the steps that carry {@code customerId}. */
  public int[] stepIndexes(String customerId) {
    return slot(customerId).steps.clone();
  }

  /** The customer's suppression, if a rule suppressed them. */
  public Optional<Plan.Suppressed> suppression(String customerId) {
    int i = slot(customerId).suppressed;
    return i < 0 ? Optional.empty() : Optional.of(plan.suppressed().get(i));
  }

  /** The customer's decisions that lost to a suppression or a stronger decision. */
  public List<Plan.Overridden> overrides(String customerId) {
    return pick(plan.overrides(), slot(customerId).overrides);
  }

  /** The warnings about the customer: moved or dropped decisions. */
  public List<Plan.Warning> warnings(String customerId) {
    return pick(plan.warnings(), slot(customerId).warnings);
  }

  private Slot slot(String customerId) {
    Slot s = slots.get(customerId);
    if (s == null) {
      throw new IllegalArgumentException("loan id " + customerId + " is not in the plan");
    }
    return s;
  }

  private static <T> List<T> pick(List<T> from, int[] indexes) {
    List<T> out = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      out.add(from.get(i));
    }
    return out;
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  /** One customer's place; small, as there is one per customer. */
  private static final class Slot {
    int[] steps = NONE;
    int[] overrides = NONE;
    int[] warnings = NONE;
    int suppressed = -1;
    boolean undecided;
    boolean contacted;
  }
}
