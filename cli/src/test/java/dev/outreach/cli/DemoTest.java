package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.internal.JsonText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  @TempDir Path dir;

  @Test
  void theDemoPlansExecutesAgainstTheSandboxAndVerifiesWhatWasInitiated() throws Exception {
    Path plan = dir.resolve("demo-plan.json");

    CliTest.Run r = CliTest.run("demo", "--out", plan.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("Verified against the sandbox")
        .doesNotContain("MISMATCH")
        .contains("outreach.http.requests")
        .contains("outreach.customers.initiated");
    assertThat(r.out()).doesNotContainPattern("\\+91\\d{10}");
    assertThat(
            JsonText.parseObject(Files.readString(plan))
                .getJsonObject("summary")
                .getInt("customers"))
        .isEqualTo(3_000);
  }
}
