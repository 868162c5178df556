package dev.outreach.core.plan;

import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan's JSON as it goes, with one {@link JsonGenerator}: the same bytes as serialising
 * {@link PlanJson#toJson(Plan)} pretty-printed, without building the tree or the text. Id lists and
 * customer lists are written element by element, so a million-customer plan never exists as a
 * String.
 */
final class PlanJsonWriter {
  /**
   * Created once: {@code Json.createGenerator…} would scan the class path for a provider on every
   * call.
   */
  private static final JsonGeneratorFactory PRETTY =
      Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private PlanJsonWriter() {}

  /**
   * Writes {@code plan} to {@code out} (ending with a newline) and flushes it; does not close it.
   */
  static void write(Plan plan, Writer out) throws IOException {
    Unclosed target = new Unclosed(out);
    try (JsonGenerator g = PRETTY.createGenerator(target)) {
      write(plan, g);
    }
    out.write('\n');
    out.flush();
  }

  private static void write(Plan plan, JsonGenerator g) {
    g.writeStartObject()
        .write("campaignId", plan.campaignId())
        .write("asOf", PlanJson.TIME.format(plan.asOf()))
        .write("zone", plan.zone().getId());
    Summary sum = plan.summary();
    g.writeStartObject("summary")
        .write("customers", sum.customers())
        .write("contacted", sum.contacted())
        .write("suppressed", sum.suppressed())
        .write("undecided", sum.undecided())
        .write("dropped", sum.dropped())
        .write("steps", sum.steps());
    g.writeStartObject("byChannel");
    sum.byChannel().forEach((c, n) -> g.write(c.name(), n));
    g.writeEnd().writeEnd();

    g.writeStartArray("steps");
    for (Step s : plan.steps()) {
      g.writeStartObject()
          .write("id", s.id())
          .write("kind", s.kind().name())
          .write("method", s.method())
          .write("path", s.path())
          .write("notBefore", PlanJson.TIME.format(s.notBefore()));
      if (s.notAfter() != null) {
        g.write("notAfter", PlanJson.TIME.format(s.notAfter()));
      }
      g.write("body", s.body());
      strings(g, "customerIds", s.customerIds());
      strings(g, "rules", s.rules());
      g.writeEnd();
    }
    g.writeEnd();

    g.writeStartArray("suppressed");
    for (Suppressed s : plan.suppressed()) {
      g.writeStartObject()
          .write("customerId", s.customerId())
          .write("reason", s.reason())
          .write("rule", s.rule())
          .writeEnd();
    }
    g.writeEnd();
    strings(g, "undecided", plan.undecided());
    g.writeStartArray("overrides");
    for (Overridden o : plan.overrides()) {
      g.writeStartObject()
          .write("customerId", o.customerId())
          .write("channel", o.channel().name())
          .write("rule", o.rule())
          .write("winner", o.winner())
          .write("why", o.why())
          .writeEnd();
    }
    g.writeEnd();
    g.writeStartArray("warnings");
    for (Warning w : plan.warnings()) {
      g.writeStartObject().write("code", w.code());
      if (w.customerId() != null) {
        g.write("customerId", w.customerId());
      }
      if (w.rule() != null) {
        g.write("rule", w.rule());
      }
      g.write("message", w.message()).writeEnd();
    }
    g.writeEnd();
    if (!plan.experiments().isEmpty()) {
      experiments(g, plan.experiments());
    }
    if (!plan.capacity().isEmpty()) {
      g.writeStartArray("capacity");
      for (CapacityDay d : plan.capacity()) {
        g.writeStartObject()
            .write("channel", d.channel().name())
            .write("date", d.date().toString())
            .write("capacity", d.capacity())
            .write("used", d.used())
            .write("movedIn", d.movedIn())
            .write("movedOut", d.movedOut())
            .write("dropped", d.dropped())
            .writeEnd();
      }
      g.writeEnd();
    }
    g.writeEnd();
  }

  private static void experiments(JsonGenerator g, List<ExperimentResult> experiments) {
    g.writeStartArray("experiments");
    for (ExperimentResult x : experiments) {
      g.writeStartObject().write("experiment", x.experiment()).writeStartArray("arms");
      for (ExperimentResult.ArmResult a : x.arms()) {
        g.writeStartObject()
            .write("arm", a.arm())
            .write("weight", a.weight())
            .write("customers", a.customers())
            .write("contacted", a.contacted())
            .write("suppressed", a.suppressed())
            .write("undecided", a.undecided())
            .write("dropped", a.dropped());
        g.writeStartObject("byChannel");
        a.byChannel().forEach((c, n) -> g.write(c.name(), n));
        g.writeEnd().writeEnd();
      }
      g.writeEnd().writeEnd();
    }
    g.writeEnd();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeStartArray(name);
    for (String v : values) {
      g.write(v);
    }
    g.writeEnd();
  }

  /**
   * The caller's writer, which closing the generator must not close; it also drops the newline
   * Parsson's pretty printer puts before the first value, so the text begins with the value as
   * {@code JsonText.pretty}.
   */
  private static final class Unclosed extends FilterWriter {
    private boolean started;

    Unclosed(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      if (started || c != '\n') {
        out.write(c);
      }
      started = true;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      if (!started && len > 0) {
        started = true;
        if (cbuf[off] == '\n') {
          off++;
          len--;
        }
      }
      out.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      if (!started && len > 0) {
        started = true;
        if (str.charAt(off) == '\n') {
          off++;
          len--;
        }
      }
      out.write(str, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
