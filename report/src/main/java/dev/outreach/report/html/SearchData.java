package dev.outreach.report.html;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.report.PlanIndex;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the page's search box looks customers up in, kept small enough for a million customers:
 * customers with the same outcome (status, steps, fired rules, suppression, overrides and warnings)
 * share one <em>profile</em>, written once; each profile lists its loan ids sorted and front-coded
 * (the first character says how many leading characters repeat the previous id, {@code '0'} + n,
 * the rest is the new tail). Rule names and texts are written once and referred to by index.
 */
final class SearchData {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
  private static final int MAX_PREFIX = 40;

  private final Map<String, Integer> rules = new HashMap<>();
  private final List<String> ruleList = new ArrayList<>();
  private final Map<String, Integer> texts = new HashMap<>();
  private final List<String> textList = new ArrayList<>();
  private final Map<List<String>, Integer> firedSets = new HashMap<>();
  private final List<int[]> firedList = new ArrayList<>();
  private final Map<String, Integer> profileKeys = new HashMap<>();
  private final List<Profile> profiles = new ArrayList<>();

  private SearchData() {}

  private final Map<String, Integer> wordsCache = new HashMap<>();
  private CustomerFacts facts;

  /**
   * Writes the search data of {@code index} as JSON safe inside a {@code <script>} element, with
   * each customer's zone, what they get in plain words, and (when {@code facts} embeds them) their
   * facts.
   */
  static void write(
      Writer to, PlanIndex index, Function<String, List<String>> fired, CustomerFacts facts)
      throws IOException {
    SearchData d = new SearchData();
    d.facts = facts;
    List<String> ids = index.customerIds();
    for (String id : ids) {
      d.add(index, id, fired.apply(id));
    }
    d.emit(new ScriptSafe(to), index.plan(), ids);
  }

  private void add(PlanIndex index, String id, List<String> fired) {
    StringBuilder key = new StringBuilder();
    PlanIndex.Status status = index.status(id);
    java.time.ZoneId zone = facts.zone(id);
    int[] stepIndexes = index.stepIndexes(id);
    String stepKey = java.util.Arrays.toString(stepIndexes) + zone.getId();
    int words =
        wordsCache.computeIfAbsent(
            stepKey,
            k -> {
              String w = facts.words(index.steps(id), zone);
              return w == null ? -1 : text(w);
            });
    int zoneText = text(zone.getId());
    key.append(status.ordinal()).append('|').append(zoneText).append('|').append(words).append('|');
    for (int s : index.stepIndexes(id)) {
      key.append(s).append(',');
    }
    int f =
        fired == null
            ? -1
            : firedSets.computeIfAbsent(
                fired,
                k -> {
                  int[] ids = k.stream().mapToInt(this::rule).toArray();
                  firedList.add(ids);
                  return firedList.size() - 1;
                });
    key.append('|').append(f).append('|');
    int[] suppression =
        index.suppression(id).map(s -> new int[] {text(s.reason()), rule(s.rule())}).orElse(null);
    if (suppression != null) {
      key.append(suppression[0]).append(',').append(suppression[1]);
    }
    key.append('|');
    List<Object[]> overrides = new ArrayList<>();
    for (Plan.Overridden o : index.overrides(id)) {
      Object[] v = {o.channel().name(), rule(o.rule()), rule(o.winner()), text(o.why())};
      overrides.add(v);
      key.append(v[0])
          .append(',')
          .append(v[1])
          .append(',')
          .append(v[2])
          .append(',')
          .append(v[3])
          .append(';');
    }
    key.append('|');
    List<int[]> warnings = new ArrayList<>();
    for (Plan.Warning w : index.warnings(id)) {
      int[] v = {text(w.code()), w.rule() == null ? -1 : rule(w.rule()), text(w.message())};
      warnings.add(v);
      key.append(v[0]).append(',').append(v[1]).append(',').append(v[2]).append(';');
    }
    int p =
        profileKeys.computeIfAbsent(
            key.toString(),
            k -> {
              Profile pr = new Profile(status, stepIndexes, f, suppression, overrides, warnings);
              pr.zone = zoneText;
              pr.words = words;
              profiles.add(pr);
              return profiles.size() - 1;
            });
    profiles.get(p).add(id);
  }

  private int rule(String name) {
    return rules.computeIfAbsent(
        name,
        k -> {
          ruleList.add(k);
          return ruleList.size() - 1;
        });
  }

  private int text(String t) {
    return texts.computeIfAbsent(
        t,
        k -> {
          textList.add(k);
          return textList.size() - 1;
        });
  }

  private void emit(Writer to, Plan plan, List<String> ids) {
    List<Integer> stepRules = new ArrayList<>();
    for (Step s : plan.steps()) {
      s.rules().forEach(r -> stepRules.add(rule(r)));
    }
    JsonGenerator g = Json.createGenerator(to);
    g.writeStartObject();
    g.writeStartArray("steps");
    int r = 0;
    for (Step s : plan.steps()) {
      g.writeStartObject()
          .write("id", s.id())
          .write("kind", s.kind().name())
          .write("method", s.method())
          .write("path", s.path())
          .write("notBefore", WHEN.format(s.notBefore()));
      if (s.kind().channel() != null) {
        g.write("channel", s.kind().channel().name());
      }
      if (s.notAfter() != null) {
        g.write("notAfter", when(s.notAfter()));
      }
      g.write("contacts", s.kind().contacts()).write("customers", s.customerIds().size());
      g.writeStartArray("rules");
      for (int i = 0; i < s.rules().size(); i++) {
        g.write(stepRules.get(r++));
      }
      g.writeEnd().writeEnd();
    }
    g.writeEnd();
    strings(g, "rules", ruleList);
    strings(g, "texts", textList);
    g.writeStartArray("fired");
    for (int[] f : firedList) {
      ints(g, null, f);
    }
    g.writeEnd();
    g.writeStartArray("profiles");
    for (Profile p : profiles) {
      g.writeStartObject().write("o", p.status.name()).write("z", p.zone);
      if (p.words >= 0) {
        g.write("pw", p.words);
      }
      ints(g, "st", p.steps);
      g.write("f", p.fired);
      if (p.suppression != null) {
        ints(g, "s", p.suppression);
      }
      if (!p.overrides.isEmpty()) {
        g.writeStartArray("ov");
        for (Object[] o : p.overrides) {
          g.writeStartArray()
              .write((String) o[0])
              .write((Integer) o[1])
              .write((Integer) o[2])
              .write((Integer) o[3])
              .writeEnd();
        }
        g.writeEnd();
      }
      if (!p.warnings.isEmpty()) {
        g.writeStartArray("w");
        p.warnings.forEach(w -> ints(g, null, w));
        g.writeEnd();
      }
      strings(g, "ids", p.ids);
      g.writeEnd();
    }
    g.writeEnd();
    if (facts.embedded()) {
      strings(g, "fk", facts.keys());
      g.writeStartObject("cf");
      for (String id : ids) {
        List<String> v = facts.values(id);
        if (v != null) {
          g.writeStartArray(id);
          for (String x : v) {
            if (x == null) {
              g.writeNull();
            } else {
              g.write(x);
            }
          }
          g.writeEnd();
        }
      }
      g.writeEnd();
    } else if (facts.omitted()) {
      g.write("cfLimit", facts.limit());
    }
    g.writeEnd();
    g.flush();
  }

  private static String when(OffsetDateTime t) {
    return WHEN.format(t);
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeStartArray(name);
    values.forEach(g::write);
    g.writeEnd();
  }

  private static void ints(JsonGenerator g, String name, int[] values) {
    if (name == null) {
      g.writeStartArray();
    } else {
      g.writeStartArray(name);
    }
    for (int v : values) {
      g.write(v);
    }
    g.writeEnd();
  }

  /** Customers who share an outcome, with their loan ids front-coded in sorted order. */
  private static final class Profile {
    final PlanIndex.Status status;
    final int[] steps;
    final int fired;
    final int[] suppression;
    final List<Object[]> overrides;
    final List<int[]> warnings;
    final List<String> ids = new ArrayList<>();
    int zone;
    int words = -1;
    private String previous = "";

    Profile(
        PlanIndex.Status status,
        int[] steps,
        int fired,
        int[] suppression,
        List<Object[]> overrides,
        List<int[]> warnings) {
      this.status = status;
      this.steps = steps;
      this.fired = fired;
      this.suppression = suppression;
      this.overrides = overrides;
      this.warnings = warnings;
    }

    /** Ids arrive sorted, so each shares a prefix with the one before. */
    void add(String id) {
      int p = 0;
      int max = Math.min(MAX_PREFIX, Math.min(previous.length(), id.length()));
      while (p < max && previous.charAt(p) == id.charAt(p)) {
        p++;
      }
      ids.add((char) ('0' + p) + id.substring(p));
      previous = id;
    }
  }

  /**
   * JSON inside a script element must not contain {@code </script>}: {@code <} only occurs in
   * strings.
   */
  private static final class ScriptSafe extends FilterWriter {
    ScriptSafe(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      if (c == '<') {
        out.write("\\u003c");
      } else {
        out.write(c);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(buf[i]);
      }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(s.charAt(i));
      }
    }

    @Override
    public void close() throws IOException {
      flush(); // the page goes on after the data
    }
  }
}
