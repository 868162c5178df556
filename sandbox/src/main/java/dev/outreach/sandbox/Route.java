package dev.outreach.sandbox;

import java.util.regex.Pattern;

/**
 * A method and path pattern served by an {@link Endpoint}.
 *
 * @param pattern the path, with a capturing group per variable segment
 * @param jsonBody whether a JSON body is required ({@code Content-Type: application/json});
 *     otherwise a body is optional
 * @param partialCapable whether a {@link Fault#partial(int)} fault applies to it
 */
record Route(
    String method, Pattern pattern, boolean jsonBody, boolean partialCapable, Endpoint endpoint) {

  static Route of(
      String method, String regex, boolean jsonBody, boolean partialCapable, Endpoint endpoint) {
    return new Route(method, Pattern.compile(regex), jsonBody, partialCapable, endpoint);
  }
}
