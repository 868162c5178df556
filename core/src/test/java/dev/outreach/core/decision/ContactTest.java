package dev.outreach.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ContactTest {
  private static final String UUID = "123e4567-e89b-42d3-a456-426614174000";

  @Test
  void eachChannelGetsARequestWithOnlyTheFieldsItTakes() {
    Contact call = Contact.of("L1", Channel.CALL, "ag", "dp", null, null, null, 1, "r");
    Contact sms = Contact.of("L1", Channel.SMS, null, null, "t1", null, null, 1, "r");
    Conversation agent = new Conversation("wa-agent", "wa-disp");
    Contact whatsapp = Contact.of("L1", Channel.WHATSAPP, null, null, "t2", agent, null, 1, "r");
    Contact batched =
        Contact.of(
            "L1",
            Channel.CALL,
            UUID,
            null,
            null,
            null,
            null,
            1,
            0,
            "r",
            BatchCampaign.of("n", UUID));

    assertThat(call.request()).isEqualTo(new Contact.Call("ag", "dp"));
    assertThat(sms.request()).isEqualTo(new Contact.Sms("t1"));
    assertThat(whatsapp.request()).isEqualTo(new Contact.WhatsApp("t2", agent));
    assertThat(batched.request()).isInstanceOf(Contact.BatchedCall.class);
    assertThat(batched.batched()).isTrue();
    assertThat(call.batched()).isFalse();
    assertThat(call.timing()).isEqualTo(Timing.NOW);
    // The flat accessors answer null where the channel takes no such field.
    assertThat(sms.agentId()).isNull();
    assertThat(call.templateId()).isNull();
    assertThat(whatsapp.conversation()).isEqualTo(agent);
    assertThat(batched.dispositionId()).isNull();
    assertThat(batched.agentId()).isEqualTo(UUID);
  }

  @Test
  void aMissingOrExtraFieldNamesTheRuleTheCustomerAndWhatIsWrong() {
    assertThatThrownBy(
            () -> Contact.of("L9", Channel.CALL, "ag", null, null, null, null, 1, "late"))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessage(
            "rule \"late\" made a CALL decision for L9 without disposition(...): a call needs a"
                + " disposition as well as an agent");
    assertThatThrownBy(() -> Contact.of("L9", Channel.SMS, "ag", null, "t", null, null, 1, "x"))
        .hasMessageContaining("an SMS takes only a template");
    // The same checks hold for a contact built from a request directly.
    assertThatThrownBy(() -> new Contact("L9", new Contact.Sms(" "), null, 1, 0, "direct"))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessage(
            "rule \"direct\" made a SMS decision for L9 without template(...): an SMS needs a"
                + " template");
    assertThatThrownBy(
            () ->
                new Contact(
                    "L9",
                    new Contact.BatchedCall("not-a-uuid", BatchCampaign.of("n", UUID)),
                    null,
                    1,
                    0,
                    "b"))
        .hasMessageContaining("as a UUID");
    Timing at = new Timing(null, LocalTime.of(10, 0), null);
    assertThatThrownBy(
            () ->
                Contact.of(
                    "L9",
                    Channel.CALL,
                    UUID,
                    null,
                    null,
                    null,
                    at,
                    1,
                    0,
                    "b",
                    BatchCampaign.of("n", UUID)))
        .hasMessageContaining("a batch calls within a daily window(...), not at one time");
  }
}
