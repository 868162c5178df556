package dev.outreach.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.rules.RuleEvaluationException;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCheckTest {
  static final String DRL =
      """
      import dev.outreach.core.Customer;
      import dev.outreach.rules.Today;
      import dev.outreach.rules.Decision;

      rule "Bounced: morning call"
      when
          $c : Customer( paymentStatus == "bounced" )
      then
          insert( Decision.call($c).agent("agent_abc123").disposition("disp_xyz789").window("10:00", "13:00") );
      end

      rule "Bounced and far behind: recovery call"
      when
          $c : Customer( paymentStatus == "bounced", custom["dpd"] > 30 )
      then
          insert( Decision.call($c).agent("agent_recovery_01").disposition("disp_recovery").at("15:00").priority(10) );
      end

      rule "Due within 3 days: WhatsApp"
      when
          $t : Today()
          $c : Customer( paymentStatus == "pending", $t.daysUntil(emiDueDate) >= 0, $t.daysUntil(emiDueDate) <= 3 )
      then
          insert( Decision.whatsapp($c).template("hfu7VL6sBhI6NPm").conversation("PPTnLQAvGlLtVgRbpcFn", "XaYnpMfmTumXNSgOSIZB") );
          insert( Decision.sms($c).template("tpl_due_soon").on("2025-08-04") );
      end

      rule "Asked not to be contacted"
          salience 1000
      when
          $c : Customer( custom["dnc"] == true )
      then
          insert( Decision.suppress($c, "asked not to be contacted") );
      end

      rule "Broken"
      when
          $c : Customer( paymentStatus == "broken" )
      then
          insert( Decision.call($c).agent("agent_abc123") );
      end
      """;

  static final RuleSet RULES = compile();
  static final OffsetDateTime NINE_AM = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  final RuleCheck check = RuleCheck.of(RULES).asOf(NINE_AM).zone(ZoneId.of("Asia/Kolkata"));

  static RuleSet compile() {
    try {
      return RuleSet.compile(List.of(new RuleSource("check.drl", DRL)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Customer.Builder bounced(String id) {
    return Customer.builder(id).paymentStatus("bounced");
  }

  @Test
  void aSuppressionBeatsACall() {
    Outcome o = check.decide(bounced("L1").custom("dnc", true).build());

    assertThat(o.suppression())
        .hasValueSatisfying(
            s -> {
              assertThat(s.reason()).isEqualTo("asked not to be contacted");
              assertThat(s.rule()).isEqualTo("Asked not to be contacted");
            });
    assertThat(o.channels()).isEmpty();
    assertThat(o.contact(Channel.CALL)).isEmpty();
    assertThat(o.firedRules()).contains("Bounced: morning call", "Asked not to be contacted");
    assertThat(o.overrides())
        .singleElement()
        .satisfies(x -> assertThat(x.rule()).isEqualTo("Bounced: morning call"));
  }

  @Test
  void theHigherPriorityWinsItsChannel() {
    Outcome o = check.decide(bounced("L2").custom("dpd", new BigDecimal("45")).build());

    assertThat(o.channels()).containsExactly(Channel.CALL);
    assertThat(o.contact(Channel.CALL))
        .hasValueSatisfying(
            c -> {
              assertThat(c.agentId()).isEqualTo("agent_recovery_01");
              assertThat(c.dispositionId()).isEqualTo("disp_recovery");
              assertThat(c.notBefore()).isEqualTo(OffsetDateTime.parse("2025-08-05T15:00+05:30"));
              assertThat(c.rule()).isEqualTo("Bounced and far behind: recovery call");
            });
    assertThat(o.overrides())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo("Bounced: morning call");
              assertThat(x.winner()).isEqualTo("Bounced and far behind: recovery call");
            });
  }

  @Test
  void aWindowBecomesNotBeforeAndNotAfterAndMovesToTomorrowOnceClosed() {
    Customer c = bounced("L3").language("hindi").build();

    assertThat(check.decide(c).contact(Channel.CALL))
        .hasValueSatisfying(
            call -> {
              assertThat(call.agentId()).isEqualTo("agent_abc123");
              assertThat(call.notBefore())
                  .isEqualTo(OffsetDateTime.parse("2025-08-05T10:00+05:30"));
              assertThat(call.notAfter()).isEqualTo(OffsetDateTime.parse("2025-08-05T13:00+05:30"));
            });
    assertThat(
            check
                .asOf(OffsetDateTime.parse("2025-08-05T14:00:00+05:30"))
                .decide(c)
                .contact(Channel.CALL))
        .hasValueSatisfying(
            call ->
                assertThat(call.notBefore())
                    .isEqualTo(OffsetDateTime.parse("2025-08-06T10:00+05:30")));
  }

  @Test
  void theZoneDefaultsToTheOffsetOfAsOf() {
    Customer c = bounced("L4").build();

    assertThat(RuleCheck.of(RULES).asOf(NINE_AM).decide(c).contact(Channel.CALL))
        .hasValueSatisfying(
            call -> assertThat(call.notBefore()).hasToString("2025-08-05T10:00+05:30"));
    assertThat(
            RuleCheck.of(RULES)
                .asOf(NINE_AM)
                .zone(ZoneId.of("UTC"))
                .decide(c)
                .contact(Channel.CALL))
        .hasValueSatisfying(call -> assertThat(call.notBefore()).hasToString("2025-08-05T10:00Z"));
  }

  @Test
  void aWhatsAppCarriesItsConversationAndAPassedDateIsAWarningNotAContact() {
    Customer c =
        Customer.builder("L5")
            .paymentStatus("pending")
            .emiDueDate(LocalDate.of(2025, 8, 7))
            .build();

    Outcome o = check.decide(c);

    assertThat(o.channels()).containsExactly(Channel.WHATSAPP);
    assertThat(o.contact(Channel.WHATSAPP))
        .hasValueSatisfying(
            w -> {
              assertThat(w.templateId()).isEqualTo("hfu7VL6sBhI6NPm");
              assertThat(w.conversationAgentId()).isEqualTo("PPTnLQAvGlLtVgRbpcFn");
              assertThat(w.conversationDispositionId()).isEqualTo("XaYnpMfmTumXNSgOSIZB");
              assertThat(w.agentId()).isNull();
              assertThat(w.notBefore()).isEqualTo(NINE_AM);
              // No window of its own: the default guardrails (RBI hours) end it at 19:00 local.
              assertThat(w.notAfter()).isEqualTo(OffsetDateTime.parse("2025-08-05T19:00+05:30"));
            });
    assertThat(o.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("TIMING_PASSED");
              assertThat(w.message()).startsWith("SMS not planned");
            });
  }

  @Test
  void anUndecidedCustomerHasNoChannelsNoSuppressionAndNoFiredRules() {
    Outcome o = check.decide(Customer.builder("L6").paymentStatus("paid").build());

    assertThat(o.channels()).isEmpty();
    assertThat(o.suppression()).isEmpty();
    assertThat(o.firedRules()).isEmpty();
    assertThat(o.warnings()).isEmpty();
  }

  @Test
  void aRuleThatMakesAnIncompleteDecisionFailsNamingIt() {
    assertThatThrownBy(() -> check.decide(Customer.builder("L7").paymentStatus("broken").build()))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("Broken")
        .hasMessageContaining("disposition");
  }
}
