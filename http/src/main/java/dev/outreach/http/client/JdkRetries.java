package dev.outreach.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Guards against the JDK client re-sending requests by itself.
 *
 * <p>What the JDK 17 client re-sends ({@code jdk.internal.net.http.MultiExchange}): a request whose
 * connection could not be opened ({@code ConnectException}; nothing was sent, so that is safe); on HTTP/2
 * a stream the server says it did not process (REFUSED_STREAM, GOAWAY); and, after a pooled connection
 * turned out to be closed ({@code ConnectionExpiredException}), only {@code GET} and {@code HEAD} -
 * unless the system or {@code net.properties} property {@code jdk.httpclient.enableAllMethodRetry} is
 * set, which makes it re-send a {@code POST} that may already have been processed. Requests are pinned
 * to HTTP/1.1, so the only retries left are the connect ones and idempotent {@code GET}s.
 */
final class JdkRetries {
  static final String PROPERTY = "jdk.httpclient.enableAllMethodRetry";
  private static final boolean IN_NET_PROPERTIES = inNetProperties();

  private JdkRetries() {}

  /** @throws IllegalStateException if the JDK would silently re-send POSTs */
  static void refuseIfEnabled() {
    String v = System.getProperty(PROPERTY);
    if ((v != null && !v.equalsIgnoreCase("false")) || IN_NET_PROPERTIES) {
      throw new IllegalStateException("refusing to send: " + PROPERTY + " is set"
          + (v != null ? " (system property)" : " (in $JAVA_HOME/conf/net.properties)")
          + ", which makes the JDK HTTP client re-send POST requests on its own and could contact customers"
          + " twice; remove it and run again");
    }
  }

  private static boolean inNetProperties() {
    Path p = Path.of(System.getProperty("java.home"), "conf", "net.properties");
    if (!Files.isReadable(p)) {
      return false;
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(p)) {
      props.load(in);
    } catch (IOException e) {
      return false;
    }
    String v = props.getProperty(PROPERTY);
    return v != null && !v.equalsIgnoreCase("false");
  }
}
