package dev.outreach.core.guardrail;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key path in a JSON text ({@code hours.CALL.from}, {@code caps[0].max}), so a
 * problem found in the parsed object can be reported where it is in the file. Only for valid JSON.
 */
final class KeyLines {
  private KeyLines() {}

  /** Key path to 1-based line; the root is {@code ""}. */
  static Map<String, Long> of(String json) {
    Map<String, Long> lines = new HashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser p = Json.createParser(new StringReader(json))) {
      while (p.hasNext()) {
        JsonParser.Event e = p.next();
        long line = p.getLocation().getLineNumber();
        Frame top = stack.peek();
        switch (e) {
          case KEY_NAME:
            top.key = p.getString();
            lines.putIfAbsent(top.child(top.key), line);
            break;
          case START_OBJECT:
          case START_ARRAY:
            String path =
                top == null ? "" : top.array ? element(top, lines, line) : top.child(top.key);
            lines.putIfAbsent(path, line);
            stack.push(new Frame(path, e == JsonParser.Event.START_ARRAY));
            break;
          case END_OBJECT:
          case END_ARRAY:
            stack.pop();
            break;
          default: // a scalar value: its line is its key's, or its own in an array
            if (top != null && top.array) {
              element(top, lines, line);
            }
        }
      }
    }
    return lines;
  }

  private static String element(Frame array, Map<String, Long> lines, long line) {
    String path = array.path + "[" + (++array.index) + "]";
    lines.putIfAbsent(path, line);
    return path;
  }

  /** The line of {@code path}, or of the nearest enclosing path that has one (1 at worst). */
  static long lineOf(Map<String, Long> lines, String path) {
    String p = path == null ? "" : path;
    while (true) {
      Long line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return lines.getOrDefault("", 1L);
      }
      p = p.substring(0, cut);
    }
  }

  private static final class Frame {
    final String path;
    final boolean array;
    String key;
    int index = -1;

    Frame(String path, boolean array) {
      this.path = path;
      this.array = array;
    }

    String child(String name) {
      return path.isEmpty() ? name : path + "." + name;
    }
  }
}
