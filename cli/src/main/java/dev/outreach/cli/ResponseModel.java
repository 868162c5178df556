package dev.outreach.cli;

import dev.outreach.core.Channel;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How simulated customers respond to a contact, per channel, drawn from a seed so a simulation is
 * the same every time: the chance they answer (a call) or reply (a message), that an answer ends in
 * a promise to pay, that a promise is kept, that they pay without a promise, within how many days
 * they pay, and what a contact costs.
 */
record ResponseModel(long seed, Map<Channel, Figures> channels) {
  static final List<String> KEYS =
      List.of("answer", "promise", "keep", "pay", "payWithinDays", "cost");

  /** One channel's figures. */
  record Figures(
      double answer, double promise, double keep, double pay, int payWithinDays, double cost) {}

  /** Reads a model file, naming every bad key and value with its path. */
  static ResponseModel read(Path file) throws IOException {
    JsonObject root;
    try {
      root = JsonText.parseObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    List<String> problems = new ArrayList<>();
    for (String k : root.keySet()) {
      if (!k.equals("seed") && !k.equals("channels")) {
        problems.add(k + ": unknown key (expected seed, channels)");
      }
    }
    long seed = 1;
    if (root.get("seed") instanceof JsonNumber n && n.isIntegral()) {
      seed = n.longValue();
    } else if (root.containsKey("seed")) {
      problems.add("seed: expected a whole number");
    }
    Map<Channel, Figures> channels = new EnumMap<>(Channel.class);
    JsonValue cs = root.get("channels");
    if (!(cs instanceof JsonObject)) {
      problems.add(
          "channels: expected an object of channels, e.g. {\"CALL\": {\"answer\": 0.4, …}}");
    } else {
      for (Map.Entry<String, JsonValue> e : ((JsonObject) cs).entrySet()) {
        String path = "channels." + e.getKey();
        Channel c;
        try {
          c = Channel.valueOf(e.getKey().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
          problems.add(path + ": not a channel (CALL, SMS or WHATSAPP)");
          continue;
        }
        if (!(e.getValue() instanceof JsonObject o)) {
          problems.add(path + ": expected an object with " + String.join(", ", KEYS));
          continue;
        }
        for (String k : o.keySet()) {
          if (!KEYS.contains(k)) {
            problems.add(
                path + "." + k + ": unknown key (expected " + String.join(", ", KEYS) + ")");
          }
        }
        channels.put(
            c,
            new Figures(
                chance(o, "answer", path, problems),
                chance(o, "promise", path, problems),
                chance(o, "keep", path, problems),
                chance(o, "pay", path, problems),
                (int) number(o, "payWithinDays", path, 1, 60, problems),
                number(o, "cost", path, 0, 1_000_000, problems)));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": " + problems.size() + " problems\n  " + String.join("\n  ", problems));
    }
    return new ResponseModel(seed, channels);
  }

  private static double chance(JsonObject o, String key, String path, List<String> problems) {
    return number(o, key, path, 0, 1, problems);
  }

  private static double number(
      JsonObject o, String key, String path, double min, double max, List<String> problems) {
    JsonValue v = o.get(key);
    if (!(v instanceof JsonNumber n) || n.doubleValue() < min || n.doubleValue() > max) {
      problems.add(
          path
              + "."
              + key
              + ": expected a number from "
              + fmt(min)
              + " to "
              + fmt(max)
              + (v == null ? " (missing)" : ", found " + v));
      return min;
    }
    return n.doubleValue();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** The draws for one contact: independent of the order contacts are drawn in. */
  SplittableRandom draws(long day, String loanId, Channel channel) {
    long h = seed;
    h = h * 1_000_003 + day;
    h = h * 1_000_003 + loanId.hashCode();
    h = h * 1_000_003 + channel.ordinal();
    return new SplittableRandom(h);
  }
}
