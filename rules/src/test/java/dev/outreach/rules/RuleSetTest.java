package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  static final String HEADER =
      "import dev.outreach.core.Customer;\n"
          + "import dev.outreach.rules.Today;\n"
          + "import dev.outreach.rules.Decision;\n";

  static final String DESIGN_RULES =
      HEADER
          + "rule \"Bounced EMI gets a voice call in the morning\"\n"
          + "when\n"
          + "    $c : Customer( paymentStatus == \"bounced\" )\n"
          + "then\n"
          + "    insert( Decision.call($c).agent(\"agent_abc123\").disposition(\"disp_xyz789\").window(\"10:00\", \"13:00\") );\n"
          + "end\n"
          + "\n"
          + "rule \"Pending and due within 3 days: WhatsApp with a conversation agent\"\n"
          + "when\n"
          + "    $t : Today()\n"
          + "    $c : Customer( paymentStatus == \"pending\", $t.daysUntil(emiDueDate) >= 0, $t.daysUntil(emiDueDate) <= 3 )\n"
          + "then\n"
          + "    insert( Decision.whatsapp($c).template(\"hfu7VL6sBhI6NPm\").conversation(\"PPTnLQAvGlLtVgRbpcFn\", \"XaYnpMfmTumXNSgOSIZB\") );\n"
          + "end\n"
          + "\n"
          + "rule \"Paid customers are never contacted\"\n"
          + "    salience 1000\n"
          + "when\n"
          + "    $c : Customer( paymentStatus == \"paid\" )\n"
          + "then\n"
          + "    insert( Decision.suppress($c, \"already paid\") );\n"
          + "end\n";

  static final PlanningDay DAY =
      new PlanningDay(OffsetDateTime.parse("2025-08-05T09:00:00+05:30"), ZoneId.of("Asia/Kolkata"));

  static List<Ruling> decide(RuleSet rules, List<Customer> customers) {
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());
    rules.decisions().decide(customers, DAY, out::add);
    return out;
  }

  @Test
  void designExampleDecidesAndNamesTheRule() throws Exception {
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("design.drl", DESIGN_RULES)));
    List<Customer> customers =
        List.of(
            Customer.builder("L1").paymentStatus("bounced").build(),
            Customer.builder("L2")
                .paymentStatus("pending")
                .emiDueDate(LocalDate.parse("2025-08-07"))
                .build(),
            Customer.builder("L3")
                .paymentStatus("pending")
                .emiDueDate(LocalDate.parse("2025-08-20"))
                .build(),
            Customer.builder("L4").paymentStatus("paid").build(),
            Customer.builder("L5")
                .paymentStatus("pending")
                .build()); // no due date: not selected, no error

    Map<String, List<Ruling>> byCustomer =
        decide(rules, customers).stream().collect(Collectors.groupingBy(Ruling::customerId));

    assertThat(byCustomer).containsOnlyKeys("L1", "L2", "L4");
    Contact call = (Contact) byCustomer.get("L1").get(0);
    assertThat(call.channel()).isEqualTo(Channel.CALL);
    assertThat(call.agentId()).isEqualTo("agent_abc123");
    assertThat(call.dispositionId()).isEqualTo("disp_xyz789");
    assertThat(call.timing().start()).isEqualTo(LocalTime.of(10, 0));
    assertThat(call.timing().end()).isEqualTo(LocalTime.of(13, 0));
    assertThat(call.rule()).isEqualTo("Bounced EMI gets a voice call in the morning");
    Contact wa = (Contact) byCustomer.get("L2").get(0);
    assertThat(wa.channel()).isEqualTo(Channel.WHATSAPP);
    assertThat(wa.conversation().agentId()).isEqualTo("PPTnLQAvGlLtVgRbpcFn");
    Suppression s = (Suppression) byCustomer.get("L4").get(0);
    assertThat(s.reason()).isEqualTo("already paid");
    assertThat(s.rule()).isEqualTo("Paid customers are never contacted");
  }

  @Test
  void customAttributesAndMoneyCompareAsAuthorsExpect() throws Exception {
    String drl =
        HEADER
            + "rule \"mumbai\" when $c : Customer( custom[\"branch\"] == \"mumbai\" ) then insert(Decision.sms($c).template(\"t1\")); end\n"
            + "rule \"big emi\" when $c : Customer( emiAmount >= 20000 ) then insert(Decision.sms($c).template(\"t2\")); end\n"
            + "rule \"late\" when $c : Customer( custom[\"dpd\"] > 30 ) then insert(Decision.sms($c).template(\"t3\")); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("custom.drl", drl)));
    List<Customer> customers =
        List.of(
            Customer.builder("A")
                .custom("branch", "mumbai")
                .emiAmount(new BigDecimal("19999.99"))
                .build(),
            Customer.builder("B")
                .custom("branch", "pune")
                .emiAmount(new BigDecimal("20000"))
                .build(),
            Customer.builder("C").custom("dpd", new BigDecimal("45")).build(),
            Customer.builder("D").custom("dpd", new BigDecimal("30")).build());

    Map<String, List<String>> templates =
        decide(rules, customers).stream()
            .collect(
                Collectors.groupingBy(
                    Ruling::customerId,
                    Collectors.mapping(d -> ((Contact) d).templateId(), Collectors.toList())));

    assertThat(templates).containsOnlyKeys("A", "B", "C");
    assertThat(templates.get("A")).containsExactly("t1");
    assertThat(templates.get("B")).containsExactly("t2");
    assertThat(templates.get("C")).containsExactly("t3");
  }

  @Test
  void rulesCanReasonAboutDecisionsOfOtherRules() throws Exception {
    String drl =
        HEADER
            + "rule \"call bounced\" when $c : Customer( paymentStatus == \"bounced\" ) then\n"
            + "  insert(Decision.call($c).agent(\"a\").disposition(\"d\")); end\n"
            + "rule \"sms the rest\" when $c : Customer() not Decision( customerId == $c.loanId ) then\n"
            + "  insert(Decision.sms($c).template(\"t\")); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("x.drl", drl)));

    List<Ruling> ds =
        decide(
            rules,
            List.of(
                Customer.builder("B").paymentStatus("bounced").build(),
                Customer.builder("P").paymentStatus("pending").build()));

    assertThat(ds)
        .extracting(d -> d.customerId() + ":" + ((Contact) d).channel())
        .containsExactlyInAnyOrder("B:CALL", "P:SMS");
  }

  @Test
  void batchesAcrossThreadsDecideExactlyOncePerCustomer() throws Exception {
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("design.drl", DESIGN_RULES)));
    List<Customer> customers =
        IntStream.range(0, 2_500)
            .mapToObj(
                i ->
                    Customer.builder("L" + i)
                        .paymentStatus(i % 2 == 0 ? "bounced" : "paid")
                        .build())
            .collect(Collectors.toList());
    List<Ruling> out = Collections.synchronizedList(new ArrayList<>());

    rules.decisions(100, 2).decide(customers, DAY, out::add);

    assertThat(out).hasSize(2_500);
    assertThat(out.stream().map(Ruling::customerId).distinct().count()).isEqualTo(2_500);
  }

  @Test
  void unknownFieldIsReportedWithFileLineAndPlainWords() {
    String drl =
        HEADER
            + "\nrule \"typo\"\nwhen\n    $c : Customer( paymentStatuz == \"pending\" )\n"
            + "then\n    insert(Decision.sms($c).template(\"t\"));\nend\n";

    assertThatThrownBy(() -> RuleSet.compile(List.of(new RuleSource("rules/typo.drl", drl))))
        .isInstanceOfSatisfying(
            RuleCompileException.class,
            e -> {
              RuleProblem p =
                  e.problems().stream().filter(RuleProblem::error).findFirst().orElseThrow();
              assertThat(p.file()).isEqualTo("rules/typo.drl");
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.message()).contains("unknown field \"paymentStatuz\" on Customer");
            })
        .hasMessageContaining("rules/typo.drl:7");
  }

  @Test
  void errorsInSeveralFilesAreAllReportedUnderTheirOwnNames() {
    String good =
        HEADER
            + "rule \"ok\" when $c : Customer() then insert(Decision.sms($c).template(\"t\")); end\n";
    String syntax = HEADER + "rule \"broken\" when $c : Customer( then end\n";
    String method =
        HEADER
            + "rule \"bad method\" when $c : Customer() then\n  insert(Decision.sms($c).templat(\"t\"));\nend\n";

    assertThatThrownBy(
            () ->
                RuleSet.compile(
                    List.of(
                        new RuleSource("a.drl", good),
                        new RuleSource("b.drl", syntax),
                        new RuleSource("c.drl", method))))
        .isInstanceOfSatisfying(
            RuleCompileException.class,
            e -> {
              assertThat(e.problems())
                  .filteredOn(RuleProblem::error)
                  .extracting(RuleProblem::file)
                  .contains("b.drl", "c.drl")
                  .doesNotContain("a.drl");
              assertThat(e.problems())
                  .filteredOn(p -> p.file().equals("c.drl"))
                  .first()
                  .satisfies(p -> assertThat(p.message()).contains("templat"));
            });
  }

  @Test
  void aDecisionTheApiCannotCarryOutFailsNamingRuleAndCustomer() throws Exception {
    String drl =
        HEADER
            + "rule \"call without agent\" when $c : Customer() then insert(Decision.call($c)); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("x.drl", drl)));

    assertThatThrownBy(() -> decide(rules, List.of(Customer.builder("L9").build())))
        .hasMessageContaining("call without agent")
        .hasMessageContaining("L9")
        .hasMessageContaining("agent");
  }

  @Test
  void aRuleCanSendACallThroughABatchCampaignAndImpossibleCampaignsNameTheRule() throws Exception {
    String drl =
        HEADER
            + "import dev.outreach.core.decision.BatchCampaign;\n"
            + "rule \"pre-due batch\" when $c : Customer( paymentStatus == \"pending\" ) then\n"
            + "  insert(Decision.call($c).agent(\"3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d\").window(\"10:00\", \"18:00\")\n"
            + "    .batch(BatchCampaign.of(\"Pre-due\", \"9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9\").concurrency(20).retries(2)));\n"
            + "end\n"
            + "rule \"too many retries\" when $c : Customer( paymentStatus == \"bounced\" ) then\n"
            + "  insert(Decision.call($c).agent(\"3f0c1a52-8d4e-4b7a-9c1d-2e5f6a7b8c9d\")\n"
            + "    .batch(\"Bounced\", \"9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9\").batch(BatchCampaign.of(\"B\", \"9b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9\").retries(5)));\n"
            + "end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("batch.drl", drl)));

    List<Ruling> made =
        decide(rules, List.of(Customer.builder("L1").paymentStatus("pending").build()));
    assertThat(made)
        .singleElement()
        .isInstanceOfSatisfying(
            Contact.class,
            c -> {
              assertThat(c.batch().name()).isEqualTo("Pre-due");
              assertThat(c.batch().maxConcurrentCalls()).isEqualTo(20);
              assertThat(c.batch().maxRetryAttempts()).isEqualTo(2);
              assertThat(c.timing().start()).isEqualTo(LocalTime.of(10, 0));
              assertThat(c.rule()).isEqualTo("pre-due batch");
            });
    assertThatThrownBy(
            () -> decide(rules, List.of(Customer.builder("L2").paymentStatus("bounced").build())))
        .hasMessageContaining("too many retries")
        .hasMessageContaining("L2")
        .hasMessageContaining("max_retry_attempts 5 is not from 0 to 3");
  }

  /**
   * rules/late.drl: an SMS when {@code custom["dpd"] >= 1}, a number compared with whatever the
   * data holds.
   */
  static RuleSet lateRule() throws RuleCompileException {
    String drl =
        HEADER
            + "\nrule \"late\"\nwhen\n  $c : Customer( custom[\"dpd\"] >= 1 )\nthen\n"
            + "  insert(Decision.sms($c).template(\"t\"));\nend\n";
    return RuleSet.compile(List.of(new RuleSource("rules/late.drl", drl)));
  }

  /** Customers L0… with a numeric {@code dpd}, except L{@code bad}, whose dpd is the text "N/A". */
  static List<Customer> dpdWithOneNotANumber(int n, int bad) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                Customer.builder("L" + i)
                    .custom("dpd", i == bad ? "N/A" : new BigDecimal(i % 50))
                    .build())
        .collect(Collectors.toList());
  }

  @Test
  void aRuntimeFailureNamesTheCustomerTheFileAndTheValue() throws Exception {
    RuleSet rules = lateRule();
    List<Customer> customers = dpdWithOneNotANumber(50, 37);

    // One customer per session: the failing customer is known exactly.
    assertThatThrownBy(() -> rules.decisions(1, 1).decide(customers, DAY, d -> {}))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("customer L37")
        .hasMessageContaining("rules/late.drl")
        .hasMessageContaining("cannot compare N/A with 1");
  }

  @Test
  void aMistypedValueFailsTheSameWayHoweverManyCustomersCameBefore() throws Exception {
    // MVEL's constraint JIT (after 20 evaluations, on another thread) would silently read "N/A" >=
    // 1 as
    // false: customer L4000 would be skipped or reported depending on timing. It is always
    // reported.
    RuleSet rules = lateRule();
    List<Customer> customers = dpdWithOneNotANumber(5000, 4000);

    assertThatThrownBy(() -> rules.decisions(1, 1).decide(customers, DAY, d -> {}))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("customer L4000")
        .hasMessageContaining("cannot compare N/A with 1");
  }

  @Test
  void aConstraintThatCannotBeEvaluatedIsLocatedInTheUsersFile() throws Exception {
    String drl =
        HEADER
            + "\nrule \"wrong type\"\nwhen\n    $c : Customer( emiAmount >= \"lots\" )\nthen\n"
            + "  insert(Decision.sms($c).template(\"t\"));\nend\n";
    RuleSet rules =
        RuleSet.compile(
            List.of(
                new RuleSource("rules/a.drl", "rule \"x\" when then end\n"),
                new RuleSource("rules/wrong.drl", drl)));

    assertThatThrownBy(
            () -> decide(rules, List.of(Customer.builder("L1").emiAmount(BigDecimal.TEN).build())))
        .hasMessageContaining("customer L1")
        .hasMessageContaining("rules/wrong.drl:7:20")
        .hasMessageContaining("emiAmount >= \"lots\"");
  }

  @Test
  void errorsInAConsequencePointAtTheLineOfTheMistake() {
    String drl =
        HEADER
            + "\nrule \"typo\"\nwhen\n  $c : Customer()\nthen\n  // a call\n"
            + "  insert(Decision.call($c).agnet(\"a\").disposition(\"d\"));\nend\n";
    String today =
        HEADER
            + "rule \"t\" when $t : Today() $c : Customer( $t.daysUntill(emiDueDate) < 3 ) then end\n";

    assertThatThrownBy(
            () ->
                RuleSet.compile(
                    List.of(new RuleSource("typo.drl", drl), new RuleSource("today.drl", today))))
        .isInstanceOfSatisfying(
            RuleCompileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RuleProblem::toString)
                    .containsExactly(
                        "today.drl:4: error: unknown method daysUntill(LocalDate) on Today; Today has date(), zone(),"
                            + " daysUntil(date) and daysSince(date)",
                        "typo.drl:10:27: error: unknown method agnet(String) on Decision; Decision has call/sms/whatsapp/"
                            + "suppress, agent, disposition, template, conversation, on, at, window and priority"));
  }

  @Test
  void aDecisionWithBothATimeAndAWindowIsRefused() throws Exception {
    String drl =
        HEADER
            + "rule \"both\" when $c : Customer() then\n"
            + "  insert(Decision.sms($c).template(\"t\").window(\"14:00\", \"16:00\").at(\"15:00\")); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("x.drl", drl)));

    assertThatThrownBy(() -> decide(rules, List.of(Customer.builder("L1").build())))
        .hasMessageContaining("at(\"15:00\") after window(\"14:00\", \"16:00\")");
  }

  @Test
  void datesCanBeGivenAsTextOrAsLocalDate() throws Exception {
    String drl =
        HEADER
            + "import java.time.LocalDate;\n"
            + "rule \"text\" when $c : Customer( loanId == \"A\" ) then insert(Decision.sms($c).template(\"t\").on(\"2025-08-07\").at(\"11:00\")); end\n"
            + "rule \"date\" when $t : Today() $c : Customer( loanId == \"B\" ) then insert(Decision.sms($c).template(\"t\").on($t.date().plusDays(2))); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("x.drl", drl)));

    List<Ruling> ds =
        decide(rules, List.of(Customer.builder("A").build(), Customer.builder("B").build()));

    assertThat(ds)
        .extracting(d -> ((Contact) d).timing().date())
        .containsOnly(LocalDate.of(2025, 8, 7));
  }

  @Test
  void aWindowThatIsNotATimeFailsInTheRuleThatWroteIt() throws Exception {
    String drl =
        HEADER
            + "rule \"bad window\" when $c : Customer() then\n"
            + "  insert(Decision.sms($c).template(\"t\").window(\"25:00\", \"13:00\")); end\n";
    RuleSet rules = RuleSet.compile(List.of(new RuleSource("x.drl", drl)));

    assertThatThrownBy(() -> decide(rules, List.of(Customer.builder("L1").build())))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("bad window")
        .hasMessageContaining("L1")
        .hasMessageContaining("25:00");
  }
}
