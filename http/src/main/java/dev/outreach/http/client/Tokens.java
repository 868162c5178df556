package dev.outreach.http.client;

/** Validates header values without ever echoing a token. */
final class Tokens {
  private static final int MAX_KEY = 255;

  private Tokens() {}

  static String check(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token is required: set it with token(...)");
    }
    if (!visibleAscii(token)) {
      throw new IllegalArgumentException(
          "token must be visible ASCII without spaces (the value is not shown)");
    }
    return token;
  }

  static String checkKey(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY || !visibleAscii(key)) {
      throw new IllegalArgumentException(
          "idempotency key must be 1.." + MAX_KEY + " visible ASCII characters, got " + key);
    }
    return key;
  }

  private static boolean visibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }
}
