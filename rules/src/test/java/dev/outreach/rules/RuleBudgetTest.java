package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rules that never end stop within the budget, naming the rule, its file and the customer. */
@Timeout(60)
class RuleBudgetTest {
  /** Few firings; time enough for a busy machine. */
  static final RuleBudget SMALL = new RuleBudget(50, Duration.ofSeconds(30));

  /** One second per batch, for the rules that never return. */
  static final RuleBudget QUICK = new RuleBudget(50, Duration.ofSeconds(1));

  static final String SMS =
      "rule \"Texts the bounced\"\nwhen\n  $c : Customer( paymentStatus == \"bounced\" )\n"
          + "then\n  insert( Decision.sms($c).template(\"t\") );\nend\n";

  @TempDir Path dir;

  static RuleSet rules(String file, String drl) throws Exception {
    return RuleSet.compile(List.of(new RuleSource(file, RuleSetTest.HEADER + drl)))
        .withBudget(SMALL);
  }

  static RuleSet quick(String file, String drl) throws Exception {
    return rules(file, drl).withBudget(QUICK);
  }

  /** L0001…L{n}, where only {@code bounced} has status bounced. */
  static List<Customer> customers(int n, int bounced) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(
            i ->
                Customer.builder(String.format(Locale.ROOT, "L%04d", i))
                    .paymentStatus(i == bounced ? "bounced" : "pending")
                    .build())
        .collect(Collectors.toList());
  }

  static List<Ruling> decide(
      dev.outreach.core.decision.DecisionSource source, List<Customer> customers) {
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());
    source.decide(customers, RuleSetTest.DAY, out::add);
    return out;
  }

  @Test
  void aRuleThatUpdatesItsOwnFactWithoutNoLoopStopsNamingRuleFileAndCustomer() throws Exception {
    RuleSet rules =
        rules(
            "rules/loop.drl",
            "\nrule \"Touch the bounced\"\nwhen\n"
                + "  $c : Customer( paymentStatus == \"bounced\" )\nthen\n  update( $c );\nend\n"
                + SMS);

    assertThatThrownBy(() -> decide(rules.decisions(), customers(30, 17)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining(
            "rule \"Touch the bounced\" (rules/loop.drl:5) kept firing for customer L0017")
        .hasMessageContaining("more than 50 times per customer")
        .hasMessageContaining("--max-rule-firings");
  }

  @Test
  void aRuleThatKeepsInsertingFactsStopsAcrossBatchesAndThreads() throws Exception {
    RuleSet rules =
        rules(
            "rules/echo.drl",
            SMS
                + "rule \"Echo\"\nwhen\n  $c : Customer()\n"
                + "  Decision( customerId == $c.loanId )\nthen\n  insert( Decision.sms($c).template(\"again\") );\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(10, 2), customers(95, 64)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("rule \"Echo\" (rules/echo.drl:10) kept firing for customer L0064");
  }

  @Test
  void whenTheLastFiringNamesNoCustomerTheFirstCustomerWhoOverrunsAloneIsNamed() throws Exception {
    RuleSet rules =
        rules(
            "rules/count.drl",
            "declare Tick n : int end\n"
                + "rule \"Start\"\nwhen\n  Customer( paymentStatus == \"bounced\" )\nthen\n  insert( new Tick(0) );\nend\n"
                + "rule \"Count\"\nwhen\n  $t : Tick()\nthen\n  insert( new Tick($t.getN() + 1) );\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(), customers(20, 11)))
        .hasMessageContaining("rule \"Count\" (rules/count.drl:")
        .hasMessageContaining("kept firing for customer L0011");
  }

  @Test
  void aLoopInAConsequenceStopsAfterTheTimeLimitNamingRuleFileAndCustomer() throws Exception {
    RuleSet rules =
        quick(
            "rules/spin.drl",
            "\nrule \"Spin\"\nwhen\n  $c : Customer( paymentStatus == \"bounced\" )\n"
                + "then\n  while (true) { }\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(), customers(30, 9)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining(
            "rule \"Spin\" (rules/spin.drl:5) was still running after 1s for customer L0009")
        .hasMessageContaining("--rule-timeout");
  }

  @Test
  void aLoopInAnMvelConsequenceStopsToo() throws Exception {
    RuleSet rules =
        quick(
            "rules/spin.drl",
            "\nrule \"Spin\" dialect \"mvel\"\nwhen\n"
                + "  $c : Customer( paymentStatus == \"bounced\" )\nthen\n  while (true) { }\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(4, 2), customers(30, 22)))
        .hasMessageContaining(
            "rule \"Spin\" (rules/spin.drl:5) was still running after 1s for customer L0022");
  }

  @Test
  void aSleepingConsequenceIsInterruptedAndNamed() throws Exception {
    RuleSet rules =
        quick(
            "rules/sleep.drl",
            "\nrule \"Nap\"\nwhen\n  $c : Customer( paymentStatus == \"bounced\" )\n"
                + "then\n  Thread.sleep(600000);\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(), customers(3, 2)))
        .hasMessageContaining(
            "rule \"Nap\" (rules/sleep.drl:5) was still running after 1s for customer L0002");
  }

  @Test
  void aConditionThatNeverEndsStopsAfterTheTimeLimit() throws Exception {
    RuleSet rules =
        quick(
            "rules/cond.drl",
            "function boolean spin() { while (true) { } }\n"
                + "rule \"Never decides\"\nwhen\n  $c : Customer( paymentStatus == \"bounced\" )\n  eval( spin() )\n"
                + "then\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(), customers(3, 2)))
        .hasMessageContaining(
            "the rules were still running after 1s for one of the customers L0001 to L0003")
        .hasMessageContaining("a condition or function may loop");
  }

  @Test
  void aConsequenceThatRecursesWithoutEndNamesTheRuleAndCustomer() throws Exception {
    RuleSet rules =
        rules(
            "rules/deep.drl",
            "function int down(int n) { return down(n + 1); }\n"
                + "rule \"Deep\"\nwhen\n  $c : Customer( paymentStatus == \"bounced\" )\nthen\n  down(0);\nend\n");

    assertThatThrownBy(() -> decide(rules.decisions(), customers(3, 2)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("rule \"Deep\" (rules/deep.drl:5)")
        .hasMessageContaining("customer L0002");
  }

  @Test
  void traceAndTheTestKitStopARunawayRuleToo() throws Exception {
    RuleSet rules =
        rules(
            "rules/loop.drl",
            "\nrule \"Touch the bounced\"\nwhen\n"
                + "  $c : Customer( paymentStatus == \"bounced\" )\nthen\n  update( $c );\nend\n");

    assertThatThrownBy(() -> rules.trace(customers(1, 1), RuleSetTest.DAY, List.of()))
        .hasMessageContaining(
            "rule \"Touch the bounced\" (rules/loop.drl:5) kept firing for customer L0001");
  }

  @Test
  void rulesWithinTheBudgetDecideAsBefore() throws Exception {
    RuleSet rules = rules("rules/ok.drl", SMS).withBudget(new RuleBudget(1, Duration.ofSeconds(5)));

    assertThat(decide(rules.decisions(7, 3), customers(50, 20)))
        .extracting(Ruling::customerId)
        .containsExactly("L0020");
  }

  @Test
  void aTimeLimitOfCenturiesIsAllowed() throws Exception {
    RuleSet rules =
        rules("rules/ok.drl", SMS).withBudget(SMALL.withBatchTimeout(Duration.ofDays(365 * 300)));

    assertThat(decide(rules.decisions(), customers(5, 3))).hasSize(1);
  }

  @Test
  void aBatchMayFireAsOftenAsItsCustomersTogether() throws Exception {
    String drl =
        "rule \"Everyone\"\nwhen\n  $c : Customer()\nthen\n  insert( Decision.sms($c).template(\"t\") );\nend\n";
    RuleSet rules =
        rules("rules/all.drl", drl).withBudget(new RuleBudget(1, Duration.ofSeconds(5)));

    assertThat(decide(rules.decisions(), customers(40, 0))).hasSize(40);
  }

  @Test
  void reloadedRulesKeepTheBudget() throws Exception {
    Path file = dir.resolve("r.drl");
    Files.writeString(file, RuleSetTest.HEADER + SMS);
    ReloadableRules reloadable = ReloadableRules.of(RuleSet.load(List.of(file)).withBudget(SMALL));

    reloadable.reload(List.of(new RuleSource("r.drl", RuleSetTest.HEADER + SMS)));

    assertThat(reloadable.current().budget()).isEqualTo(SMALL);
  }

  @Test
  void aBudgetMustAllowSomeWork() {
    assertThatThrownBy(() -> new RuleBudget(0, Duration.ofSeconds(1)))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new RuleBudget(5, Duration.ZERO)).hasMessageContaining("positive");
    assertThat(RuleSet.class).isNotNull();
    assertThat(RuleBudget.DEFAULT.withBatchTimeout(Duration.ofMinutes(2)).batchTimeout())
        .hasMinutes(2);
  }
}
