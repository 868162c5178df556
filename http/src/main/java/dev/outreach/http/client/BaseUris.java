package dev.outreach.http.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a base URI: absolute, no credentials, query or fragment; {@code https} unless loopback.
 */
final class BaseUris {
  private BaseUris() {}

  /** {@code uri} without a trailing slash, so that {@code base + "/api/..."} is the request URI. */
  static String check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(
          "base URI must be https://host[:port][/prefix], got " + uri);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("base URI has no host: " + uri);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "base URI must not hold credentials; pass the token with token()");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("base URI must not have a query or fragment: " + uri);
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "base URI must use https (plain http is allowed only for loopback"
              + " hosts: localhost, 127.0.0.0/8, ::1), got "
              + uri);
    }
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * {@code uri} (checked as by {@link #check}) as {@code scheme://host:port/path}: scheme and host
   * in lower case, the port always given, the path without trailing slashes; never credentials,
   * query or fragment. Two URIs that reach the same API give the same string.
   */
  static String normalize(URI uri) {
    check(uri);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path;
  }

  /** Whether {@code host} is {@code localhost} or a loopback IP literal; never looks up a name. */
  static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      String[] octets = h.split("\\.");
      for (String o : octets) {
        if (Integer.parseInt(o) > 255) {
          return false;
        }
      }
      return Integer.parseInt(octets[0]) == 127;
    }
    if (!h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName("[" + h + "]")
          .isLoopbackAddress(); // an IPv6 literal: parsed, not resolved
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
