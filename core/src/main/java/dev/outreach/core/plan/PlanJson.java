package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The plan's JSON form (DESIGN.md "The plan"), a stable public format: {@link #write(Plan)} gives
 * the same bytes for the same plan, and {@link #read(String)} reads it back.
 */
public final class PlanJson {
  /** Timestamps always carry seconds and an offset, e.g. {@code 2025-08-05T09:00:00+05:30}. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private PlanJson() {}

  /**
   * The plan as pretty-printed JSON text ending in a newline. For a large plan prefer {@link
   * #write(Plan, Writer)} or {@link #write(Plan, OutputStream)}, which never hold the text.
   */
  public static String write(Plan plan) {
    StringWriter out = new StringWriter();
    try {
      PlanJsonWriter.write(plan, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Streams the text of {@link #write(Plan)} to {@code out}, writing as it goes (id and customer
   * lists element by element), then flushes {@code out}; does not close it. Give it a buffered
   * writer.
   */
  public static void write(Plan plan, Writer out) throws IOException {
    PlanJsonWriter.write(plan, out);
  }

  /**
   * Streams the UTF-8 bytes of {@link #write(Plan)} to {@code out}, then flushes it; does not close
   * it. Hash a plan by passing a {@link java.security.DigestOutputStream}.
   */
  public static void write(Plan plan, OutputStream out) throws IOException {
    PlanJsonWriter.write(plan, new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /**
   * The plan as a JSON object: the same JSON as {@link #write(Plan)}, built in memory (a
   * million-customer plan's tree is several times its text; write large plans with {@link
   * #write(Plan, Writer)}).
   */
  public static JsonObject toJson(Plan plan) {
    JsonObjectBuilder summary =
        Json.createObjectBuilder()
            .add("customers", plan.summary().customers())
            .add("contacted", plan.summary().contacted())
            .add("suppressed", plan.summary().suppressed())
            .add("undecided", plan.summary().undecided())
            .add("dropped", plan.summary().dropped())
            .add("steps", plan.summary().steps());
    JsonObjectBuilder byChannel = Json.createObjectBuilder();
    plan.summary().byChannel().forEach((c, n) -> byChannel.add(c.name(), n));
    summary.add("byChannel", byChannel);

    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (Step s : plan.steps()) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("id", s.id())
              .add("kind", s.kind().name())
              .add("method", s.method())
              .add("path", s.path())
              .add("notBefore", TIME.format(s.notBefore()));
      if (s.notAfter() != null) {
        o.add("notAfter", TIME.format(s.notAfter()));
      }
      o.add("body", s.body())
          .add("customerIds", strings(s.customerIds()))
          .add("rules", strings(s.rules()));
      steps.add(o);
    }
    JsonArrayBuilder suppressed = Json.createArrayBuilder();
    for (Suppressed s : plan.suppressed()) {
      suppressed.add(
          Json.createObjectBuilder()
              .add("customerId", s.customerId())
              .add("reason", s.reason())
              .add("rule", s.rule()));
    }
    JsonArrayBuilder overrides = Json.createArrayBuilder();
    for (Overridden o : plan.overrides()) {
      overrides.add(
          Json.createObjectBuilder()
              .add("customerId", o.customerId())
              .add("channel", o.channel().name())
              .add("rule", o.rule())
              .add("winner", o.winner())
              .add("why", o.why()));
    }
    JsonArrayBuilder warnings = Json.createArrayBuilder();
    for (Warning w : plan.warnings()) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("code", w.code());
      if (w.customerId() != null) o.add("customerId", w.customerId());
      if (w.rule() != null) o.add("rule", w.rule());
      warnings.add(o.add("message", w.message()));
    }
    JsonObjectBuilder root =
        Json.createObjectBuilder()
            .add("campaignId", plan.campaignId())
            .add("asOf", TIME.format(plan.asOf()))
            .add("zone", plan.zone().getId())
            .add("summary", summary)
            .add("steps", steps)
            .add("suppressed", suppressed)
            .add("undecided", strings(plan.undecided()))
            .add("overrides", overrides)
            .add("warnings", warnings);
    if (!plan.experiments().isEmpty()) {
      JsonArrayBuilder xs = Json.createArrayBuilder();
      for (ExperimentResult x : plan.experiments()) {
        JsonArrayBuilder arms = Json.createArrayBuilder();
        for (ExperimentResult.ArmResult a : x.arms()) {
          JsonObjectBuilder ch = Json.createObjectBuilder();
          a.byChannel().forEach((c, n) -> ch.add(c.name(), n));
          arms.add(
              Json.createObjectBuilder()
                  .add("arm", a.arm())
                  .add("weight", a.weight())
                  .add("customers", a.customers())
                  .add("contacted", a.contacted())
                  .add("suppressed", a.suppressed())
                  .add("undecided", a.undecided())
                  .add("dropped", a.dropped())
                  .add("byChannel", ch));
        }
        xs.add(Json.createObjectBuilder().add("experiment", x.experiment()).add("arms", arms));
      }
      root.add("experiments", xs);
    }
    if (!plan.capacity().isEmpty()) {
      JsonArrayBuilder days = Json.createArrayBuilder();
      for (CapacityDay d : plan.capacity()) {
        days.add(
            Json.createObjectBuilder()
                .add("channel", d.channel().name())
                .add("date", d.date().toString())
                .add("capacity", d.capacity())
                .add("used", d.used())
                .add("movedIn", d.movedIn())
                .add("movedOut", d.movedOut())
                .add("dropped", d.dropped()));
      }
      root.add("capacity", days);
    }
    return root.build();
  }

  /**
   * Reads a plan written by {@link #write(Plan)}. Reading checks the form (fields present, of their
   * types, times and kinds readable, no unknown step fields); {@link PlanValidation} checks what
   * the plan would send, and the executor runs it before sending anything.
   *
   * @throws InvalidPlanException naming every field (e.g. {@code steps[3].notBefore}) that is
   *     missing or malformed, and what {@link PlanValidation} finds in the steps that could be read
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static Plan read(String text) {
    return PlanReader.read(JsonText.parseObject(text));
  }

  private static JsonArray strings(List<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a.build();
  }

  static OffsetDateTime time(String s) {
    return OffsetDateTime.parse(s, TIME);
  }

  static ZoneId zone(String s) {
    return ZoneId.of(s);
  }

  static Channel channel(String s) {
    return Channel.valueOf(s);
  }
}
