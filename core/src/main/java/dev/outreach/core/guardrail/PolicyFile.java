package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file (see {@link GuardrailPolicy#read}): every problem named by line and key path.
 */
final class PolicyFile {
  /** The presets' names, in the order messages list them. */
  static final List<String> PRESETS =
      List.of("rbi", "us-reg-f", "us", "us-fl", "us-wa", "us-ma", "none");

  private static final List<String> KEYS =
      List.of(
          "preset",
          "hours",
          "workingDays",
          "holidays",
          "doNotContact",
          "caps",
          "coolOff",
          "onViolation",
          "horizonDays",
          "capacity",
          "consent",
          "jurisdictions",
          "oncePerDay");

  private final Path file;
  private final PolicyJson json = new PolicyJson();
  private GuardrailPolicyBuilder builder;

  private PolicyFile(Path file) {
    this.file = file;
  }

  /** The file a policy file names, {@code name}: relative to the policy file's folder. */
  static Path beside(Path policyFile, String name) {
    Path parent = policyFile.toAbsolutePath().getParent();
    return parent == null ? Path.of(name) : parent.resolve(name);
  }

  static GuardrailPolicy read(Path file) throws IOException, GuardrailFileException {
    FileProblems problems = new FileProblems(file.toString(), "the policy was not read");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      Utf8Files.notUtf8(file, problems);
      problems.throwIfAny();
      throw e;
    }
    JsonObject root;
    try {
      root = JsonText.parseObject(text);
    } catch (IllegalArgumentException e) {
      long line =
          e.getCause() instanceof JsonParsingException x ? x.getLocation().getLineNumber() : 1;
      problems.add(Math.max(1, line), null, e.getMessage());
      problems.throwIfAny();
      throw e;
    }
    PolicyFile p = new PolicyFile(file);
    GuardrailPolicy policy = p.parse(root);
    if (!p.json.issues.isEmpty()) {
      Map<String, Long> lines = KeyLines.of(text);
      for (PolicyJson.Issue i : p.json.issues) {
        problems.add(KeyLines.lineOf(lines, i.path()), i.path(), i.message());
      }
      problems.throwIfAny();
    }
    return policy;
  }

  private GuardrailPolicy parse(JsonObject root) throws IOException {
    json.keys(root, "", KEYS);
    builder = preset(root.get("preset")).toBuilder();
    PolicyStrategyKeys strategy = new PolicyStrategyKeys(file, json, builder);
    for (Map.Entry<String, JsonValue> e : root.entrySet()) {
      String key = e.getKey();
      JsonValue v = e.getValue();
      switch (key) {
        case "hours":
          hours(v);
          break;
        case "workingDays":
          json.days(v, key).ifPresent(builder::workingDays);
          break;
        case "holidays":
          holidays(v);
          break;
        case "doNotContact":
          doNotContact(v);
          break;
        case "caps":
          caps(v);
          break;
        case "coolOff":
          coolOffs(v);
          break;
        case "onViolation":
          onViolation(v);
          break;
        case "horizonDays":
          json.integer(v, key, 0, 366, "a number of days").ifPresent(builder::horizonDays);
          break;
        case "capacity":
          strategy.capacity(v);
          break;
        case "consent":
          strategy.consent(v);
          break;
        case "jurisdictions":
          strategy.jurisdictions(v);
          break;
        case "oncePerDay":
          if (v.getValueType() == JsonValue.ValueType.TRUE
              || v.getValueType() == JsonValue.ValueType.FALSE) {
            builder.oncePerDay(v.getValueType() == JsonValue.ValueType.TRUE);
          } else {
            json.issue(key, "expected true or false, found " + v);
          }
          break;
        default: // preset (read first) or an unknown key (already reported)
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      json.issue(null, e.getMessage());
      return GuardrailPolicy.none();
    }
  }

  private GuardrailPolicy preset(JsonValue v) {
    String name = v == null ? "rbi" : json.string(v, "preset");
    switch (name == null ? "rbi" : name.strip().toLowerCase(Locale.ROOT)) {
      case "rbi":
        return GuardrailPolicy.defaults();
      case "us-reg-f":
        return GuardrailPolicy.usRegF();
      case "none":
        return GuardrailPolicy.none();
      default:
        GuardrailPolicy preset = GuardrailPolicy.preset(name.strip().toLowerCase(Locale.ROOT));
        if (preset != null) {
          return preset;
        }
        json.issue(
            "preset", "\"" + name + "\" is not a preset (" + String.join(", ", PRESETS) + ")");
        return GuardrailPolicy.defaults();
    }
  }

  private void hours(JsonValue v) {
    JsonObject o =
        json.object(
            v,
            "hours",
            "an object of channels, e.g. {\"CALL\": {\"from\": \"08:00\", \"to\": \"19:00\"}}");
    if (o == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String path = "hours." + e.getKey();
      Channel channel = json.channel(e.getKey(), path);
      if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
        if (channel != null) {
          builder.anyHour(channel);
        }
        continue;
      }
      ContactHours range = json.hours(e.getValue(), path);
      if (channel != null && range != null) {
        builder.hours(channel, range);
      }
    }
  }

  private void holidays(JsonValue v) {
    JsonArray a = json.array(v, "holidays", "an array of dates as YYYY-MM-DD");
    if (a == null) {
      return;
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = "holidays[" + i + "]";
      String s = json.string(a.get(i), path);
      try {
        if (s != null) {
          dates.add(LocalDate.parse(s.strip()));
        }
      } catch (DateTimeParseException e) {
        json.issue(path, "\"" + s + "\" is not a date as YYYY-MM-DD");
      }
    }
    builder.holidays(dates);
  }

  private void doNotContact(JsonValue v) throws IOException {
    String name = json.string(v, "doNotContact");
    if (name == null) {
      return;
    }
    Path list = beside(file, name);
    try {
      List<String> problems = new ArrayList<>();
      var ids = LoanIdList.read(list, problems);
      problems.forEach(p -> json.issue("doNotContact", p));
      builder.doNotContact(ids);
    } catch (NoSuchFileException e) {
      json.issue(
          "doNotContact",
          "\""
              + name
              + "\" not found (looked for "
              + list
              + "; the path is relative to the policy file)");
    }
  }

  private void caps(JsonValue v) {
    JsonArray a =
        json.array(v, "caps", "an array like [{\"channel\": \"CALL\", \"max\": 7, \"days\": 7}]");
    if (a == null) {
      return;
    }
    List<FrequencyCap> caps = new ArrayList<>();
    List<SharedCap> shared = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = "caps[" + i + "]";
      JsonObject o =
          json.object(a.get(i), path, "{\"channel\": \"CALL\", \"max\": 7, \"days\": 7}");
      if (o == null) {
        continue;
      }
      if (o.containsKey("channels")) { // several channels counted together
        json.keys(o, path, List.of("channels", "max", "days"));
        java.util.Set<Channel> channels = channels(o.get("channels"), path + ".channels");
        var max = json.integer(o.get("max"), path + ".max", 1, 10_000, "a number of contacts");
        var days = json.integer(o.get("days"), path + ".days", 1, 366, "a number of days");
        if (channels != null && max.isPresent() && days.isPresent()) {
          shared.add(SharedCap.days(channels, max.get(), days.get()));
        }
        continue;
      }
      json.keys(o, path, List.of("channel", "max", "days"));
      Channel channel =
          json.channel(json.string(o.get("channel"), path + ".channel"), path + ".channel");
      var max = json.integer(o.get("max"), path + ".max", 1, 10_000, "a number of attempts");
      var days = json.integer(o.get("days"), path + ".days", 1, 366, "a number of days");
      if (channel != null && max.isPresent() && days.isPresent()) {
        caps.add(FrequencyCap.days(channel, max.get(), days.get()));
      }
    }
    builder.caps(caps);
    builder.sharedCaps(shared);
  }

  /** Two or more distinct channels, e.g. {@code ["CALL", "SMS"]}; null after noting a problem. */
  private java.util.Set<Channel> channels(JsonValue v, String path) {
    JsonArray a = json.array(v, path, "an array of two or more channels, e.g. [\"CALL\", \"SMS\"]");
    if (a == null) {
      return null;
    }
    java.util.Set<Channel> out = java.util.EnumSet.noneOf(Channel.class);
    boolean ok = true;
    for (int i = 0; i < a.size(); i++) {
      String name = json.string(a.get(i), path + "[" + i + "]");
      Channel c = name == null ? null : json.channel(name, path + "[" + i + "]");
      ok &= c != null;
      if (c != null) {
        out.add(c);
      }
    }
    if (ok && out.size() < 2) {
      json.issue(path, "names fewer than two channels; a cap on one channel takes \"channel\"");
      return null;
    }
    return ok ? out : null;
  }

  private void coolOffs(JsonValue v) {
    JsonArray a =
        json.array(
            v,
            "coolOff",
            "an array like [{\"channel\": \"CALL\", \"afterOutcomes\": [\"conversation\"], \"days\": 7}]");
    if (a == null) {
      return;
    }
    List<CoolOff> list = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = "coolOff[" + i + "]";
      JsonObject o =
          json.object(
              a.get(i),
              path,
              "{\"channel\": \"CALL\", \"afterOutcomes\": [\"conversation\"], \"days\": 7}");
      if (o == null) {
        continue;
      }
      json.keys(o, path, List.of("channel", "afterOutcomes", "days"));
      Channel channel =
          json.channel(json.string(o.get("channel"), path + ".channel"), path + ".channel");
      List<String> outcomes = json.strings(o.get("afterOutcomes"), path + ".afterOutcomes");
      var days = json.integer(o.get("days"), path + ".days", 1, 366, "a number of days");
      if (channel != null && outcomes != null && days.isPresent()) {
        list.add(new CoolOff(channel, Set.copyOf(outcomes), Duration.ofDays(days.get())));
      }
    }
    builder.coolOffs(list);
  }

  private void onViolation(JsonValue v) {
    String s = json.string(v, "onViolation");
    if (s == null) {
      return;
    }
    try {
      builder.onViolation(OnViolation.valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      json.issue("onViolation", "\"" + s + "\" is not MOVE or DROP");
    }
  }
}
