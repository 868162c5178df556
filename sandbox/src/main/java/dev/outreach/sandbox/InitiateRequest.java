package dev.outreach.sandbox;

import dev.outreach.core.Channel;
import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.List;

/**
 * An initiate request body, validated as strictly as {@code openapi.yaml}: unknown keys, missing or
 * empty ids, a bad {@code limit} or bad {@code filters} throw {@link IllegalArgumentException}
 * naming the key.
 *
 * @param limit the cap on customers taken, or {@code null} for none
 */
record InitiateRequest(
    Channel channel,
    String agentId,
    String dispositionId,
    String templateId,
    String conversationAgentId,
    String conversationDispositionId,
    Integer limit,
    Filters filters) {

  static InitiateRequest parse(Channel channel, JsonObject o) {
    List<String> known =
        switch (channel) {
          case CALL -> List.of("agentId", "dispositionId", "limit", "filters");
          case SMS -> List.of("templateId", "limit", "filters");
          case WHATSAPP -> List.of("templateId", "conversationSettings", "limit", "filters");
        };
    onlyKeys(o, known, "");
    String agentId = null;
    String dispositionId = null;
    String templateId = null;
    String convAgent = null;
    String convDisposition = null;
    if (channel == Channel.CALL) {
      agentId = required(o, "agentId", "");
      dispositionId = required(o, "dispositionId", "");
    } else {
      templateId = required(o, "templateId", "");
    }
    if (o.containsKey("conversationSettings")) {
      JsonObject c = object(o, "conversationSettings", "");
      onlyKeys(c, List.of("agentId", "dispositionId"), "conversationSettings.");
      convAgent = required(c, "agentId", "conversationSettings.");
      convDisposition = required(c, "dispositionId", "conversationSettings.");
    }
    return new InitiateRequest(
        channel,
        agentId,
        dispositionId,
        templateId,
        convAgent,
        convDisposition,
        limit(o),
        filters(o));
  }

  private static Integer limit(JsonObject o) {
    if (!o.containsKey("limit")) {
      return null;
    }
    JsonValue v = o.get("limit");
    if (!(v instanceof JsonNumber number)
        || !number.isIntegral()
        || number.bigIntegerValue().compareTo(BigInteger.ONE) < 0) {
      throw new IllegalArgumentException("limit must be an integer >= 1, found " + v);
    }
    BigInteger n = number.bigIntegerValue();
    return n.bitLength() < 32 ? n.intValue() : Integer.MAX_VALUE;
  }

  private static Filters filters(JsonObject o) {
    if (!o.containsKey("filters")) {
      return Filters.ALL;
    }
    JsonObject f = object(o, "filters", "");
    // FilterJson ignores unknown keys inside the ranges and empty ids; the API schema does not.
    rangeKeys(f, "emi_due_date", List.of("from", "to"));
    rangeKeys(f, "emi_amount", List.of("min", "max"));
    Filters filters = FilterJson.fromJson(f);
    noEmpty(filters.ids(), "filters.ids");
    noEmpty(filters.excludeIds(), "filters.exclude_ids");
    return filters;
  }

  private static void rangeKeys(JsonObject filters, String key, List<String> known) {
    if (filters.get(key) instanceof JsonObject) {
      onlyKeys(filters.getJsonObject(key), known, "filters." + key + ".");
    }
  }

  private static void noEmpty(List<String> ids, String key) {
    if (ids != null && ids.contains("")) {
      throw new IllegalArgumentException(key + " must not hold an empty string");
    }
  }

  private static void onlyKeys(JsonObject o, List<String> known, String prefix) {
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            prefix + key + " is not a known field (known: " + known + ")");
      }
    }
  }

  private static String required(JsonObject o, String key, String prefix) {
    JsonValue v = o.get(key);
    if (v == null) {
      throw new IllegalArgumentException(prefix + key + " is required");
    }
    if (!(v instanceof JsonString s) || s.getString().isEmpty()) {
      throw new IllegalArgumentException(prefix + key + " must be a non-empty string, found " + v);
    }
    return s.getString();
  }

  private static JsonObject object(JsonObject o, String key, String prefix) {
    JsonValue v = o.get(key);
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(prefix + key + " must be an object, found " + v);
    }
    return v.asJsonObject();
  }
}
