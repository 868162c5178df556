package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.sandbox.SandboxServer;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI run's meters leave the process: a file at the end, or a Prometheus endpoint while it runs.
 */
class CliMetricsTest {
  @TempDir Path dir;

  private CliTest.Run execute(SandboxServer sandbox, Path plan, String... more) {
    Path journal = dir.resolve("j-" + System.nanoTime());
    return ExecuteCommandTest.run(
        Map.of("OUTREACH_TOKEN", ExecuteCommandTest.TOKEN),
        ExecuteCommandTest.args(plan, journal, sandbox, more));
  }

  @Test
  void executeWritesItsMetersAsPrometheusTextOrJsonWithTheStandardClientTimer() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(6), dir.resolve("plan.json"));
    Path prom = dir.resolve("meters.prom");
    try (SandboxServer sandbox = ExecutePlans.sandbox(ExecuteCommandTest.TOKEN, 6)) {
      CliTest.Run run = execute(sandbox, plan, "--metrics-out", prom.toString());
      assertThat(run.code()).as(run.out() + run.err()).isZero();
    }
    String text = Files.readString(prom);
    assertThat(text)
        .contains(
            "outreach_steps_total{outcome=\"done\"} ",
            "outreach_customers_initiated_total{channel=\"sms\"} 6.0",
            "outreach_http_requests_seconds_count{",
            "http_client_requests_seconds_count{",
            "uri=\"/api/v1/initiate/{campaignId}/sms\"");
    assertThat(text)
        .doesNotContain(ExecuteCommandTest.TOKEN)
        .doesNotContain(ExecutePlans.PHONE)
        .doesNotContain("/" + ExecutePlans.CAMPAIGN + "/");

    Path json = dir.resolve("meters.json");
    try (SandboxServer sandbox = ExecutePlans.sandbox(ExecuteCommandTest.TOKEN, 6)) {
      assertThat(execute(sandbox, plan, "--metrics-out", json.toString()).code()).isZero();
    }
    List<JsonObject> meters =
        dev.outreach.core.internal.JsonText.parseObject(Files.readString(json))
            .getJsonArray("meters")
            .getValuesAs(JsonObject.class);
    assertThat(meters)
        .anySatisfy(
            m -> {
              assertThat(m.getString("name")).isEqualTo("outreach.customers.initiated");
              assertThat(m.getJsonObject("tags").getString("channel")).isEqualTo("sms");
              assertThat(m.getJsonObject("measurements").getJsonNumber("count").doubleValue())
                  .isEqualTo(6.0);
            });
    assertThat(meters)
        .anySatisfy(m -> assertThat(m.getString("name")).isEqualTo("http.client.requests"));
    assertThat(meters).extracting(m -> m.getString("name")).isSorted();
  }

  @Test
  void servesMetersOnAPortWhileOpenAndStopsWhenClosed() throws Exception {
    StringWriter err = new StringWriter();
    URI endpoint;
    try (CliMetrics metrics =
        CliMetrics.open(InetAddress.getLoopbackAddress(), 0, null, new PrintWriter(err, true))) {
      metrics.registry().counter("outreach.steps", "outcome", "done").increment(3);
      Matcher m = Pattern.compile("metrics at (http://\\S+/metrics)").matcher(err.toString());
      assertThat(m.find()).as(err.toString()).isTrue();
      endpoint = URI.create(m.group(1));
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(r.body()).contains("outreach_steps_total{outcome=\"done\"} 3.0");
    }
    URI closed = endpoint;
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    HttpClient.newHttpClient()
                        .send(
                            HttpRequest.newBuilder(closed).build(),
                            HttpResponse.BodyHandlers.ofString())))
        .isNotNull();
  }

  @Test
  void aBadMetricsOptionIsAUsageErrorNamingIt() throws Exception {
    Path plan = ExecutePlans.write(ExecutePlans.sms(1), dir.resolve("plan.json"));
    try (SandboxServer sandbox = ExecutePlans.sandbox(ExecuteCommandTest.TOKEN, 1)) {
      for (String bad :
          new String[] {
            "statsd:9000", "prometheus:", "prometheus:70000", "prometheus:no-such-host.invalid:9"
          }) {
        CliTest.Run run = execute(sandbox, plan, "--metrics", bad);
        assertThat(run.code()).as(bad).isEqualTo(2);
        assertThat(run.err()).as(bad).contains("--metrics", bad);
      }
      for (String bad :
          new String[] {dir.resolve("no-such-folder/m.prom").toString(), dir.toString()}) {
        CliTest.Run run = execute(sandbox, plan, "--metrics-out", bad);
        assertThat(run.code()).as(bad).isEqualTo(2);
        assertThat(run.err()).as(bad).contains("--metrics-out", bad);
      }
      assertThat(sandbox.initiations()).isEmpty();
    }
  }

  @Test
  void requestPathsBecomeTemplatesWithoutIds() {
    assertThat(CliMetrics.template(req("/api/v1/initiate/CAMP-9/calls")))
        .isEqualTo("/api/v1/initiate/{campaignId}/calls");
    assertThat(CliMetrics.template(req("/api/v1/batch-calls/b123/schedule")))
        .isEqualTo("/api/v1/batch-calls/{batchId}/schedule");
    assertThat(CliMetrics.template(req("/api/v1/batch-calls/b123")))
        .isEqualTo("/api/v1/batch-calls/{batchId}");
    assertThat(CliMetrics.template(req("/api/v1/batch-calls"))).isEqualTo("/api/v1/batch-calls");
    assertThat(CliMetrics.template(req("/api/v1/customers/add/bulk")))
        .isEqualTo("/api/v1/customers/add/bulk");
    assertThat(CliMetrics.template(req("/api/v1/things/98765"))).isEqualTo("other");
  }

  private static HttpRequest req(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:1" + path)).build();
  }
}
