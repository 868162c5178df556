package dev.outreach.core.plan;

import dev.outreach.core.decision.Conversation;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** Writes the documented initiate request bodies, keys in the documents' order. */
final class RequestBodies {
  /** Looked up once: {@code Json.createX} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private RequestBodies() {}

  static JsonObject initiate(Group.Key k, Filters filters, int limit) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    switch (k.channel()) {
      case CALL:
        b.add("agentId", k.agentId()).add("dispositionId", k.dispositionId());
        break;
      case SMS:
        b.add("templateId", k.templateId());
        break;
      case WHATSAPP:
        b.add("templateId", k.templateId());
        Conversation c = k.conversation();
        if (c != null) {
          b.add(
              "conversationSettings",
              JSON.createObjectBuilder()
                  .add("agentId", c.agentId())
                  .add("dispositionId", c.dispositionId()));
        }
        break;
      default:
        throw new AssertionError(k.channel());
    }
    // limit is only a safety cap equal to the audience: it never chooses a subset.
    b.add("limit", limit);
    if (!filters.isAll()) {
      b.add("filters", FilterJson.toJson(filters));
    }
    return b.build();
  }
}
