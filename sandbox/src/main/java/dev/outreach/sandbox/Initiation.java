package dev.outreach.sandbox;

import dev.outreach.core.Channel;
import java.util.Objects;

/**
 * One customer the sandbox initiated a call or message for: what the real API would have done.
 *
 * @param campaignId the campaign the customer was selected from, or {@code null} for a batch call's
 *     contact (batch calls take their contacts from a folder, not a campaign)
 * @param agentId the call's agent ({@link Channel#CALL} only, else {@code null})
 * @param dispositionId the call's disposition ({@link Channel#CALL} from an initiate or bulk-add
 *     request, else {@code null})
 * @param templateId the message template ({@link Channel#SMS} and {@link Channel#WHATSAPP}, else
 *     {@code null})
 * @param conversationAgentId WhatsApp {@code conversationSettings.agentId}, or {@code null}
 * @param conversationDispositionId WhatsApp {@code conversationSettings.dispositionId}, or {@code
 *     null}
 * @param idempotencyKey the request's {@code X-Idempotency-Key} header, or {@code null} when absent
 * @param batchCallId the batch call whose scheduling placed this call, or {@code null} for an
 *     initiate or bulk-add request
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
    String idempotencyKey,
    String batchCallId) {

  public Initiation {
    if (campaignId == null && batchCallId == null) {
      throw new NullPointerException("campaignId == null and batchCallId == null");
    }
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(loanId, "loanId == null");
  }

  /** An initiation from an initiate or bulk-add request to {@code campaignId} (no batch call). */
  public Initiation(
      String campaignId,
      Channel channel,
      String loanId,
      String agentId,
      String dispositionId,
      String templateId,
      String conversationAgentId,
      String conversationDispositionId,
      String idempotencyKey) {
    this(
        Objects.requireNonNull(campaignId, "campaignId == null"),
        channel,
        loanId,
        agentId,
        dispositionId,
        templateId,
        conversationAgentId,
        conversationDispositionId,
        idempotencyKey,
        null);
  }
}
