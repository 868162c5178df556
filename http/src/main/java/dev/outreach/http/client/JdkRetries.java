package dev.outreach.http.client;

import java.util.Optional;

/**
 * Guards against the JDK client re-sending requests by itself.
 *
 * <p>What the JDK 17 client re-sends ({@code jdk.internal.net.http.MultiExchange}): a request whose
 * connection could not be opened ({@code ConnectException}; nothing was sent, so that is safe); on
 * HTTP/2 a stream the server says it did not process (REFUSED_STREAM, GOAWAY); and, after a pooled
 * connection turned out to be closed ({@code ConnectionExpiredException}), only {@code GET} and
 * {@code HEAD} - unless the system or {@code net.properties} property {@code
 * jdk.httpclient.enableAllMethodRetry} is set, which makes it re-send a {@code POST} that may
 * already have been processed. Requests are pinned to HTTP/1.1, so the only retries left are the
 * connect ones and idempotent {@code GET}s.
 */
final class JdkRetries {
  static final String PROPERTY = "jdk.httpclient.enableAllMethodRetry";

  private JdkRetries() {}

  /**
   * @throws IllegalStateException if the JDK would silently re-send POSTs
   */
  static void refuseIfEnabled() {
    Optional<NetProperties.Value> v = NetProperties.get(PROPERTY);
    if (v.isPresent() && !v.get().value().equalsIgnoreCase("false")) {
      throw new IllegalStateException(
          "refusing to send: "
              + PROPERTY
              + " is set ("
              + v.get().source()
              + "), which makes the JDK HTTP client re-send POST requests on its own and could contact customers"
              + " twice; remove it and run again");
    }
  }
}
