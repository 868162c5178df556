package dev.outreach.rules.testkit;

import dev.outreach.core.Channel;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A contact the planner will make: the winning decision on its channel, as its request will carry
 * it.
 *
 * @param agentId the calling agent ({@link Channel#CALL} only, else {@code null})
 * @param dispositionId the call's disposition ({@link Channel#CALL} only, else {@code null})
 * @param templateId the message template ({@link Channel#SMS} and {@link Channel#WHATSAPP}, else
 *     {@code null})
 * @param conversationAgentId the agent a WhatsApp message hands over to, or {@code null}
 * @param conversationDispositionId that conversation's disposition, or {@code null}
 * @param notBefore the earliest moment the request may be sent, in the plan's zone
 * @param notAfter the end of the decision's window, or {@code null} when it set none
 * @param rule the rule whose decision won on this channel
 */
public record PlannedContact(
    Channel channel,
    String agentId,
    String dispositionId,
    String templateId,
    String conversationAgentId,
    String conversationDispositionId,
    OffsetDateTime notBefore,
    OffsetDateTime notAfter,
    String rule) {

  public PlannedContact {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(notBefore, "notBefore == null");
    Objects.requireNonNull(rule, "rule == null");
  }
}
