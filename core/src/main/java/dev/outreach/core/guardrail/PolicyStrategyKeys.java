package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy file's keys for a strategy over days: {@code capacity}, {@code consent} and {@code
 * jurisdictions} (see {@link PolicyFile}), each problem noted under its key path.
 */
final class PolicyStrategyKeys {
  /** Whether a jurisdiction's policy file is being read (they may not name files in turn). */
  private static final ThreadLocal<Boolean> NESTED = ThreadLocal.withInitial(() -> false);

  private final Path file;
  private final PolicyJson json;
  private final GuardrailPolicyBuilder builder;

  PolicyStrategyKeys(Path file, PolicyJson json, GuardrailPolicyBuilder builder) {
    this.file = file;
    this.json = json;
    this.builder = builder;
  }

  void jurisdictions(JsonValue v) throws IOException {
    JsonObject o =
        json.object(
            v,
            "jurisdictions",
            "an object like {\"attribute\": \"state\", \"policies\": {\"FL\": \"us-fl\"}}");
    if (o == null) {
      return;
    }
    json.keys(o, "jurisdictions", List.of("attribute", "policies"));
    String attribute = json.string(o.get("attribute"), "jurisdictions.attribute");
    JsonObject policies =
        json.object(
            o.get("policies"),
            "jurisdictions.policies",
            "an object of jurisdictions, each a preset or a policy file, e.g. {\"FL\": \"us-fl\"}");
    if (attribute == null || policies == null) {
      return;
    }
    Map<String, GuardrailPolicy> each = new java.util.TreeMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<String, JsonValue> e : policies.entrySet()) {
      String path = "jurisdictions.policies." + e.getKey();
      if (!seen.add(e.getKey().strip().toUpperCase(Locale.ROOT))) {
        json.issue(path, "is listed twice (jurisdictions are matched ignoring case)");
        continue;
      }
      String spec = json.string(e.getValue(), path);
      if (spec == null) {
        continue;
      }
      GuardrailPolicy p = GuardrailPolicy.preset(spec.strip().toLowerCase(Locale.ROOT));
      if (p == null) {
        Path other = PolicyFile.beside(file, spec);
        if (NESTED.get()) { // a jurisdiction's file naming files of its own (perhaps this one)
          json.issue(path, "a jurisdiction's policy file has jurisdictions; nest them no deeper");
          continue;
        }
        NESTED.set(true);
        try {
          p = PolicyFile.read(other);
        } catch (NoSuchFileException x) {
          json.issue(
              path,
              "\""
                  + spec
                  + "\" is neither a preset ("
                  + String.join(", ", PolicyFile.PRESETS)
                  + ") nor a policy file (looked for "
                  + other
                  + ")");
          continue;
        } catch (GuardrailFileException x) {
          json.issue(path, x.getMessage());
          continue;
        } finally {
          NESTED.set(false);
        }
      }
      if (!p.jurisdictions().policies().isEmpty()) {
        json.issue(path, "\"" + spec + "\" has jurisdictions of its own; nest them no deeper");
        continue;
      }
      each.put(e.getKey(), p);
    }
    if (attribute.isBlank()) {
      json.issue(
          "jurisdictions.attribute", "is empty; name the customer attribute, e.g. \"state\"");
      return;
    }
    builder.jurisdictions(new Jurisdictions(attribute.strip(), each));
  }

  void consent(JsonValue v) throws IOException {
    JsonObject o =
        json.object(
            v,
            "consent",
            "an object like {\"file\": \"consent.csv\", \"optOutColumns\": {\"SMS\":"
                + " \"sms_opt_out\"}, \"required\": [\"CALL\"]}");
    if (o == null) {
      return;
    }
    json.keys(o, "consent", List.of("file", "optOutColumns", "required"));
    Consent consent = Consent.none();
    if (o.containsKey("file")) {
      String name = json.string(o.get("file"), "consent.file");
      if (name != null) {
        Path csv = PolicyFile.beside(file, name);
        try {
          consent = Consent.read(csv);
        } catch (NoSuchFileException e) {
          json.issue(
              "consent.file",
              "\""
                  + name
                  + "\" not found (looked for "
                  + csv
                  + "; the path is relative to the policy file)");
        } catch (GuardrailFileException e) {
          json.issue("consent.file", e.getMessage());
        }
      }
    }
    if (o.containsKey("optOutColumns")) {
      JsonObject cols =
          json.object(
              o.get("optOutColumns"),
              "consent.optOutColumns",
              "an object of channels, e.g. {\"SMS\": \"sms_opt_out\"}");
      java.util.Map<Channel, String> columns = new java.util.EnumMap<>(Channel.class);
      if (cols != null) {
        for (Map.Entry<String, JsonValue> e : cols.entrySet()) {
          String path = "consent.optOutColumns." + e.getKey();
          Channel channel = json.channel(e.getKey(), path);
          String column = json.string(e.getValue(), path);
          if (column != null && column.isBlank()) {
            json.issue(path, "is empty; name the portfolio column, e.g. \"sms_opt_out\"");
          } else if (channel != null && column != null) {
            columns.put(channel, column.strip());
          }
        }
      }
      consent = consent.withOptOutColumns(columns);
    }
    if (o.containsKey("required")) {
      JsonArray a =
          json.array(
              o.get("required"), "consent.required", "an array of channels, e.g. [\"CALL\"]");
      java.util.Set<Channel> required = java.util.EnumSet.noneOf(Channel.class);
      for (int i = 0; a != null && i < a.size(); i++) {
        String path = "consent.required[" + i + "]";
        String name = json.string(a.get(i), path);
        Channel channel = name == null ? null : json.channel(name, path);
        if (channel != null) {
          required.add(channel);
        }
      }
      consent = consent.withRequired(required);
    }
    builder.consent(consent);
  }

  void capacity(JsonValue v) {
    JsonObject o = json.object(v, "capacity", "an object of channels, e.g. {\"CALL\": 5000}");
    if (o == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String path = "capacity." + e.getKey();
      Channel channel = json.channel(e.getKey(), path);
      java.util.Optional<Integer> perDay =
          e.getValue() instanceof JsonObject agents
              ? fromAgents(agents, path)
              : json.integer(e.getValue(), path, 1, GuardrailPolicy.MAX_CAPACITY, "contacts a day");
      perDay.ifPresent(
          n -> {
            if (channel != null) {
              builder.capacity(channel, n);
            }
          });
    }
  }

  /**
   * {@code {"concurrency": 10, "hours": 8, "minutesPerContact": 6}}: contacts a day that many
   * agents at once can make in those hours, rounded down (here 800).
   */
  private java.util.Optional<Integer> fromAgents(JsonObject o, String path) {
    json.keys(o, path, List.of("concurrency", "hours", "minutesPerContact"));
    var concurrency =
        json.integer(o.get("concurrency"), path + ".concurrency", 1, 100_000, "agents at once");
    var hours = json.integer(o.get("hours"), path + ".hours", 1, 24, "hours a day");
    var minutes =
        json.integer(
            o.get("minutesPerContact"), path + ".minutesPerContact", 1, 1_440, "minutes a contact");
    if (concurrency.isEmpty() || hours.isEmpty() || minutes.isEmpty()) {
      return java.util.Optional.empty();
    }
    long perDay = (long) concurrency.get() * hours.get() * 60 / minutes.get();
    if (perDay < 1 || perDay > GuardrailPolicy.MAX_CAPACITY) {
      json.issue(
          path,
          "makes " + perDay + " contacts a day, not from 1 to " + GuardrailPolicy.MAX_CAPACITY);
      return java.util.Optional.empty();
    }
    return java.util.Optional.of((int) perDay);
  }
}
