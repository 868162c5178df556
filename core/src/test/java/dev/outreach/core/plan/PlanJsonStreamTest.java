package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan.Overridden;
import dev.outreach.core.plan.Plan.Suppressed;
import dev.outreach.core.plan.Plan.Warning;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streamed plan JSON is byte for byte the text of the JSON tree, pretty-printed, as it always
 * was.
 */
class PlanJsonStreamTest {
  /** How {@link PlanJson#write(Plan)} worked before it streamed: build the tree, then print it. */
  static String tree(Plan plan) {
    return JsonText.pretty(PlanJson.toJson(plan));
  }

  static final String ODD = "Ñandú \"quoted\" back\\slash tab\t nl\n ctl\u0001 ₹ 🙂 \u2028 हिन्दी";

  /** A hand-made plan with every list full, unicode and escapes everywhere, and experiments. */
  static Plan odd() {
    Plan base = PlanJsonTest.sample();
    Step s = base.steps().get(0);
    Step unicode =
        new Step(
            "s0002",
            s.kind(),
            s.method(),
            s.path(),
            s.notBefore(),
            null,
            Json.createObjectBuilder(s.body())
                .add("note", ODD)
                .add("n", 12345678901L)
                .add("x", 1.5)
                .add(
                    "nested",
                    Json.createArrayBuilder()
                        .add(ODD)
                        .add(true)
                        .addNull()
                        .add(Json.createObjectBuilder()))
                .build(),
            List.of("L1", "लोन-२"),
            List.of(ODD, "rule 🙂"));
    Summary sum = new Summary(7, 2, 1, 1, 3, 2, Map.of(Channel.CALL, 1, Channel.SMS, 1));
    ExperimentResult x =
        new ExperimentResult(
            "tone ₹",
            List.of(
                new ExperimentResult.ArmResult(
                    "champion", 70, 5, 2, 1, 1, 1, Map.of(Channel.CALL, 2)),
                new ExperimentResult.ArmResult("chällenger", 30, 2, 0, 0, 0, 2, Map.of())));
    return new Plan(
        "CAMP ₹ 🙂",
        base.asOf(),
        base.zone(),
        sum,
        List.of(s, unicode),
        List.of(new Suppressed("L3", ODD, "paid ✓")),
        List.of("L4", "L5 ü"),
        List.of(new Overridden("L1", Channel.WHATSAPP, "weak", ODD, "lower priority")),
        List.of(
            new Warning("TIMING_PASSED", "L2", "old", ODD),
            new Warning("NO_RULE", null, null, "nothing"),
            new Warning("W", "L9", null, "")),
        List.of(x, new ExperimentResult("empty", List.of())));
  }

  static Plan empty() {
    Plan base = PlanJsonTest.sample();
    return new Plan(
        "C",
        base.asOf(),
        base.zone(),
        new Summary(0, 0, 0, 0, 0, 0, Map.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static List<Plan> plans() {
    return List.of(
        PlanJsonTest.sample(),
        TamperedPlans.full(),
        odd(),
        empty(),
        PlannerTest.PLANNER.plan(PlannerTest.book(3), PlannerTest.source(), PlannerTest.AS_OF));
  }

  @Test
  void theStreamedTextIsTheTreeTextByteForByte() throws Exception {
    for (Plan plan : plans()) {
      String expected = tree(plan);
      StringWriter w = new StringWriter();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      PlanJson.write(plan, w);
      PlanJson.write(plan, bytes);

      assertThat(PlanJson.write(plan)).isEqualTo(expected);
      assertThat(w.toString()).isEqualTo(expected);
      assertThat(bytes.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
      assertThat(expected).doesNotStartWith("\n").endsWith("}\n");
    }
  }

  @Test
  void theStreamedBytesHashAsTheTextDid() throws Exception {
    for (Plan plan : plans()) {
      MessageDigest streamed = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), streamed)) {
        PlanJson.write(plan, out);
      }

      assertThat(streamed.digest())
          .isEqualTo(
              MessageDigest.getInstance("SHA-256")
                  .digest(tree(plan).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void writingLeavesTheCallersStreamOpenAndFlushed() throws Exception {
    StringBuilder seen = new StringBuilder();
    boolean[] closed = {false};
    java.io.Writer w =
        new java.io.Writer() {
          @Override
          public void write(char[] c, int off, int len) {
            seen.append(c, off, len);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    PlanJson.write(empty(), w);

    assertThat(closed[0]).isFalse();
    assertThat(seen.toString()).isEqualTo(tree(empty()));
  }
}
