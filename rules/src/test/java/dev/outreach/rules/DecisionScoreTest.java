package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Decision.score(number)}: what capacity ranks contacts of the same priority by. */
class DecisionScoreTest {
  @Test
  void aRuleScoresWithAnyNumberAndABadScoreNamesTheRule() throws Exception {
    String drl =
        "package s\n"
            + "import dev.outreach.core.Customer;\n"
            + "import dev.outreach.rules.Decision;\n"
            + "rule \"by emi\" when $c : Customer( paymentStatus == \"bounced\" ) then\n"
            + "  insert( Decision.sms($c).template(\"t\").score($c.emiAmount()) ); end\n"
            + "rule \"fixed\" when $c : Customer( paymentStatus == \"pending\" ) then\n"
            + "  insert( Decision.sms($c).template(\"t\").score(0.875) ); end\n"
            + "rule \"broken\" when $c : Customer( paymentStatus == \"odd\" ) then\n"
            + "  insert( Decision.sms($c).template(\"t\").score(0.0 / 0.0) ); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("score.drl", drl)));
    PlanningDay day =
        new PlanningDay(
            OffsetDateTime.parse("2025-08-05T09:00:00+05:30"), ZoneId.of("Asia/Kolkata"));
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());
    rules
        .decisions()
        .decide(
            List.of(
                Customer.builder("A")
                    .paymentStatus("bounced")
                    .emiAmount(new BigDecimal("2500.50"))
                    .build(),
                Customer.builder("B").paymentStatus("pending").build()),
            day,
            out::add);
    assertThat(out)
        .extracting(r -> r.customerId() + "=" + ((Contact) r).score())
        .containsExactlyInAnyOrder("A=2500.50", "B=0.875");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                rules
                    .decisions()
                    .decide(
                        List.of(Customer.builder("C").paymentStatus("odd").build()), day, r -> {}))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("a score is a finite number");
  }
}
