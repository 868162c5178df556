package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableRulesTest {
  @TempDir Path dir;

  static String smsRule(String template) {
    return RuleSetTest.HEADER
        + "rule \"sms\" when $c : Customer() then insert(Decision.sms($c).template(\""
        + template
        + "\")); end\n";
  }

  static List<String> templates(ReloadableRules rules, List<Customer> customers) {
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());
    rules.decide(customers, RuleSetTest.DAY, out::add);
    return out.stream()
        .map(d -> ((Contact) d).templateId())
        .distinct()
        .collect(Collectors.toList());
  }

  @Test
  void aReloadThatCompilesIsSwappedInAndOneThatDoesNotKeepsTheOldRules() throws Exception {
    Path file = dir.resolve("rules.drl");
    Files.writeString(file, smsRule("v1"));
    ReloadableRules rules = ReloadableRules.load(List.of(dir));
    List<Customer> one = List.of(Customer.builder("L1").build());
    assertThat(templates(rules, one)).containsExactly("v1");

    Files.writeString(file, smsRule("v2"));
    ReloadableRules.Result swapped = rules.reload();
    assertThat(swapped.swapped()).isTrue();
    assertThat(templates(rules, one)).containsExactly("v2");

    Files.writeString(
        file,
        RuleSetTest.HEADER
            + "rule \"broken\" when $c : Customer( paymentStatuz == \"x\" ) then end\n");
    ReloadableRules.Result kept = rules.reload();
    assertThat(kept.swapped()).isFalse();
    assertThat(((ReloadableRules.Result.Kept) kept).problems())
        .extracting(RuleProblem::file)
        .containsExactly(file.toString());
    assertThat(((ReloadableRules.Result.Kept) kept).why()).contains("paymentStatuz");
    assertThat(templates(rules, one)).containsExactly("v2");
  }

  @Test
  void anEvaluationUnderwayUsesOneRuleSetFromStartToEnd() throws Exception {
    ReloadableRules rules =
        ReloadableRules.of(RuleSet.compile(List.of(new RuleSource("a.drl", smsRule("v1")))));
    List<Customer> many =
        IntStream.range(0, 20_000)
            .mapToObj(i -> Customer.builder("L" + i).build())
            .collect(Collectors.toList());
    AtomicBoolean stop = new AtomicBoolean();
    Thread swapper =
        new Thread(
            () -> {
              int i = 0;
              while (!stop.get()) {
                rules.reload(List.of(new RuleSource("a.drl", smsRule(i++ % 2 == 0 ? "v2" : "v1"))));
              }
            });
    swapper.start();
    ConcurrentLinkedQueue<List<String>> seen = new ConcurrentLinkedQueue<>();
    try {
      for (int round = 0; round < 5; round++) {
        seen.add(templates(rules, many));
      }
    } finally {
      stop.set(true);
      swapper.join();
    }

    assertThat(seen).allSatisfy(ts -> assertThat(ts).hasSize(1));
  }
}
