package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.internal.JsonText;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.http.execute.PlanExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --format json} streams the plan: on standard output and with {@code --out}, in every
 * mode, the bytes are those of the plan's JSON tree printed as before, and its journal hash is
 * unchanged.
 */
class PlanJsonStreamedTest {
  static final Path SAMPLE = Path.of("../examples/src/main/resources/outreach/sample");

  @TempDir Path dir;

  @Test
  void theSampleInEveryModeIsWrittenByteForByteAsTheTreeWas() throws Exception {
    List<String[]> modes =
        List.of(
            new String[0],
            new String[] {"--filters", "ids"},
            new String[] {"--upload"},
            new String[] {"--policy", "us-reg-f"},
            new String[] {"--policy", "none", "--upload", "--filters", "ids"},
            new String[] {
              "--policy",
              SAMPLE.resolve("policy/policy.json").toString(),
              "--history",
              SAMPLE.resolve("policy/history.csv").toString()
            },
            new String[] {
              "--rules",
              SAMPLE.resolve("experiments").toString(),
              "--experiment",
              "tone=champion:80,challenger:20"
            });
    int i = 0;
    for (String[] mode : modes) {
      Path out = dir.resolve("plan-" + i++ + ".json");
      CliTest.Run stdout = plan(mode);
      CliTest.Run file = plan(concat(mode, "--out", out.toString()));
      assertThat(stdout.code()).as(stdout.err()).isZero();
      assertThat(file.code()).as(file.err()).isZero();
      Plan plan = PlanJson.read(stdout.out());
      String tree = JsonText.pretty(PlanJson.toJson(plan));

      assertThat(stdout.out()).as(Arrays.toString(mode)).isEqualTo(tree);
      assertThat(Files.readAllBytes(out))
          .as(Arrays.toString(mode))
          .isEqualTo(tree.getBytes(StandardCharsets.UTF_8));
      assertThat(PlanExecutor.sha256(plan))
          .isEqualTo(
              HexFormat.of()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256")
                          .digest(tree.getBytes(StandardCharsets.UTF_8))));
    }
  }

  private static CliTest.Run plan(String... more) {
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
                "json",
                "--no-progress"));
    args.addAll(Arrays.asList(more));
    return CliTest.run(args.toArray(new String[0]));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
