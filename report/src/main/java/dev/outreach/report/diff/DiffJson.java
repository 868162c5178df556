package dev.outreach.report.diff;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Summary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** A {@link PlanDiff} as JSON, every changed customer included; keys in a fixed order. */
public final class DiffJson {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private DiffJson() {}

  /** Pretty-printed JSON text. */
  public static String write(PlanDiff d) {
    return JsonText.pretty(toJson(d));
  }

  /** Pretty-printed JSON text, with {@code money} ({@code null}: none). */
  public static String write(PlanDiff d, DiffMoney money) {
    return JsonText.pretty(toJson(d, money));
  }

  /** The diff as a JSON object. */
  public static JsonObject toJson(PlanDiff d) {
    return toJson(d, null);
  }

  /**
   * The diff as a JSON object; with {@code money}, each plan gains {@code money} (its {@link
   * dev.outreach.report.MoneySummary#toJson}) and the root {@code moneyByKind} (the customers of
   * each kind of change with their EMI).
   */
  public static JsonObject toJson(PlanDiff d, DiffMoney money) {
    JsonObjectBuilder counts = Json.createObjectBuilder();
    d.counts().forEach((k, n) -> counts.add(k.name(), n));
    JsonArrayBuilder moves = Json.createArrayBuilder();
    for (Map.Entry<String, Integer> m : d.transitions()) {
      String[] fromTo = m.getKey().split(" -> ");
      moves.add(
          Json.createObjectBuilder()
              .add("from", fromTo[0])
              .add("to", fromTo[1])
              .add("customers", m.getValue()));
    }
    JsonArrayBuilder changes = Json.createArrayBuilder();
    for (Change c : d.changes()) {
      changes.add(
          Json.createObjectBuilder()
              .add("customerId", c.customerId())
              .add("kind", c.kind().name())
              .add("before", side(c.before()))
              .add("after", side(c.after())));
    }
    JsonObjectBuilder root =
        Json.createObjectBuilder()
            .add("campaignId", d.changed().campaignId())
            .add("asOf", TIME.format(d.changed().asOf()))
            .add("zone", d.changed().zone().getId())
            .add("base", withMoney(plan(d.baseLabel(), d.base().summary()), money, true))
            .add("changed", withMoney(plan(d.changedLabel(), d.changed().summary()), money, false))
            .add("customersChanged", d.changes().size())
            .add("counts", counts);
    if (money != null) {
      root.add("moneyByKind", byKind(money));
    }
    return root.add("transitions", moves).add("changes", changes).build();
  }

  private static JsonObjectBuilder withMoney(JsonObjectBuilder o, DiffMoney m, boolean base) {
    return m == null ? o : o.add("money", (base ? m.base() : m.changed()).toJson());
  }

  private static JsonObjectBuilder byKind(DiffMoney m) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    if (m != null) {
      m.byKind().forEach((k, t) -> o.add(k.name(), m.changed().json(t)));
    }
    return o;
  }

  private static JsonObjectBuilder plan(String label, Summary s) {
    JsonObjectBuilder ch = Json.createObjectBuilder();
    for (Channel c : Channel.values()) {
      ch.add(c.name(), s.byChannel().get(c));
    }
    return Json.createObjectBuilder()
        .add("label", label)
        .add(
            "summary",
            Json.createObjectBuilder()
                .add("customers", s.customers())
                .add("contacted", s.contacted())
                .add("suppressed", s.suppressed())
                .add("undecided", s.undecided())
                .add("dropped", s.dropped())
                .add("steps", s.steps())
                .add("byChannel", ch));
  }

  private static JsonObjectBuilder side(Side s) {
    JsonObjectBuilder o =
        Json.createObjectBuilder().add("status", s.status() == null ? "NONE" : s.status().name());
    if (!s.contacts().isEmpty()) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      for (Side.Reach r : s.contacts()) {
        JsonObjectBuilder x =
            Json.createObjectBuilder()
                .add("channel", r.channel().name())
                .add("step", r.stepId())
                .add("notBefore", TIME.format(r.notBefore()));
        if (r.notAfter() != null) {
          x.add("notAfter", TIME.format(r.notAfter()));
        }
        a.add(x.add("target", r.target()));
      }
      o.add("contacts", a);
    }
    if (s.reason() != null) {
      o.add("reason", s.reason());
    }
    return o;
  }
}
