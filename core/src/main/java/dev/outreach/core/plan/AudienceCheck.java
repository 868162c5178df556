package dev.outreach.core.plan;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import dev.outreach.core.filter.SnapshotIndex;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies each step's body to the portfolio snapshot exactly as the API would, and fails unless it
 * selects exactly the step's intended customers. A plan that fails this is never emitted.
 * Batch-call campaigns call the contacts of a folder the API gives no way to read or fill, so they
 * are listed, not checked, and the plan warns about each.
 */
final class AudienceCheck {
  private AudienceCheck() {}

  /**
   * Fails unless each step selects exactly its customers from {@code portfolio} (see {@link
   * #limits} for the bodies' limits).
   *
   * @param byId the customer of the portfolio with a loan id, or null
   * @param index the portfolio indexed by attribute, or null to apply attribute filters to every
   *     customer (a body without {@code ids} is then checked against the whole portfolio; with the
   *     index, against the customers of its most selective constraint, the only ones it can select)
   * @param threads how many threads check steps
   */
  static void verify(
      List<Step> steps,
      List<Customer> portfolio,
      Function<String, Customer> byId,
      SnapshotIndex index,
      int threads) {
    Parallel.map(
        threads,
        steps,
        step -> {
          check(step, portfolio, byId, index);
          return Boolean.TRUE;
        });
  }

  private static void check(
      Step step, List<Customer> portfolio, Function<String, Customer> byId, SnapshotIndex index) {
    if (!step.kind().contacts() || step.kind().batch()) {
      return; // uploads select nobody; a batch calls its folder, which no body names (see Batches)
    }
    JsonObject body = step.body();
    Filters f =
        body.containsKey("filters")
            ? FilterJson.fromJson(body.getJsonObject("filters"))
            : Filters.ALL;
    Predicate<Customer> m = f.matcher();
    int[] narrowest = index == null || f.ids() != null ? null : index.narrowest(f);
    List<String> selected = new ArrayList<>();
    if (f.ids() != null) {
      for (String id : f.ids()) {
        Customer c = byId.apply(id);
        if (c != null && m.test(c)) {
          selected.add(id);
        }
      }
    } else if (narrowest != null) {
      for (int i : narrowest) { // the only customers f can select: f holds for none outside them
        Customer c = portfolio.get(i);
        if (m.test(c)) {
          selected.add(c.loanId());
        }
      }
    } else {
      for (Customer c : portfolio) {
        if (m.test(c)) {
          selected.add(c.loanId());
        }
      }
    }
    Set<String> want = new HashSet<>(step.customerIds());
    Set<String> got = new HashSet<>(selected);
    if (!got.equals(want) || selected.size() != want.size()) {
      throw new IllegalStateException(
          "internal error: step "
              + step.id()
              + " would select "
              + got.size()
              + " customers instead of its "
              + want.size()
              + "; the plan was not emitted");
    }
  }

  /** Fails unless each step's body limits it to as many customers as the step has. */
  static void limits(List<Step> steps) {
    for (Step step : steps) {
      JsonObject body = step.body();
      if (step.kind().contacts()
          && !step.kind().batch()
          && body.containsKey("limit")
          && body.getInt("limit") != step.customerIds().size()) {
        throw new IllegalStateException(
            "internal error: step "
                + step.id()
                + " has limit "
                + body.getInt("limit")
                + " for "
                + step.customerIds().size()
                + " customers; the plan was not emitted");
      }
    }
  }
}
