package dev.outreach.report.explain;

import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.CustomerMoney;
import dev.outreach.report.money.MoneyFormat;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An {@link Explanation} as JSON, for tools: the same facts as the text, keys in a fixed order. */
public final class ExplainJson {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private ExplainJson() {}

  private static java.math.BigDecimal plain(java.math.BigDecimal b) {
    return b.scale() < 0 ? b.setScale(0) : b;
  }

  private static JsonObjectBuilder money(Explanation e, MoneyFormat format, Buckets buckets) {
    JsonObjectBuilder m =
        Json.createObjectBuilder()
            .add("currency", format.toString())
            .add("emi", plain(CustomerMoney.emi(e.customer())));
    java.math.BigDecimal overdue = CustomerMoney.overdue(e.customer());
    if (overdue != null) {
      m.add("overdue", plain(overdue));
    }
    Integer dpd = ExplainText.daysPastDue(e);
    if (dpd != null) {
      m.add("daysPastDue", dpd);
    }
    return m.add("bucket", buckets.label(dpd));
  }

  /** Pretty-printed JSON text. */
  public static String write(Explanation e) {
    return JsonText.pretty(toJson(e));
  }

  /** Pretty-printed JSON text, with the customer's money bucketed by {@code buckets}. */
  public static String write(Explanation e, MoneyFormat format, Buckets buckets) {
    return JsonText.pretty(toJson(e, format, buckets));
  }

  /** The explanation as a JSON object. */
  public static JsonObject toJson(Explanation e) {
    return toJson(e, MoneyFormat.forZone(e.plan().zone()), Buckets.DEFAULT);
  }

  /**
   * The explanation as a JSON object; {@code money} holds the customer's {@code emi}, {@code
   * overdue} (when given), {@code daysPastDue} (absent when unknown) and {@code bucket}.
   */
  public static JsonObject toJson(Explanation e, MoneyFormat format, Buckets buckets) {
    JsonObjectBuilder customer = Json.createObjectBuilder().add("loan_id", e.customer().loanId());
    Describe.fields(e.customer()).forEach(customer::add);
    JsonArrayBuilder fired = Json.createArrayBuilder();
    e.firedRules().forEach(fired::add);
    JsonArrayBuilder decisions = Json.createArrayBuilder();
    for (DecisionFate f : e.decisions()) {
      JsonObjectBuilder d = Json.createObjectBuilder().add("rule", f.decision().rule());
      if (f.decision() instanceof Suppression) {
        d.add("decision", "SUPPRESS").add("reason", ((Suppression) f.decision()).reason());
      } else {
        Contact c = (Contact) f.decision();
        d.add("decision", c.channel().name())
            .add("target", Describe.target(c))
            .add("timing", Describe.timing(c.timing()))
            .add("priority", c.priority());
      }
      d.add("fate", f.fate().name());
      if (f.why() != null) d.add("why", f.why());
      if (f.otherRule() != null) d.add("winner", f.otherRule());
      if (f.step() != null) d.add("step", f.step().id());
      decisions.add(d);
    }
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (Step s : e.steps()) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("id", s.id())
              .add("kind", s.kind().name())
              .add("method", s.method())
              .add("path", s.path())
              .add("notBefore", TIME.format(s.notBefore()));
      if (s.notAfter() != null) o.add("notAfter", TIME.format(s.notAfter()));
      steps.add(o.add("customers", s.customerIds().size()).add("contacts", s.kind().contacts()));
    }
    JsonArrayBuilder warnings = Json.createArrayBuilder();
    for (Plan.Warning w : e.warnings()) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("code", w.code());
      if (w.rule() != null) o.add("rule", w.rule());
      warnings.add(o.add("message", w.message()));
    }
    JsonObjectBuilder root =
        Json.createObjectBuilder()
            .add("customerId", e.customer().loanId())
            .add("status", e.status().name())
            .add("summary", ExplainText.verdict(e))
            .add("campaignId", e.plan().campaignId())
            .add("asOf", TIME.format(e.plan().asOf()))
            .add("zone", e.plan().zone().getId())
            .add("customerZone", e.zone().getId())
            .add("customer", customer)
            .add("money", money(e, format, buckets))
            .add("firedRules", fired)
            .add("decisions", decisions)
            .add("steps", steps);
    e.suppression()
        .ifPresent(
            s ->
                root.add(
                    "suppression",
                    Json.createObjectBuilder().add("reason", s.reason()).add("rule", s.rule())));
    return root.add("warnings", warnings).build();
  }
}
