package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that cannot be read or parsed stop {@code outreach} with exit status 1 and a message in
 * plain words.
 */
class RuleInputErrorsTest {
  @TempDir Path dir;

  Run plan(String rules) {
    return CliTest.run(
        "plan", "--rules", rules, "--customers", CliTest.PORTFOLIO.toString(), "--campaign", "C1");
  }

  @Test
  void aSyntaxErrorNamesFileLineAndColumnInPlainWords() throws Exception {
    Path drl = dir.resolve("broken.drl");
    Files.writeString(
        drl,
        "import dev.outreach.core.Customer;\n\nrule \"broken\"\nwhen\n"
            + "  $c : Customer( paymentStatus = \"paid\" )\nthen\nend\n");

    Run r = plan(drl.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            drl
                + ":5:32: error: syntax error in rule \"broken\": unexpected \"=\": compare with"
                + " \"==\"")
        .doesNotContain("ERR 102", "mismatched");
  }

  @Test
  void aClasspathFolderOrNothingIsNamedForWhatItIs() {
    Run folder = plan("classpath:outreach/sample/rules");
    Run nothing = plan("classpath:");
    Run missing = plan("classpath:outreach/sample/rules/99-none.drl");

    assertThat(folder.code()).isEqualTo(1);
    assertThat(folder.err())
        .contains("classpath:outreach/sample/rules: is a folder on the classpath")
        .contains("classpath:outreach/sample/rules/NAME.drl");
    assertThat(nothing.code()).isEqualTo(1);
    assertThat(nothing.err()).contains("classpath:: names no resource; write classpath:NAME");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .contains("classpath:outreach/sample/rules/99-none.drl: no such resource on the classpath");
  }
}
