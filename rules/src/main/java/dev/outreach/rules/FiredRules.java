package dev.outreach.rules;

import dev.outreach.core.Customer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records, per customer, the rules that fired with that customer in their match: directly, through
 * a {@link Decision} or {@link Arm}, or through a declared fact that carries the customer (a field
 * of type {@link Customer}, as in {@code HighRisk( $c : customer )}). Used only when tracing.
 */
final class FiredRules extends DefaultAgendaEventListener {
  private static final Map<Class<?>, List<Method>> CARRIERS = new ConcurrentHashMap<>();

  private final Map<String, Set<String>> byCustomer = new LinkedHashMap<>();

  @Override
  public void afterMatchFired(AfterMatchFiredEvent e) {
    String rule = e.getMatch().getRule().getName();
    for (Object o : e.getMatch().getObjects()) {
      for (String id : customerIds(o)) {
        byCustomer.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(rule);
      }
    }
  }

  List<String> of(String customerId) {
    return new ArrayList<>(byCustomer.getOrDefault(customerId, Set.of()));
  }

  /** The loan ids of the customers fact {@code o} is about (itself, or a field carrying one). */
  static List<String> customerIds(Object o) {
    if (o instanceof Customer) {
      return List.of(((Customer) o).loanId());
    }
    if (o instanceof Decision) {
      return List.of(((Decision) o).customerId());
    }
    if (o instanceof Arm) {
      return List.of(((Arm) o).customerId());
    }
    List<String> ids = new ArrayList<>();
    for (Method m : CARRIERS.computeIfAbsent(o.getClass(), FiredRules::carriers)) {
      try {
        Object c = m.invoke(o);
        if (c instanceof Customer) {
          ids.add(((Customer) c).loanId());
        }
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // a getter that fails tells us nothing about the customer
      }
    }
    return ids;
  }

  private static List<Method> carriers(Class<?> type) {
    List<Method> out = new ArrayList<>();
    if (type.getName().startsWith("java.")) {
      return out;
    }
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 0 && Customer.class.isAssignableFrom(m.getReturnType())) {
        out.add(m);
      }
    }
    return out;
  }
}
