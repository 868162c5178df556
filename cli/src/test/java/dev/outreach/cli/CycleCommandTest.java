package dev.outreach.cli;

import static dev.outreach.cli.CliTest.PORTFOLIO;
import static dev.outreach.cli.CliTest.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Channel;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.sandbox.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outreach cycle} against the sandbox, as a morning job runs it. */
class CycleCommandTest {
  static final String TOKEN = "cycle-cli-token-0123456789";
  static final Map<String, String> ENV = Map.of("OUTREACH_TOKEN", TOKEN);

  @TempDir Path dir;

  static CliTest.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ENV);
    return new CliTest.Run(code, out.toString(), err.toString());
  }

  String[] args(SandboxServer sandbox, String asOf, String... more) {
    String[] common = {
      "cycle",
      "--store",
      dir.resolve("store").toString(),
      "--rules",
      RULES.toString(),
      "--customers",
      PORTFOLIO.toString(),
      "--campaign",
      "CAMP-1",
      "--as-of",
      asOf,
      "--zone",
      "Asia/Kolkata",
      "--base-url",
      sandbox.uri().toString(),
      "--token-env",
      "OUTREACH_TOKEN",
      "--now"
    };
    return CliTest.concat(common, more);
  }

  @Test
  void twoRunsOnADayReachEachCustomerOnceAndTheStoreKeepsEveryRun() throws Exception {
    try (SandboxServer sandbox =
        SandboxServer.builder()
            .token(TOKEN)
            .campaign("CAMP-1", PortfolioReader.read(PORTFOLIO))
            .start()) {
      CliTest.Run first = run(args(sandbox, "2025-08-05T09:00:00+05:30"));
      assertThat(first.code()).as(first.err() + first.out()).isZero();
      assertThat(first.out()).contains("0 attempts in the history");
      Map<String, Long> calls = sandbox.contactCounts(Channel.CALL);
      Map<String, Long> sms = sandbox.contactCounts(Channel.SMS);
      assertThat(calls).isNotEmpty();
      assertThat(calls.values()).containsOnly(1L);

      Path feed = dir.resolve("dispositions.csv");
      Files.writeString(
          feed,
          "loan_id,channel,timestamp,outcome\nLOAN-2025-00002,CALL,2025-08-05T11:00:00+05:30,no_answer\n",
          StandardCharsets.UTF_8);
      int before = sandbox.received().size();
      CliTest.Run again =
          run(args(sandbox, "2025-08-05T12:00:00+05:30", "--outcomes", feed.toString()));
      assertThat(again.code()).as(again.err() + again.out()).isZero();
      assertThat(again.err()).contains("dispositions.csv: imported");
      assertThat(sandbox.received()).hasSize(before);
      assertThat(sandbox.contactCounts(Channel.CALL)).isEqualTo(calls);
      assertThat(sandbox.contactCounts(Channel.SMS)).isEqualTo(sms);
      try (var runs = Files.list(dir.resolve("store/runs"))) {
        assertThat(runs.count()).isEqualTo(2);
      }
    }
  }

  @Test
  void usageErrorsExitTwoAndSendNothing() throws Exception {
    try (SandboxServer sandbox = SandboxServer.builder().token(TOKEN).start()) {
      CliTest.Run history =
          run(args(sandbox, "2025-08-05T09:00:00+05:30", "--history", PORTFOLIO.toString()));
      assertThat(history.code()).isEqualTo(2);
      assertThat(history.err()).contains("--history", "--outcomes");
      CliTest.Run noToken =
          run(
              CliTest.concat(
                  args(sandbox, "2025-08-05T09:00:00+05:30"),
                  new String[] {"--token-env", "NOT_SET_ANYWHERE"}));
      assertThat(noToken.code()).isEqualTo(2);
      String[] mysql = args(sandbox, "2025-08-05T09:00:00+05:30");
      mysql[java.util.Arrays.asList(mysql).indexOf("--store") + 1] = "jdbc:mysql://db/outreach";
      CliTest.Run other = run(mysql);
      assertThat(other.code()).isEqualTo(2);
      assertThat(other.err()).contains("--store", "jdbc:postgresql://");
      assertThat(sandbox.received()).isEmpty();
    }
  }
}
