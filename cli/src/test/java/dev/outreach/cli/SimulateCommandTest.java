package dev.outreach.cli;

import static dev.outreach.cli.CliTest.PORTFOLIO;
import static dev.outreach.cli.CliTest.RULES;
import static dev.outreach.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outreach simulate}: two strategies over days, the same bytes for the same seed. */
class SimulateCommandTest {
  static final String MODEL =
      "{ \"seed\": 11, \"channels\": {\n"
          + "  \"CALL\": {\"answer\": 0.5, \"promise\": 0.4, \"keep\": 0.6, \"pay\": 0.05,"
          + " \"payWithinDays\": 2, \"cost\": 2.5},\n"
          + "  \"SMS\": {\"answer\": 0.1, \"promise\": 0.2, \"keep\": 0.5, \"pay\": 0.05,"
          + " \"payWithinDays\": 2, \"cost\": 0.25},\n"
          + "  \"WHATSAPP\": {\"answer\": 0.3, \"promise\": 0.3, \"keep\": 0.6, \"pay\": 0.06,"
          + " \"payWithinDays\": 2, \"cost\": 0.6} } }";

  /** The challenger: pending customers due soon get WhatsApp rather than SMS. */
  static final String CHALLENGER =
      "package challenger\n"
          + "import dev.outreach.core.Customer;\n"
          + "import dev.outreach.rules.Decision;\n"
          + "rule \"Challenger: WhatsApp for every pending customer\" salience 50 when\n"
          + "  $c : Customer( paymentStatus == \"pending\" )\n"
          + "then insert( Decision.whatsapp($c).template(\"tpl_wa\").priority(5) ); end\n";

  @TempDir Path dir;

  String[] args(Path out, Path store) {
    return new String[] {
      "simulate",
      "--rules",
      RULES.toString(),
      "--rules",
      dir.resolve("challenger").toString(),
      "--base-rules",
      RULES.toString(),
      "--customers",
      PORTFOLIO.toString(),
      "--campaign",
      "CAMP-1",
      "--as-of",
      "2025-08-05T09:00:00+05:30",
      "--zone",
      "Asia/Kolkata",
      "--policy",
      "rbi",
      "--days",
      "4",
      "--response",
      dir.resolve("model.json").toString(),
      "--out",
      out.toString(),
      "--store",
      store.toString()
    };
  }

  @Test
  void championAndChallengerRunSideBySideAndPaidCustomersAreNeverContactedAgain() throws Exception {
    Files.createDirectories(dir.resolve("challenger"));
    Files.writeString(dir.resolve("challenger/c.drl"), CHALLENGER, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("model.json"), MODEL, StandardCharsets.UTF_8);

    CliTest.Run first = run(args(dir.resolve("a.html"), dir.resolve("store-a")));
    CliTest.Run second = run(args(dir.resolve("b.html"), dir.resolve("store-b")));

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("base (champion):", "changed (challenger):");
    String page = Files.readString(dir.resolve("a.html"));
    assertThat(page)
        .contains(
            "Strategies side by side",
            "customers paid",
            "promises broken",
            "cost per customer paid")
        .contains("base (champion): each day", "2025-08-08");
    assertThat(Files.readString(dir.resolve("b.html"))).isEqualTo(page); // same seed, same bytes
    assertThat(second.out()).isEqualTo(first.out());
    String[] lines = first.out().split("\n");
    assertThat(lines[0].replace("base (champion)", "x"))
        .isNotEqualTo(lines[1].replace("changed (challenger)", "x"));

    // Independently of the report: from each store, a customer whose payment came in is never in a
    // later day's plan, and nobody is in one day's plan twice on a channel.
    for (String strategy : List.of("strategy-1", "strategy-2")) {
      Path store = dir.resolve("store-a").resolve(strategy);
      Map<String, LocalDate> paidOn = new HashMap<>();
      try (Stream<Path> feeds = Files.list(store.resolve("feeds"))) {
        for (Path f : feeds.toList()) {
          for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] cells = l.split(",");
            if (cells.length > 3 && cells[3].equals("paid")) {
              paidOn.merge(
                  cells[0],
                  java.time.OffsetDateTime.parse(cells[2]).toLocalDate(),
                  (x, y) -> x.isBefore(y) ? x : y);
            }
          }
        }
      }
      assertThat(paidOn).isNotEmpty();
      try (Stream<Path> runs = Files.list(store.resolve("runs"))) {
        for (Path r : runs.sorted().toList()) {
          Plan plan = PlanJson.read(Files.readString(r.resolve("plan.json")));
          LocalDate day = plan.asOf().toLocalDate();
          Map<String, Integer> seen = new HashMap<>();
          for (Step s : plan.steps()) {
            for (String id : s.customerIds()) {
              LocalDate paid = paidOn.get(id);
              assertThat(paid == null || !paid.isBefore(day))
                  .as(id + " paid on " + paid + " but planned on " + day)
                  .isTrue();
              assertThat(seen.merge(id + s.kind(), 1, Integer::sum)).isEqualTo(1);
            }
          }
        }
      }
    }
  }

  @Test
  void aBadResponseModelIsNamedKeyByKey() throws Exception {
    Files.writeString(
        dir.resolve("model.json"),
        "{ \"seed\": 1.5, \"channels\": { \"FAX\": {}, \"CALL\": {\"answer\": 2, \"colour\": 1} } }",
        StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("challenger"));
    Files.writeString(dir.resolve("challenger/c.drl"), CHALLENGER, StandardCharsets.UTF_8);
    CliTest.Run r = run(args(dir.resolve("x.html"), dir.resolve("store-x")));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("model.json")
        .contains("seed: expected a whole number")
        .contains("channels.FAX: not a channel")
        .contains("channels.CALL.answer: expected a number from 0 to 1")
        .contains("channels.CALL.colour: unknown key");
    assertThat(dir.resolve("x.html")).doesNotExist();
  }
}
