package dev.outreach.core.plan;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies each step's body to the portfolio snapshot exactly as the API would, and fails unless it
 * selects exactly the step's intended customers. A plan that fails this is never emitted. Batch-call
 * campaigns call the contacts of a folder the API gives no way to read or fill, so they are listed, not
 * checked, and the plan warns about each.
 */
final class AudienceCheck {
  private AudienceCheck() {}

  static void verify(List<Step> steps, List<Customer> portfolio, Map<String, Customer> byId) {
    for (Step step : steps) {
      if (!step.kind().contacts() || step.kind().batch()) {
        continue; // uploads select nobody; a batch calls its folder, which no body names (see Batches)
      }
      JsonObject body = step.body();
      Filters f = body.containsKey("filters") ? FilterJson.fromJson(body.getJsonObject("filters")) : Filters.ALL;
      Predicate<Customer> m = f.matcher();
      List<String> selected = new ArrayList<>();
      if (f.ids() != null) {
        for (String id : f.ids()) {
          Customer c = byId.get(id);
          if (c != null && m.test(c)) {
            selected.add(id);
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
        throw new IllegalStateException("internal error: step " + step.id() + " would select "
            + got.size() + " customers instead of its " + want.size() + "; the plan was not emitted");
      }
      if (body.containsKey("limit") && body.getInt("limit") != want.size()) {
        throw new IllegalStateException("internal error: step " + step.id() + " has limit "
            + body.getInt("limit") + " for " + want.size() + " customers; the plan was not emitted");
      }
    }
  }
}
