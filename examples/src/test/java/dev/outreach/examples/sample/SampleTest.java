package dev.outreach.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Planner;
import dev.outreach.core.plan.Step;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SampleTest {
  static final Planner PLANNER = Planner.builder(Sample.CAMPAIGN).zone(Sample.ZONE).build();

  @Test
  void theShippedPortfolioIsExactlyWhatTheGeneratorWrites() throws Exception {
    StringWriter generated = new StringWriter();
    SamplePortfolio.write(generated, 3_000, 42L);
    String shipped;
    try (InputStream in =
        Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(Sample.PORTFOLIO))) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(shipped).isEqualTo(generated.toString());
  }

  @Test
  void generatedCustomersEqualTheShippedPortfolioAsRead() throws Exception {
    assertThat(SamplePortfolio.customers(3_000, 42L)).isEqualTo(Sample.portfolio());
  }

  @Test
  void theDrlRulesPlanExactlyWhatTheHandWrittenRulesPlan() throws Exception {
    List<Customer> book = Sample.portfolio();

    String drl = PlanJson.write(PLANNER.plan(book, Sample.rules().decisions(), Sample.AS_OF));
    String byHand = PlanJson.write(PLANNER.plan(book, new SampleRulesByHand(), Sample.AS_OF));

    assertThat(drl).isEqualTo(byHand);
  }

  @Test
  void theSameInputsGiveByteIdenticalPlansWithEveryFeatureOn() throws Exception {
    // Rules run on several threads, so decisions arrive in a different order each time.
    List<Customer> book = Sample.portfolio();
    java.util.List<dev.outreach.core.experiment.Experiment> xs =
        List.of(dev.outreach.core.experiment.Experiment.parse("tone=champion:50,challenger:50"));
    Planner planner =
        Planner.builder(Sample.CAMPAIGN)
            .zone(Sample.ZONE)
            .experiments(xs)
            .uploadCustomers(true)
            .guardrails(
                new dev.outreach.core.guardrail.Guardrails(
                    dev.outreach.core.guardrail.GuardrailPolicy.usRegF(),
                    dev.outreach.core.guardrail.ContactHistory.empty()))
            .build();
    dev.outreach.rules.RuleSet rules = Sample.rules();

    String first = PlanJson.write(planner.plan(book, rules.decisions(100, 2), Sample.AS_OF));
    String second = PlanJson.write(planner.plan(book, rules.decisions(37, 2), Sample.AS_OF));

    assertThat(second).isEqualTo(first);
    assertThat(first).contains("BULK_ADD_CUSTOMERS").contains("\"experiments\"");
  }

  @Test
  void theSamplePlanUsesEveryChannelAndThePolicy() throws Exception {
    Plan plan = PLANNER.plan(Sample.portfolio(), Sample.rules().decisions(), Sample.AS_OF);

    assertThat(plan.summary().customers()).isEqualTo(3_000);
    assertThat(plan.summary().byChannel().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(plan.suppressed())
        .extracting(Plan.Suppressed::reason)
        .contains("already paid", "asked not to be contacted");
    // High-risk bounced customers get the recovery agent: the morning call was overridden by
    // priority.
    assertThat(plan.overrides())
        .anySatisfy(
            o -> {
              assertThat(o.channel()).isEqualTo(Channel.CALL);
              assertThat(o.winner())
                  .isEqualTo("High risk accounts get the recovery agent in the afternoon");
            });
    Step recovery =
        plan.steps().stream()
            .filter(s -> "agent_recovery_01".equals(s.body().getString("agentId", null)))
            .findFirst()
            .orElseThrow();
    assertThat(
            PlanJson.toJson(plan)
                .getJsonArray("steps")
                .getJsonObject(plan.steps().indexOf(recovery))
                .getString("notBefore"))
        .isEqualTo("2025-08-05T15:00:00+05:30");
  }
}
