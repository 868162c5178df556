package dev.outreach.http.sandbox;

import dev.outreach.core.Channel;
import java.util.Objects;

/**
 * One customer the sandbox initiated a call or message for: what the real API would have done.
 *
 * @param agentId the call's agent ({@link Channel#CALL} only, else {@code null})
 * @param dispositionId the call's disposition ({@link Channel#CALL} only, else {@code null})
 * @param templateId the message template ({@link Channel#SMS} and {@link Channel#WHATSAPP}, else {@code null})
 * @param conversationAgentId WhatsApp {@code conversationSettings.agentId}, or {@code null}
 * @param conversationDispositionId WhatsApp {@code conversationSettings.dispositionId}, or {@code null}
 * @param idempotencyKey the request's {@code X-Idempotency-Key} header, or {@code null} when absent
 */
public record Initiation(
    String campaignId,
    Channel channel,
    String loanId,
    String agentId,
    String dispositionId,
    String templateId,
    String conversationAgentId,
    String conversationDispositionId,
    String idempotencyKey) {

  public Initiation {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(loanId, "loanId == null");
  }
}
