package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code outreach sandbox} as a user runs it: a child JVM that serves until it is stopped. */
@Timeout(60)
class SandboxCommandTest {
  static final String AGENT = "3f0c1d2e-0000-4000-8000-000000000001";
  static final String FOLDER = "9b1d0000-0000-4000-8000-000000000001";

  @TempDir Path dir;

  /** The sandbox in a child JVM, with its standard output read line by line. */
  static final class Child implements AutoCloseable {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Child(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                  }
                } catch (java.io.IOException e) {
                  // the child is gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String line() throws InterruptedException {
      String line = lines.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("a line from the sandbox").isNotNull();
      return line;
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  static Child start(String tokenVariable, String token, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "sandbox"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove(SandboxCommand.DEFAULT_TOKEN_ENV);
    if (tokenVariable != null) {
      pb.environment().put(tokenVariable, token);
    }
    return new Child(pb.start());
  }

  static HttpResponse<String> send(String method, String uri, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheCampaignAndBatchCallsUntilStoppedThenClosesCleanly() throws Exception {
    Path folder = dir.resolve("folder.txt");
    Files.writeString(folder, "# today's bounced\nL1\n\nL2\n");
    try (Child child =
        start(
            "SANDBOX_TEST_TOKEN",
            "from-the-env",
            "--port",
            "0",
            "--token-env",
            "SANDBOX_TEST_TOKEN",
            "--campaign",
            "CAMP",
            "--customers",
            CliTest.PORTFOLIO.toString(),
            "--agent",
            AGENT,
            "--folder",
            FOLDER + "=" + folder,
            "--latency",
            "5ms")) {
      String listening = child.line();
      assertThat(listening).matches("sandbox listening on http://127\\.0\\.0\\.1:\\d+");
      String base = listening.substring("sandbox listening on ".length());
      assertThat(child.line()).isEqualTo("campaign CAMP: 3000 customers");
      assertThat(child.line()).startsWith("1 agent(s), 1 contact folder(s); latency 5 ms");

      HttpResponse<String> sms =
          send(
              "POST",
              base + "/api/v1/initiate/CAMP/sms",
              "from-the-env",
              "{\"templateId\":\"t\",\"filters\":{\"payment_status\":\"bounced\"}}");
      assertThat(sms.statusCode()).as(sms.body()).isEqualTo(200);
      assertThat(JsonText.parseObject(sms.body()).getJsonObject("results").getInt("initiated"))
          .isPositive();
      HttpResponse<String> created =
          send(
              "POST",
              base + "/api/v1/batch-calls",
              "from-the-env",
              "{\"name\":\"b\",\"agent_id\":\""
                  + AGENT
                  + "\",\"contact_source\":\"folder\",\"contact_folder_id\":\""
                  + FOLDER
                  + "\"}");
      JsonObject batch = JsonText.parseObject(created.body()).getJsonObject("data");
      assertThat(batch.getInt("contacts_count")).isEqualTo(2);
      HttpResponse<String> scheduled =
          send(
              "POST",
              base + "/api/v1/batch-calls/" + batch.getString("id") + "/schedule",
              "from-the-env",
              "{}");
      assertThat(JsonText.parseObject(scheduled.body()).getJsonObject("data").getString("status"))
          .isEqualTo("active");

      // SIGTERM, as a service manager sends (Ctrl-C's SIGINT runs the same shutdown hooks). Through
      // the
      // ProcessHandle: Process.destroy() would also close our end of the child's output.
      assertThat(child.process.toHandle().destroy()).isTrue();
      assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(child.line()).isEqualTo("sandbox stopped");
    }
  }

  @Test
  void withoutATokenInTheEnvironmentItMakesOneAndPrintsItOnce() throws Exception {
    try (Child child = start(null, null, "--port", "0")) {
      String base = child.line().substring("sandbox listening on ".length());
      String tokenLine = child.line();
      assertThat(tokenLine).matches("token: [A-Za-z0-9_-]{32}");
      String token = tokenLine.substring("token: ".length());
      assertThat(child.line())
          .isEqualTo("0 agent(s), 0 contact folder(s); latency 0 ms. Ctrl-C stops it.");

      assertThat(send("GET", base + "/api/v1/batch-calls", token, null).statusCode())
          .isEqualTo(200);
      assertThat(send("GET", base + "/api/v1/batch-calls", "guess", null).statusCode())
          .isEqualTo(401);
      assertThat(
              send("POST", base + "/api/v1/initiate/CAMP/sms", token, "{\"templateId\":\"t\"}")
                  .statusCode())
          .as("no campaign was given")
          .isEqualTo(404);
      child.process.toHandle().destroy();
      assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(child.line())
          .as("the token is printed once, and nothing else follows")
          .isEqualTo("sandbox stopped");
      assertThat(child.lines).isEmpty();
    }
  }

  @Test
  void badOptionsStopBeforeServingAndSayWhy() throws Exception {
    Path twice = dir.resolve("twice.txt");
    Files.writeString(twice, "L1\nL2\nL1\n");

    assertThat(CliTest.run("sandbox", "--customers", "x.csv").err())
        .contains("--customers needs --campaign ID");
    CliTest.Run noVar = CliTest.run("sandbox", "--token-env", "OUTREACH_SURELY_UNSET_VARIABLE");
    assertThat(noVar.code()).isEqualTo(2);
    assertThat(noVar.err())
        .contains("environment variable OUTREACH_SURELY_UNSET_VARIABLE is not set");
    CliTest.Run badFolder = CliTest.run("sandbox", "--folder", "inbox=" + twice);
    assertThat(badFolder.code()).isEqualTo(2);
    assertThat(badFolder.err()).contains("--folder: folderId must be a UUID, not \"inbox\"");
    CliTest.Run dup = CliTest.run("sandbox", "--folder", FOLDER + "=" + twice);
    assertThat(dup.code()).isEqualTo(1);
    assertThat(dup.err()).contains(twice + ":3: loan id L1 is listed twice (first on line 1)");
    assertThat(CliTest.run("sandbox", "--latency", "soon").err())
        .contains("'soon' is not a duration");
    assertThat(CliTest.run("sandbox", "--agent", "agent_abc123").err())
        .contains("--agent: agentId must be a UUID");
  }
}
