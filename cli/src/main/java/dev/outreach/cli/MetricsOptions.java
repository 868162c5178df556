package dev.outreach.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --metrics prometheus:[HOST:]PORT} and {@code --metrics-out FILE}: where a run's meters go.
 * Without either, they go to Micrometer's global registry, as from the library (which keeps nothing
 * unless the host adds a registry to it).
 */
final class MetricsOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--metrics",
      paramLabel = "prometheus:[HOST:]PORT",
      description =
          "While the command runs, serve its meters at http://HOST:PORT/metrics in Prometheus' text"
              + " format (HOST 127.0.0.1 unless given, 0.0.0.0 for every interface; PORT 0 picks a free one and"
              + " prints it).")
  String serve;

  @Option(
      names = "--metrics-out",
      paramLabel = "FILE",
      description =
          "When the command ends, write its meters to FILE: JSON if FILE ends in .json, else"
              + " Prometheus' text format.")
  Path out;

  /**
   * The registry and sinks these options ask for; {@link CliMetrics#none()} when neither is given.
   */
  CliMetrics open() {
    if (serve == null && out == null) {
      return CliMetrics.none();
    }
    if (out != null) { // refused before anything is sent, not after the run
      Path folder = out.toAbsolutePath().getParent();
      if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
        throw bad("--metrics-out", out.toString(), "the folder " + folder + " does not exist");
      }
      if (java.nio.file.Files.isDirectory(out)) {
        throw bad("--metrics-out", out.toString(), "it is a folder; name a file");
      }
    }
    InetAddress host = null;
    int port = -1;
    if (serve != null) {
      String[] parts = serve.split(":", -1);
      if (!parts[0].equals("prometheus") || parts.length < 2 || parts.length > 3) {
        throw bad(
            "--metrics",
            serve,
            "expected prometheus:PORT or prometheus:HOST:PORT, e.g. prometheus:9464");
      }
      try {
        port = Integer.parseInt(parts[parts.length - 1]);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65_535) {
        throw bad("--metrics", serve, "the port must be a number from 0 to 65535");
      }
      try {
        host = InetAddress.getByName(parts.length == 3 ? parts[1] : "127.0.0.1");
      } catch (UnknownHostException e) {
        throw bad("--metrics", serve, "unknown host " + parts[1]);
      }
    }
    try {
      return CliMetrics.open(host, port, out, spec.commandLine().getErr());
    } catch (java.io.IOException e) {
      throw bad("--metrics", serve, "cannot listen there: " + e.getMessage());
    }
  }

  private ParameterException bad(String option, String value, String why) {
    return new ParameterException(
        spec.commandLine(), "Invalid value for option '" + option + "': '" + value + "': " + why);
  }
}
