package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Reads the plan JSON back, naming the path of anything missing or malformed. */
final class PlanReader {
  private PlanReader() {}

  static Plan read(JsonObject o) {
    JsonObject sum = obj(o, "summary", "summary");
    Map<Channel, Integer> byChannel = channels(sum, "summary");
    Summary summary = new Summary(integer(sum, "customers", "summary.customers"),
        integer(sum, "contacted", "summary.contacted"), integer(sum, "suppressed", "summary.suppressed"),
        integer(sum, "undecided", "summary.undecided"), sum.containsKey("dropped") ? integer(sum, "dropped", "summary.dropped") : 0,
        integer(sum, "steps", "summary.steps"), byChannel);

    List<Step> steps = new ArrayList<>();
    Map<String, StepKind> earlier = new HashMap<>();
    JsonArray sa = arr(o, "steps", "steps");
    for (int i = 0; i < sa.size(); i++) {
      String p = "steps[" + i + "]";
      JsonObject s = element(sa, i, p);
      steps.add(new Step(str(s, "id", p), parse(str(s, "kind", p), p + ".kind", StepKind::valueOf),
          str(s, "method", p), str(s, "path", p), parse(str(s, "notBefore", p), p + ".notBefore", PlanJson::time),
          s.containsKey("notAfter") ? parse(str(s, "notAfter", p), p + ".notAfter", PlanJson::time) : null,
          obj(s, "body", p + ".body"), strings(s, "customerIds", p), strings(s, "rules", p)));
      Step step = steps.get(i);
      BatchBodyCheck.check(step, p, earlier);
      if (earlier.put(step.id(), step.kind()) != null) {
        throw new IllegalArgumentException("plan field " + p + ".id repeats step id " + step.id());
      }
    }
    List<Suppressed> suppressed = new ArrayList<>();
    JsonArray su = arr(o, "suppressed", "suppressed");
    for (int i = 0; i < su.size(); i++) {
      String p = "suppressed[" + i + "]";
      JsonObject s = element(su, i, p);
      suppressed.add(new Suppressed(str(s, "customerId", p), str(s, "reason", p), str(s, "rule", p)));
    }
    List<Overridden> overrides = new ArrayList<>();
    JsonArray ov = o.containsKey("overrides") ? arr(o, "overrides", "overrides") : JsonValue.EMPTY_JSON_ARRAY;
    for (int i = 0; i < ov.size(); i++) {
      String p = "overrides[" + i + "]";
      JsonObject s = element(ov, i, p);
      overrides.add(new Overridden(str(s, "customerId", p), parse(str(s, "channel", p), p + ".channel", PlanJson::channel),
          str(s, "rule", p), str(s, "winner", p), str(s, "why", p)));
    }
    List<Warning> warnings = new ArrayList<>();
    JsonArray wa = arr(o, "warnings", "warnings");
    for (int i = 0; i < wa.size(); i++) {
      String p = "warnings[" + i + "]";
      JsonObject w = element(wa, i, p);
      warnings.add(new Warning(str(w, "code", p), w.getString("customerId", null), w.getString("rule", null),
          str(w, "message", p)));
    }
    List<ExperimentResult> experiments = new ArrayList<>();
    JsonArray xa = o.containsKey("experiments") ? arr(o, "experiments", "experiments") : JsonValue.EMPTY_JSON_ARRAY;
    for (int i = 0; i < xa.size(); i++) {
      String p = "experiments[" + i + "]";
      JsonObject x = element(xa, i, p);
      List<ExperimentResult.ArmResult> arms = new ArrayList<>();
      JsonArray aa = arr(x, "arms", p + ".arms");
      for (int j = 0; j < aa.size(); j++) {
        String q = p + ".arms[" + j + "]";
        JsonObject a = element(aa, j, q);
        Map<Channel, Integer> ch = channels(a, q);
        arms.add(new ExperimentResult.ArmResult(str(a, "arm", q), integer(a, "weight", q + ".weight"),
            integer(a, "customers", q + ".customers"), integer(a, "contacted", q + ".contacted"),
            integer(a, "suppressed", q + ".suppressed"), integer(a, "undecided", q + ".undecided"),
            integer(a, "dropped", q + ".dropped"), ch));
      }
      experiments.add(new ExperimentResult(str(x, "experiment", p), arms));
    }
    return new Plan(str(o, "campaignId", ""), parse(str(o, "asOf", ""), "asOf", PlanJson::time),
        parse(str(o, "zone", ""), "zone", PlanJson::zone), summary, steps, suppressed,
        strings(o, "undecided", ""), overrides, warnings, experiments);
  }

  /** The {@code byChannel} counts inside {@code o} (at {@code path}). */
  private static Map<Channel, Integer> channels(JsonObject o, String path) {
    Map<Channel, Integer> out = new EnumMap<>(Channel.class);
    JsonObject bc = obj(o, "byChannel", path + ".byChannel");
    for (String k : bc.keySet()) {
      out.put(parse(k, path + ".byChannel." + k, PlanJson::channel), integer(bc, k, path + ".byChannel." + k));
    }
    return out;
  }

  private static <T> T parse(String s, String path, Function<String, T> f) {
    try {
      return f.apply(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("plan field " + path + ": cannot read \"" + s + "\"", e);
    }
  }

  private static JsonValue get(JsonObject o, String key, String path, JsonValue.ValueType type) {
    JsonValue v = o.get(key);
    if (v == null) {
      throw new IllegalArgumentException("plan field " + path + " is missing");
    }
    if (v.getValueType() != type) {
      throw new IllegalArgumentException("plan field " + path + " must be " + type.name().toLowerCase(Locale.ROOT)
          + ", found " + v.getValueType().name().toLowerCase(Locale.ROOT));
    }
    return v;
  }

  private static String str(JsonObject o, String key, String parent) {
    return ((JsonString) get(o, key, join(parent, key), JsonValue.ValueType.STRING)).getString();
  }

  private static int integer(JsonObject o, String key, String path) {
    return ((jakarta.json.JsonNumber) get(o, key, path, JsonValue.ValueType.NUMBER)).intValueExact();
  }

  private static JsonObject obj(JsonObject o, String key, String path) {
    return get(o, key, path, JsonValue.ValueType.OBJECT).asJsonObject();
  }

  private static JsonArray arr(JsonObject o, String key, String path) {
    return get(o, key, path, JsonValue.ValueType.ARRAY).asJsonArray();
  }

  private static JsonObject element(JsonArray a, int i, String path) {
    if (a.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("plan field " + path + " must be an object");
    }
    return a.getJsonObject(i);
  }

  private static List<String> strings(JsonObject o, String key, String parent) {
    String path = join(parent, key);
    List<String> out = new ArrayList<>();
    JsonArray a = arr(o, key, path);
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).getValueType() != JsonValue.ValueType.STRING) {
        throw new IllegalArgumentException("plan field " + path + "[" + i + "] must be a string");
      }
      out.add(a.getString(i));
    }
    return out;
  }

  private static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
