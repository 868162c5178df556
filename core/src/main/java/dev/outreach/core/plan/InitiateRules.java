package dev.outreach.core.plan;

import dev.outreach.core.filter.FilterJson;
import dev.outreach.core.filter.Filters;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An initiate step's body: only the documented keys of its endpoint, of the right types, the
 * required ones present (api/openapi.yaml); {@code filters} present and not empty, since a body
 * without them selects the whole campaign; and an audience consistent with the step's {@code
 * customerIds}: {@code limit} their number, {@code filters.ids} (when present) exactly them, once
 * each, and {@code filters.exclude_ids} none of them. Attribute filters ({@code payment_status}, …)
 * cannot be proved against a plan file alone: the planner proved them against its portfolio
 * snapshot.
 */
final class InitiateRules {
  private static final Set<String> CALL_KEYS =
      Set.of("agentId", "dispositionId", "limit", "filters");
  private static final Set<String> SMS_KEYS = Set.of("templateId", "limit", "filters");
  private static final Set<String> WHATSAPP_KEYS =
      Set.of("templateId", "conversationSettings", "limit", "filters");
  private static final Set<String> CONVERSATION_KEYS = Set.of("agentId", "dispositionId");

  private InitiateRules() {}

  /** The step's filters when they could be read, else {@code null} (a problem is recorded). */
  static Filters check(Step step, String where, Findings f) {
    JsonObject b = step.body();
    String p = where + ".body";
    String id = step.id();
    String doc = document(step.kind());
    for (String key : new TreeSet<>(b.keySet())) {
      if (!keys(step.kind()).contains(key)) {
        f.add(
            id,
            p + "." + key,
            "is not a field of " + doc,
            "remove it; the documented fields are " + new TreeSet<>(keys(step.kind())));
      }
    }
    if (step.kind() == StepKind.INITIATE_CALLS) {
      text(b, "agentId", p, id, true, f);
      text(b, "dispositionId", p, id, true, f);
    } else {
      text(b, "templateId", p, id, true, f);
    }
    JsonValue cs = b.get("conversationSettings");
    if (step.kind() == StepKind.INITIATE_WHATSAPP && cs != null) {
      if (cs.getValueType() != JsonValue.ValueType.OBJECT) {
        f.add(
            id,
            p + ".conversationSettings",
            "must be an object with agentId and dispositionId",
            null);
      } else {
        for (String key : new TreeSet<>(cs.asJsonObject().keySet())) {
          if (!CONVERSATION_KEYS.contains(key)) {
            f.add(
                id,
                p + ".conversationSettings." + key,
                "is not a field of conversationSettings",
                "remove it; the documented fields are agentId, dispositionId");
          }
        }
        text(cs.asJsonObject(), "agentId", p + ".conversationSettings", id, true, f);
        text(cs.asJsonObject(), "dispositionId", p + ".conversationSettings", id, true, f);
      }
    }
    limit(step, p, f);
    return filters(step, p, f);
  }

  private static void limit(Step step, String p, Findings f) {
    JsonValue v = step.body().get("limit");
    int want = step.customerIds().size();
    if (v == null) {
      f.add(
          step.id(),
          p + ".limit",
          "is missing, so the request has no cap on how many customers it reaches",
          "set it to the number of the step's customers, " + want);
    } else if (!(v instanceof JsonNumber)
        || !((JsonNumber) v).isIntegral()
        || ((JsonNumber) v).longValue() < 1) {
      f.add(
          step.id(),
          p + ".limit",
          "must be a whole number of at least 1, found " + v,
          "set it to " + want);
    } else if (((JsonNumber) v).longValue() != want) {
      f.add(
          step.id(),
          p + ".limit",
          "is " + v + ", but the step has " + want + " customer(s) (customerIds)",
          "set it to " + want + ", or plan again");
    }
  }

  private static Filters filters(Step step, String p, Findings f) {
    JsonValue v = step.body().get("filters");
    String id = step.id();
    if (v == null) {
      f.add(
          id,
          p + ".filters",
          "is missing: the request would reach every customer of the campaign",
          "select the step's customers, e.g. {\"ids\": [...]}, or plan again");
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      f.add(
          id,
          p + ".filters",
          "must be an object, found " + v.getValueType().name().toLowerCase(java.util.Locale.ROOT),
          null);
      return null;
    }
    JsonObject o = v.asJsonObject();
    if (o.isEmpty()) {
      f.add(
          id,
          p + ".filters",
          "is empty: the request would reach every customer of the campaign",
          "select the step's customers, e.g. {\"ids\": [...]}, or plan again");
      return null;
    }
    Filters filters;
    try {
      filters = FilterJson.fromJson(o);
    } catch (IllegalArgumentException e) {
      f.add(
          id,
          p + ".filters",
          "cannot be read: " + e.getMessage(),
          "write filters as the documents describe");
      return null;
    }
    audience(step, filters, p, f);
    return filters;
  }

  private static void audience(Step step, Filters filters, String p, Findings f) {
    Set<String> want = new HashSet<>(step.customerIds());
    String id = step.id();
    if (filters.ids() != null) {
      Set<String> seen = new HashSet<>();
      Set<String> twice = new LinkedHashSet<>();
      List<String> extra = new ArrayList<>();
      for (String x : filters.ids()) {
        if (!seen.add(x)) {
          twice.add(x);
        } else if (!want.contains(x)) {
          extra.add(x);
        }
      }
      List<String> missing = new ArrayList<>();
      for (String x : new TreeSet<>(want)) {
        if (!seen.contains(x)) {
          missing.add(x);
        }
      }
      if (!twice.isEmpty()) {
        f.add(
            id,
            p + ".filters.ids",
            "lists " + twice.size() + " loan id(s) more than once: " + Findings.sample(twice),
            "list each customer once");
      }
      if (!extra.isEmpty()) {
        f.add(
            id,
            p + ".filters.ids",
            "selects "
                + extra.size()
                + " customer(s) not in the step's customerIds: "
                + Findings.sample(extra),
            "select exactly the step's customers, or plan again");
      }
      if (!missing.isEmpty()) {
        f.add(
            id,
            p + ".filters.ids",
            "leaves out "
                + missing.size()
                + " of the step's customerIds: "
                + Findings.sample(missing),
            "select exactly the step's customers, or plan again");
      }
    }
    if (filters.excludeIds() != null) {
      Set<String> both = new TreeSet<>();
      for (String x : filters.excludeIds()) {
        if (want.contains(x)) {
          both.add(x);
        }
      }
      if (!both.isEmpty()) {
        f.add(
            id,
            p + ".filters.exclude_ids",
            "excludes " + both.size() + " of the step's own customerIds: " + Findings.sample(both),
            "exclude only customers the step must not reach, or plan again");
      }
    }
  }

  private static void text(
      JsonObject b, String key, String p, String id, boolean required, Findings f) {
    JsonValue v = b.get(key);
    if (v == null) {
      if (required) {
        f.add(id, p + "." + key, "is missing", "it is required");
      }
    } else if (!(v instanceof JsonString) || ((JsonString) v).getString().isEmpty()) {
      f.add(id, p + "." + key, "must be a non-empty string, found " + v, null);
    }
  }

  private static Set<String> keys(StepKind kind) {
    switch (kind) {
      case INITIATE_CALLS:
        return CALL_KEYS;
      case INITIATE_SMS:
        return SMS_KEYS;
      default:
        return WHATSAPP_KEYS;
    }
  }

  private static String document(StepKind kind) {
    switch (kind) {
      case INITIATE_CALLS:
        return "Initiate Calls";
      case INITIATE_SMS:
        return "Initiate SMS";
      default:
        return "Initiate WhatsApp";
    }
  }
}
