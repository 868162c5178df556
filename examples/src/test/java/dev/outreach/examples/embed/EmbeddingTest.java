package dev.outreach.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.http.execute.ExecutionReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingTest {
  @TempDir Path out;

  @Test
  void plansReportsAndExecutesTheSampleFromJavaReachingEveryPlannedCustomerOnce() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    ExecutionReport report = Embedding.run(out, new PrintStream(log, true, StandardCharsets.UTF_8));

    Plan plan = PlanJson.read(Files.readString(out.resolve("plan.json")));
    assertThat(report.allDone()).isTrue();
    assertThat(report.steps()).hasSize(plan.steps().size());
    int planned = plan.summary().byChannel().values().stream().mapToInt(Integer::intValue).sum();
    int initiated =
        report.byChannel().values().stream()
            .mapToInt(ExecutionReport.ChannelTotals::initiated)
            .sum();
    assertThat(planned).isPositive();
    assertThat(initiated).isEqualTo(planned);
    assertThat(Files.readString(out.resolve("report.txt"))).contains(plan.campaignId());
    assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>");
    assertThat(Files.readAllLines(out.resolve("journal.jsonl")))
        .hasSizeGreaterThan(plan.steps().size());
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Planned " + plan.steps().size() + " requests")
        .contains("the sandbox initiated " + planned + " contacts");
  }
}
