package dev.outreach.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --base-url} and {@code --token-env}: the API a command sends to, as a mixin. */
final class ApiOptions {
  @Option(
      names = "--base-url",
      required = true,
      paramLabel = "URL",
      converter = OptionValues.BaseUrl.class,
      description =
          "The API, e.g. https://api.agents.timepay.ai (plain http only for loopback hosts).")
  URI baseUrl;

  @Option(
      names = "--token-env",
      required = true,
      paramLabel = "VAR",
      converter = OptionValues.EnvName.class,
      description =
          "The environment variable holding the API token (the token itself is never an argument).")
  String tokenEnv;

  /** The token from {@code env}, or null after telling {@code err} that the variable is unset. */
  String token(Map<String, String> env, PrintWriter err) {
    String token = env.get(tokenEnv);
    if (token == null || token.isBlank()) {
      err.println(
          "outreach: environment variable "
              + tokenEnv
              + " (--token-env) is not set or empty; put the API"
              + " token in it");
      return null;
    }
    return token;
  }
}
