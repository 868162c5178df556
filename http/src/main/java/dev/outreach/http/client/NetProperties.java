package dev.outreach.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Networking properties as the JDK HTTP client reads them ({@code
 * jdk.internal.net.http.common.Utils .getNetProperty}): the system property, else {@code
 * $JAVA_HOME/conf/net.properties} (read once).
 */
final class NetProperties {
  private static final Properties FILE = load();

  private NetProperties() {}

  /** Where the value comes from, for messages. */
  record Value(String value, String source) {}

  /** The value of {@code name}: the system property, else the one in {@code net.properties}. */
  static Optional<Value> get(String name) {
    String v = System.getProperty(name);
    if (v != null) {
      return Optional.of(new Value(v, "system property"));
    }
    String f = FILE.getProperty(name);
    return f == null
        ? Optional.empty()
        : Optional.of(new Value(f, "in $JAVA_HOME/conf/net.properties"));
  }

  private static Properties load() {
    Properties props = new Properties();
    Path p = Path.of(System.getProperty("java.home"), "conf", "net.properties");
    if (Files.isReadable(p)) {
      try (InputStream in = Files.newInputStream(p)) {
        props.load(in);
      } catch (IOException e) {
        // unreadable: the JDK cannot read it either
      }
    }
    return props;
  }
}
