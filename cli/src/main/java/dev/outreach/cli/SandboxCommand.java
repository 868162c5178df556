package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.sandbox.SandboxBuilder;
import dev.outreach.sandbox.SandboxServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outreach sandbox}: the stateful fake of the outreach API on loopback, until the process is
 * stopped (Ctrl-C or SIGTERM close it cleanly). For trying the CLI or a client against something
 * that rings nobody.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Serve a stateful fake of the outreach API on 127.0.0.1 until stopped (Ctrl-C). It rings "
            + "nobody: it validates requests as the documents describe and records what it would have done.")
final class SandboxCommand implements Callable<Integer> {
  static final String DEFAULT_TOKEN_ENV = "OUTREACH_TOKEN";

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "P",
      description =
          "The loopback port (default: ${DEFAULT-VALUE}, any free port; the URL is printed).")
  int port;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      converter = OptionValues.EnvName.class,
      description =
          "The environment variable holding the Bearer token to accept (default: "
              + DEFAULT_TOKEN_ENV
              + "; when that is unset, a random token is made and printed once as 'token: ...').")
  String tokenEnv;

  @Option(
      names = "--campaign",
      paramLabel = "ID",
      converter = OptionValues.Campaign.class,
      description = "A campaign the sandbox holds: the customers of --customers, or none.")
  String campaign;

  @Option(
      names = "--customers",
      paramLabel = "FILE",
      description = "The campaign's customers: CSV with a header row, or JSON Lines (as for plan).")
  Path customers;

  @Option(
      names = "--agent",
      paramLabel = "UUID",
      description = "An agent batch calls may use (repeatable).")
  List<String> agents = List.of();

  @Option(
      names = "--folder",
      paramLabel = "UUID=FILE",
      description = "A contact folder for batch calls, with its loan ids one a line (repeatable).")
  Map<String, Path> folders = new LinkedHashMap<>();

  @Option(
      names = "--latency",
      defaultValue = "0ms",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Added before every response, e.g. 20ms or 1s (default: ${DEFAULT-VALUE}).")
  Duration latency;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (customers != null && campaign == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--customers needs --campaign ID");
    }
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for option '--port': "
              + port
              + " is not a port; use 1 to 65535, or 0 for any free port");
    }
    if (latency.isNegative()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for option '--latency': "
              + latency.toMillis()
              + "ms is negative; use e.g. 0ms, 20ms or 1s");
    }
    SandboxBuilder b = SandboxServer.builder().port(port).latency(latency);
    String generated = token(b);
    if (campaign != null) {
      b.campaign(
          campaign, customers == null ? List.<Customer>of() : PortfolioReader.read(customers));
    }
    for (String agent : agents) {
      try {
        b.agent(agent);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--agent: " + e.getMessage());
      }
    }
    for (Map.Entry<String, Path> f : folders.entrySet()) {
      try {
        b.folder(f.getKey(), List.of()); // checks the id before the file is read
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--folder: " + e.getMessage());
      }
      b.folder(f.getKey(), LoanIdFile.read(f.getValue()));
    }
    SandboxServer sandbox = b.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  out.println("sandbox stopped");
                  out.flush();
                },
                "outreach-sandbox-stop"));
    out.println("sandbox listening on " + sandbox.uri());
    if (generated != null) {
      out.println("token: " + generated);
    }
    if (campaign != null) {
      out.println(
          "campaign " + campaign + ": " + sandbox.customers(campaign).size() + " customers");
    }
    out.println(
        agents.size()
            + " agent(s), "
            + folders.size()
            + " contact folder(s); latency "
            + latency.toMillis()
            + " ms. Ctrl-C stops it.");
    out.flush();
    new CountDownLatch(1).await(); // until the JVM shuts down; the hook closes the sandbox
    return 0;
  }

  /** Sets the token from the environment; returns a generated one to print, or {@code null}. */
  private String token(SandboxBuilder b) {
    String var = tokenEnv == null ? DEFAULT_TOKEN_ENV : tokenEnv;
    String value = System.getenv(var);
    if (value != null && !value.isBlank()) {
      b.token(value.strip());
      return null;
    }
    if (tokenEnv != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "environment variable "
              + var
              + " is not set: set it to the token the sandbox should accept, or leave out --token-env to get a random one");
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    b.token(token);
    return token;
  }

  /** Reads {@code 20ms}, {@code 2s} or an ISO-8601 duration ({@code PT0.02S}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip();
      try {
        if (v.equals("0")) {
          return Duration.ZERO;
        }
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s") && !v.startsWith("P")) {
          return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.parse(v);
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration such as 20ms, 2s or PT0.5S");
      }
    }
  }
}
