package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code outreach execute} in a child JVM whose JDK HTTP client would print request headers (and so
 * the token): it refuses before sending anything, names the property, and the token is in no
 * output.
 */
class JdkLoggingCliTest {
  static final String TOKEN = "log-S3cret-token-9191";

  @TempDir Path dir;

  record Ran(int code, String out, String err) {}

  Ran execute(SandboxServer sandbox, Path plan, String jvmOption, String jdkJavaOptions)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path")));
    if (jvmOption != null) {
      cmd.add(jvmOption);
    }
    cmd.addAll(
        List.of(
            Main.class.getName(),
            "execute",
            plan.toString(),
            "--base-url",
            sandbox.uri().toString(),
            "--token-env",
            "OUTREACH_TOKEN",
            "--journal",
            dir.resolve("j").toString(),
            "--rate",
            "0",
            "--now"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OUTREACH_TOKEN", TOKEN);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    if (jdkJavaOptions != null) {
      pb.environment().put("JDK_JAVA_OPTIONS", jdkJavaOptions);
    } else {
      pb.environment().remove("JDK_JAVA_OPTIONS");
    }
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile()); // files: a chatty child never blocks on a pipe
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Ran(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aLoggingConfigurationAloneCannotMakeTheJdkClientPrintTheToken() throws Exception {
    Path config = dir.resolve("logging.properties");
    Files.writeString(
        config,
        "handlers=java.util.logging.ConsoleHandler\n.level=ALL\n"
            + "java.util.logging.ConsoleHandler.level=ALL\njdk.httpclient.HttpClient.level=ALL\n");
    Path plan = ExecutePlans.write(ExecutePlans.sms(2), dir.resolve("plan.json"));
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 2)) {
      Ran r = execute(sandbox, plan, "-Djava.util.logging.config.file=" + config, null);

      assertThat(r.code()).as(r.out() + r.err()).isZero();
      assertThat(r.out() + r.err()).doesNotContain(TOKEN);
      assertThat(sandbox.received()).hasSize(2);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "-Djdk.httpclient.HttpClient.log=headers | - | jdk.httpclient.HttpClient.log=headers",
        "-Djdk.httpclient.HttpClient.log=errors,ALL | - | jdk.httpclient.HttpClient.log=errors,ALL",
        "- | -Djdk.httpclient.HttpClient.log=headers | jdk.httpclient.HttpClient.log=headers",
        "-Djdk.internal.httpclient.debug=true | - | jdk.internal.httpclient.debug=true"
      })
  void executeRefusesWhileTheJdkWouldPrintTheToken(
      String option, String jdkJavaOptions, String named) throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(2), dir.resolve("plan.json"));
    try (SandboxServer sandbox = ExecutePlans.sandbox(TOKEN, 2)) {
      Ran r = execute(sandbox, plan, option, jdkJavaOptions);

      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExecuteCommand.USAGE);
      assertThat(r.err()).contains("refusing to send", named, "token");
      assertThat(r.out() + r.err()).doesNotContain(TOKEN).doesNotContain("Bearer");
      assertThat(sandbox.received()).isEmpty();
      assertThat(dir.resolve("j")).doesNotExist();
    }
  }
}
