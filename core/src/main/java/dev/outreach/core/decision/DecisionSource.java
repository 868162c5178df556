package dev.outreach.core.decision;

import dev.outreach.core.Customer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decides, for each customer, whether, how and when to reach out. The Drools implementation lives
 * in the {@code rules} module; tests and hosts may supply their own.
 */
@FunctionalInterface
public interface DecisionSource {
  /**
   * Passes to {@code sink} every decision made for {@code customers} on {@code day}. A customer for
   * whom nothing is passed is <em>undecided</em>. May call {@code sink} from several threads.
   */
  void decide(List<Customer> customers, PlanningDay day, Consumer<Ruling> sink);
}
