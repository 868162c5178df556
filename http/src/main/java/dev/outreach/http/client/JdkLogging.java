package dev.outreach.http.client;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards against the JDK client printing the {@code Authorization} header, and so the API token.
 *
 * <p>The JDK 17 client ({@code jdk.internal.net.http.common.Log}) reads {@code
 * jdk.httpclient.HttpClient.log} (system property, else {@code net.properties}) once, when it is
 * first used: a comma-separated list, case-insensitive, of {@code errors}, {@code requests}, {@code
 * headers}, {@code content}, {@code frames[:…]}, {@code ssl}, {@code trace}, {@code channel} and
 * {@code all}. With {@code headers} or {@code all} it logs every request's headers, {@code
 * Authorization: Bearer …} among them, through the {@code System.Logger}
 * "jdk.httpclient.HttpClient" (standard error by default). Its internal debug switches {@code
 * jdk.internal.httpclient.debug} and {@code jdk.internal.httpclient.hpack.debug} print the
 * exchange's internals (HTTP/2 header fields among them) on standard error. A client is not built,
 * and nothing is sent, while any of them is on. The logger itself logs nothing unless the property
 * is set, so a logging configuration alone cannot make it print the token.
 */
final class JdkLogging {
  static final String LOG = "jdk.httpclient.HttpClient.log";
  static final List<String> DEBUG =
      List.of("jdk.internal.httpclient.debug", "jdk.internal.httpclient.hpack.debug");

  private JdkLogging() {}

  /**
   * @throws IllegalStateException if the JDK client could print request headers
   */
  static void refuseIfEnabled() {
    Optional<NetProperties.Value> log = NetProperties.get(LOG);
    if (log.isPresent() && logsHeaders(log.get().value())) {
      throw refusal(
          LOG + "=" + log.get().value() + " (" + log.get().source() + ")",
          "makes the JDK HTTP client log every request's headers");
    }
    for (String p : DEBUG) {
      String v = System.getProperty(p);
      if (v != null && v.trim().equalsIgnoreCase("true")) {
        throw refusal(
            p + "=" + v + " (system property)", "makes the JDK HTTP client print its internals");
      }
    }
  }

  /**
   * Whether a value of {@value #LOG} includes {@code headers} or {@code all} (spaces around items
   * ignored).
   */
  static boolean logsHeaders(String value) {
    for (String item : value.split(",")) {
      String v = item.trim().toLowerCase(Locale.ROOT);
      if (v.equals("headers") || v.equals("all")) {
        return true;
      }
    }
    return false;
  }

  private static IllegalStateException refusal(String setting, String effect) {
    return new IllegalStateException(
        "refusing to send: "
            + setting
            + " "
            + effect
            + ", the Authorization header"
            + " with the API token among them, on standard error; remove it (look in the command line, JDK_JAVA_OPTIONS"
            + " and JAVA_TOOL_OPTIONS) and run again, or use jdk.httpclient.HttpClient.log=errors,requests");
  }
}
