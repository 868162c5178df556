package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.PlanValidation;
import dev.outreach.core.plan.StepKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plan the planner writes for the sample passes the validator the executor runs before
 * sending.
 */
class SamplePlansValidateTest {
  @TempDir Path dir;

  static Plan plan(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--rules",
                CliTest.RULES.toString(),
                "--customers",
                CliTest.PORTFOLIO.toString(),
                "--campaign",
                "CAMP-DEMO-2025-08",
                "--as-of",
                "2025-08-05T09:00:00+05:30",
                "--zone",
                "Asia/Kolkata",
                "--format",
                "json"));
    args.addAll(Arrays.asList(more));
    CliTest.Run r = CliTest.run(args.toArray(new String[0]));
    assertThat(r.code()).as(r.err()).isZero();
    return PlanJson.read(r.out());
  }

  @Test
  void theSamplePlannedInEveryModePassesTheValidator() {
    for (String[] options :
        List.of(
            new String[0],
            new String[] {"--filters", "ids"},
            new String[] {"--upload"},
            new String[] {"--policy", "us-reg-f"},
            new String[] {"--policy", "none", "--upload", "--filters", "ids"})) {
      Plan plan = plan(options);

      assertThat(plan.steps()).as(Arrays.toString(options)).isNotEmpty();
      assertThat(PlanValidation.problems(plan)).as(Arrays.toString(options)).isEmpty();
    }
  }

  @Test
  void theSampleWithUploadsHasUploadStepsAndStillPasses() {
    Plan plan = plan("--upload");

    assertThat(plan.steps())
        .extracting(s -> s.kind())
        .contains(
            StepKind.BULK_ADD_CUSTOMERS,
            StepKind.INITIATE_CALLS,
            StepKind.INITIATE_SMS,
            StepKind.INITIATE_WHATSAPP);
    assertThat(PlanValidation.problems(plan)).isEmpty();
  }

  @Test
  void theDemoPlanPassesTheValidator() throws Exception {
    Path out = dir.resolve("demo-plan.json");
    CliTest.Run r = CliTest.run("demo", "--out", out.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(PlanValidation.problems(PlanJson.read(Files.readString(out)))).isEmpty();
  }
}
