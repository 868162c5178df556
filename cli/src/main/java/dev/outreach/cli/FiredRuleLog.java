package dev.outreach.cli;

import dev.outreach.rules.CustomerTrace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which rules fired for each customer, collected while the rules run on several threads. Customers
 * share few distinct lists of rules, so each list is kept once.
 */
final class FiredRuleLog implements Consumer<CustomerTrace>, Function<String, List<String>> {
  private final Map<String, List<String>> byCustomer = new ConcurrentHashMap<>();
  private final Map<List<String>, List<String>> distinct = new ConcurrentHashMap<>();

  @Override
  public void accept(CustomerTrace t) {
    byCustomer.put(t.customerId(), distinct.computeIfAbsent(t.firedRules(), k -> k));
  }

  @Override
  public List<String> apply(String customerId) {
    return byCustomer.get(customerId);
  }
}
