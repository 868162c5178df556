package dev.outreach.cli;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command's meters: Micrometer's Prometheus registry, served while the command runs and/or
 * written when it ends. Closing it writes the file (also after a failure: the meters say how far it
 * got) and stops the server.
 */
final class CliMetrics implements AutoCloseable {
  private static final Pattern INITIATE =
      Pattern.compile("/api/v1/initiate/[^/]+/(calls|sms|whatsapp)");
  private static final Pattern BATCH = Pattern.compile("/api/v1/batch-calls/[^/]+(/[^/]+)?");

  private final PrometheusMeterRegistry registry;
  private final HttpServer server;
  private final Path out;

  private CliMetrics(PrometheusMeterRegistry registry, HttpServer server, Path out) {
    this.registry = registry;
    this.server = server;
    this.out = out;
  }

  /** No sink: meters go to Micrometer's global registry. */
  static CliMetrics none() {
    return new CliMetrics(null, null, null);
  }

  /** Serves on {@code host:port} when {@code host} is set; writes {@code out} on close when set. */
  static CliMetrics open(InetAddress host, int port, Path out, PrintWriter err) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpServer server = null;
    if (host != null) {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
      server.createContext(
          "/metrics",
          exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(
                "GET".equals(exchange.getRequestMethod()) ? 200 : 405, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
              o.write(body);
            }
          });
      server.start();
      err.printf(
          Locale.ROOT,
          "outreach: metrics at http://%s:%d/metrics%n",
          hostText(host),
          server.getAddress().getPort());
      err.flush();
    }
    return new CliMetrics(registry, server, out);
  }

  private static String hostText(InetAddress host) {
    String h = host.getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }

  /** Where the command records its meters. */
  MeterRegistry registry() {
    return registry == null ? Metrics.globalRegistry : registry;
  }

  /**
   * {@code client} timed by Micrometer's standard {@code http.client.requests} timer, its {@code
   * uri} tag the path template (campaign and batch ids left out), when meters are kept; {@code
   * client} itself otherwise.
   */
  HttpClient instrument(HttpClient client) {
    if (registry == null) {
      return client;
    }
    return MicrometerHttpClient.instrumentationBuilder(client, registry)
        .uriMapper(CliMetrics::template)
        .build();
  }

  /** The path of {@code request} with its ids replaced by their names. */
  static String template(HttpRequest request) {
    String path = request.uri().getPath();
    if (INITIATE.matcher(path).matches()) {
      return INITIATE.matcher(path).replaceFirst("/api/v1/initiate/{campaignId}/$1");
    }
    if (BATCH.matcher(path).matches()) {
      return BATCH.matcher(path).replaceFirst("/api/v1/batch-calls/{batchId}$1");
    }
    return path.startsWith("/api/v1/") && !path.substring(8).matches(".*\\d.*") ? path : "other";
  }

  @Override
  public void close() throws IOException {
    if (registry == null) {
      return;
    }
    try {
      if (out != null) {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            writeJson(w);
          } else {
            w.write(registry.scrape());
          }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      if (server != null) {
        server.stop(0);
      }
      registry.close();
    }
  }

  /**
   * {@code {"meters":[{"name","type","tags":{…},"measurements":{"count":…}}]}}, meters sorted by
   * name and tags, so two runs that did the same give the same bytes but for the times measured.
   */
  private void writeJson(Writer w) {
    List<Meter> meters = new ArrayList<>(registry.getMeters());
    meters.sort(
        Comparator.comparing((Meter m) -> m.getId().getName())
            .thenComparing(m -> m.getId().getTags().toString()));
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (Meter m : meters) {
      JsonObjectBuilder tags = Json.createObjectBuilder();
      for (Tag t : m.getId().getTags()) {
        tags.add(t.getKey(), t.getValue());
      }
      JsonObjectBuilder values = Json.createObjectBuilder();
      for (Measurement v : m.measure()) {
        String statistic = v.getStatistic().getTagValueRepresentation();
        if (Double.isFinite(v.getValue())) {
          values.add(statistic, v.getValue());
        } else {
          values.add(statistic, String.valueOf(v.getValue())); // NaN or infinite: not a JSON number
        }
      }
      JsonObjectBuilder meter =
          Json.createObjectBuilder()
              .add("name", m.getId().getName())
              .add("type", m.getId().getType().name().toLowerCase(Locale.ROOT))
              .add("tags", tags)
              .add("measurements", values);
      if (m.getId().getBaseUnit() != null) {
        meter.add("baseUnit", m.getId().getBaseUnit());
      }
      if (m.getId().getDescription() != null) {
        meter.add("description", m.getId().getDescription());
      }
      all.add(meter);
    }
    Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
        .createWriter(w)
        .writeObject(Json.createObjectBuilder().add("meters", all).build());
  }
}
