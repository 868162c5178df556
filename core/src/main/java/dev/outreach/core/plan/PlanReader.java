package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the plan JSON back, naming the path of everything missing or malformed: the whole plan is
 * read, and all its problems are thrown together ({@link InvalidPlanException}). When steps could
 * not be read, the steps that could are checked by {@link PlanValidation} too, so one refusal lists
 * every problem found.
 */
final class PlanReader {
  private static final List<String> STEP_KEYS =
      List.of(
          "id", "kind", "method", "path", "notBefore", "notAfter", "body", "customerIds", "rules");

  private final List<PlanProblem> problems = new ArrayList<>();

  private PlanReader() {}

  static Plan read(JsonObject o) {
    return new PlanReader().plan(o);
  }

  private Plan plan(JsonObject o) {
    Summary summary = attempt(null, () -> summary(obj(o, "summary", "summary")));
    List<Step> steps = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    JsonArray sa = attempt(null, () -> arr(o, "steps", "steps"));
    for (int i = 0; sa != null && i < sa.size(); i++) {
      int n = problems.size();
      Step step = step(sa, i);
      if (step != null && problems.size() == n) {
        steps.add(step);
        positions.add(i);
      }
    }
    List<Suppressed> suppressed =
        list(
            o,
            "suppressed",
            true,
            (s, p) ->
                new Suppressed(str(s, "customerId", p), str(s, "reason", p), str(s, "rule", p)));
    List<Overridden> overrides =
        list(
            o,
            "overrides",
            false,
            (s, p) ->
                new Overridden(
                    str(s, "customerId", p),
                    parse(str(s, "channel", p), p + ".channel", PlanJson::channel),
                    str(s, "rule", p),
                    str(s, "winner", p),
                    str(s, "why", p)));
    List<Warning> warnings =
        list(
            o,
            "warnings",
            true,
            (w, p) ->
                new Warning(
                    str(w, "code", p),
                    w.getString("customerId", null),
                    w.getString("rule", null),
                    str(w, "message", p)));
    List<ExperimentResult> experiments = list(o, "experiments", false, PlanReader::experiment);
    List<CapacityDay> capacity = list(o, "capacity", false, PlanReader::capacityDay);
    String campaignId = attempt(null, () -> str(o, "campaignId", ""));
    OffsetDateTime asOf = attempt(null, () -> parse(str(o, "asOf", ""), "asOf", PlanJson::time));
    java.time.ZoneId zone = attempt(null, () -> parse(str(o, "zone", ""), "zone", PlanJson::zone));
    List<String> undecided = attempt(null, () -> strings(o, "undecided", ""));
    if (problems.isEmpty()) {
      return new Plan(
          campaignId,
          asOf,
          zone,
          summary,
          steps,
          suppressed,
          undecided,
          overrides,
          warnings,
          experiments,
          capacity);
    }
    if (campaignId != null && asOf != null && zone != null) {
      Plan readable =
          new Plan(
              campaignId,
              asOf,
              zone,
              new Summary(0, 0, 0, 0, 0, 0, Map.of()),
              steps,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      problems.addAll(PlanValidation.problems(readable, positions));
    }
    throw new InvalidPlanException(problems);
  }

  private Step step(JsonArray sa, int i) {
    String p = "steps[" + i + "]";
    JsonObject s = attempt(null, () -> element(sa, i, p));
    if (s == null) {
      return null;
    }
    String id = attempt(null, () -> str(s, "id", p));
    for (String key : new java.util.TreeSet<>(s.keySet())) {
      if (!STEP_KEYS.contains(key)) { // a misspelt notAfter would silently lift the step's deadline
        problems.add(
            new PlanProblem(
                id,
                p + "." + key,
                "is not a field of a step (" + String.join(", ", STEP_KEYS) + ")",
                null));
      }
    }
    StepKind kind = attempt(id, () -> parse(str(s, "kind", p), p + ".kind", PlanReader::kind));
    String method = attempt(id, () -> str(s, "method", p));
    String path = attempt(id, () -> str(s, "path", p));
    OffsetDateTime notBefore =
        attempt(id, () -> parse(str(s, "notBefore", p), p + ".notBefore", PlanJson::time));
    OffsetDateTime notAfter =
        s.containsKey("notAfter")
            ? attempt(id, () -> parse(str(s, "notAfter", p), p + ".notAfter", PlanJson::time))
            : null;
    JsonObject body = attempt(id, () -> obj(s, "body", p + ".body"));
    List<String> customerIds = attempt(id, () -> strings(s, "customerIds", p));
    List<String> rules = attempt(id, () -> strings(s, "rules", p));
    if (id == null
        || kind == null
        || method == null
        || path == null
        || notBefore == null
        || body == null
        || customerIds == null
        || rules == null) {
      return null;
    }
    return new Step(id, kind, method, path, notBefore, notAfter, body, customerIds, rules);
  }

  private Summary summary(JsonObject sum) {
    Map<Channel, Integer> byChannel = channels(sum, "summary");
    return new Summary(
        integer(sum, "customers", "summary.customers"),
        integer(sum, "contacted", "summary.contacted"),
        integer(sum, "suppressed", "summary.suppressed"),
        integer(sum, "undecided", "summary.undecided"),
        sum.containsKey("dropped") ? integer(sum, "dropped", "summary.dropped") : 0,
        integer(sum, "steps", "summary.steps"),
        byChannel);
  }

  private static CapacityDay capacityDay(JsonObject c, String p) {
    return new CapacityDay(
        parse(str(c, "channel", p), p + ".channel", PlanJson::channel),
        parse(str(c, "date", p), p + ".date", java.time.LocalDate::parse),
        integer(c, "capacity", p + ".capacity"),
        integer(c, "used", p + ".used"),
        integer(c, "movedIn", p + ".movedIn"),
        integer(c, "movedOut", p + ".movedOut"),
        integer(c, "dropped", p + ".dropped"));
  }

  private static ExperimentResult experiment(JsonObject x, String p) {
    List<ExperimentResult.ArmResult> arms = new ArrayList<>();
    JsonArray aa = arr(x, "arms", p + ".arms");
    for (int j = 0; j < aa.size(); j++) {
      String q = p + ".arms[" + j + "]";
      JsonObject a = element(aa, j, q);
      Map<Channel, Integer> ch = channels(a, q);
      arms.add(
          new ExperimentResult.ArmResult(
              str(a, "arm", q),
              integer(a, "weight", q + ".weight"),
              integer(a, "customers", q + ".customers"),
              integer(a, "contacted", q + ".contacted"),
              integer(a, "suppressed", q + ".suppressed"),
              integer(a, "undecided", q + ".undecided"),
              integer(a, "dropped", q + ".dropped"),
              ch));
    }
    return new ExperimentResult(str(x, "experiment", p), arms);
  }

  /**
   * The elements of array {@code key} (required or not), each read by {@code read}; problems are
   * noted.
   */
  private <T> List<T> list(
      JsonObject o,
      String key,
      boolean required,
      java.util.function.BiFunction<JsonObject, String, T> read) {
    List<T> out = new ArrayList<>();
    if (!required && !o.containsKey(key)) {
      return out;
    }
    JsonArray a = attempt(null, () -> arr(o, key, key));
    for (int i = 0; a != null && i < a.size(); i++) {
      String p = key + "[" + i + "]";
      int at = i;
      T t = attempt(null, () -> read.apply(element(a, at, p), p));
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * What {@code read} returns, or {@code null} after noting its problem (for step {@code stepId}).
   */
  private <T> T attempt(String stepId, Supplier<T> read) {
    try {
      return read.get();
    } catch (Bad e) {
      problems.add(new PlanProblem(stepId, e.field, e.problem, null));
      return null;
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(
          new PlanProblem(
              stepId, stepId == null ? "plan" : "step", "cannot be read: " + e.getMessage(), null));
      return null;
    }
  }

  private static StepKind kind(String s) {
    try {
      return StepKind.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "is not a step kind (" + Arrays.toString(StepKind.values()) + ")", e);
    }
  }

  /** The {@code byChannel} counts inside {@code o} (at {@code path}). */
  private static Map<Channel, Integer> channels(JsonObject o, String path) {
    Map<Channel, Integer> out = new EnumMap<>(Channel.class);
    JsonObject bc = obj(o, "byChannel", path + ".byChannel");
    for (String k : bc.keySet()) {
      out.put(
          parse(k, path + ".byChannel." + k, PlanJson::channel),
          integer(bc, k, path + ".byChannel." + k));
    }
    return out;
  }

  private static <T> T parse(String s, String path, Function<String, T> f) {
    try {
      return f.apply(s);
    } catch (RuntimeException e) {
      String why =
          e.getMessage() != null && e.getMessage().startsWith("is not")
              ? e.getMessage()
              : "cannot be read";
      throw new Bad(path, "\"" + s + "\" " + why);
    }
  }

  private static JsonValue get(JsonObject o, String key, String path, JsonValue.ValueType type) {
    JsonValue v = o.get(key);
    if (v == null) {
      throw new Bad(path, "is missing");
    }
    if (v.getValueType() != type) {
      throw new Bad(
          path,
          "must be "
              + type.name().toLowerCase(Locale.ROOT)
              + ", found "
              + v.getValueType().name().toLowerCase(Locale.ROOT));
    }
    return v;
  }

  private static String str(JsonObject o, String key, String parent) {
    return ((JsonString) get(o, key, join(parent, key), JsonValue.ValueType.STRING)).getString();
  }

  private static int integer(JsonObject o, String key, String path) {
    jakarta.json.JsonNumber n =
        (jakarta.json.JsonNumber) get(o, key, path, JsonValue.ValueType.NUMBER);
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw new Bad(path, "must be a whole number, found " + n);
    }
  }

  private static JsonObject obj(JsonObject o, String key, String path) {
    return get(o, key, path, JsonValue.ValueType.OBJECT).asJsonObject();
  }

  private static JsonArray arr(JsonObject o, String key, String path) {
    return get(o, key, path, JsonValue.ValueType.ARRAY).asJsonArray();
  }

  private static JsonObject element(JsonArray a, int i, String path) {
    if (a.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
      throw new Bad(path, "must be an object");
    }
    return a.getJsonObject(i);
  }

  private static List<String> strings(JsonObject o, String key, String parent) {
    String path = join(parent, key);
    List<String> out = new ArrayList<>();
    JsonArray a = arr(o, key, path);
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).getValueType() != JsonValue.ValueType.STRING) {
        throw new Bad(path + "[" + i + "]", "must be a string");
      }
      out.add(a.getString(i));
    }
    return out;
  }

  private static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** A field of the plan that is missing or malformed. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final String problem;

    Bad(String field, String problem) {
      super(field + " " + problem, null, false, false);
      this.field = field;
      this.problem = problem;
    }
  }
}
