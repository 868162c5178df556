package dev.outreach.core.decision;

import java.util.Objects;

/** The conversational agent a WhatsApp message hands over to; both ids are required by the API. */
public record Conversation(String agentId, String dispositionId) implements java.io.Serializable {
  public Conversation {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(dispositionId, "dispositionId == null");
    if (agentId.isBlank() || dispositionId.isBlank()) {
      throw new InvalidDecisionException(
          "conversation needs a non-blank agentId and dispositionId");
    }
  }
}
