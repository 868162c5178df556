package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A customer's decisions come back in the order the rules made them, every time: the explain report
 * lists them in this order, and it must not change from one run to the next.
 */
class DecisionOrderTest {
  static final List<String> RULES = List.of("first", "second", "third", "fourth", "fifth");

  static RuleSet fiveRulesInSalienceOrder() throws RuleCompileException {
    StringBuilder drl = new StringBuilder(RuleSetTest.HEADER);
    for (int i = 0; i < RULES.size(); i++) {
      drl.append("rule \"")
          .append(RULES.get(i))
          .append("\" salience ")
          .append(100 - i)
          .append(" when $c : Customer() then insert(Decision.sms($c).template(\"t")
          .append(i)
          .append("\")); end\n");
    }
    return RuleSet.compile(List.of(new RuleSource("rules/order.drl", drl.toString())));
  }

  @Test
  void aCustomersDecisionsComeInTheOrderTheRulesMadeThemInEveryRun() throws Exception {
    RuleSet rules = fiveRulesInSalienceOrder();
    Customer c = Customer.builder("L1").paymentStatus("pending").build();

    List<List<String>> traced = new ArrayList<>();
    List<List<String>> decided = new ArrayList<>();
    for (int run = 0; run < 20; run++) {
      traced.add(
          rules.trace(List.of(c), RuleSetTest.DAY, List.of()).get(0).decisions().stream()
              .map(Ruling::rule)
              .collect(Collectors.toList()));
      decided.add(
          RuleSetTest.decide(rules, List.of(c)).stream()
              .map(Ruling::rule)
              .collect(Collectors.toList()));
    }

    assertThat(traced).allSatisfy(order -> assertThat(order).isEqualTo(RULES));
    assertThat(decided).allSatisfy(order -> assertThat(order).isEqualTo(RULES));
  }
}
