package dev.outreach.http.journal;

import dev.outreach.core.internal.JsonText;
import dev.outreach.http.journal.JournalRecord.Header;
import dev.outreach.http.journal.JournalRecord.Outcome;
import dev.outreach.http.journal.JournalRecord.Sending;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One record per line of compact JSON, e.g. {@code
 * {"type":"sending","step":"s0001","attempt":1,…}}.
 */
final class JournalCodec {
  private JournalCodec() {}

  static byte[] line(JournalRecord r) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    if (r instanceof Header h) {
      o.add("type", "header")
          .add("version", h.version())
          .add("planSha256", h.planSha256())
          .add("campaignId", h.campaignId())
          .add("steps", h.steps())
          .add("createdAt", h.createdAt().toString());
      h.baseUrl().ifPresent(u -> o.add("baseUrl", u));
    } else if (r instanceof Sending s) {
      o.add("type", "sending")
          .add("step", s.stepId())
          .add("attempt", s.attempt())
          .add("idempotencyKey", s.idempotencyKey())
          .add("at", s.at().toString());
    } else {
      Outcome x = (Outcome) r;
      o.add("type", "outcome")
          .add("step", x.stepId())
          .add("attempt", x.attempt())
          .add("result", x.result().wire());
      x.status().ifPresent(v -> o.add("status", v));
      o.add("message", x.message());
      x.succeeded().ifPresent(v -> o.add("succeeded", v));
      x.failed().ifPresent(v -> o.add("failed", v));
      if (!x.failedIds().isEmpty()) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        x.failedIds().forEach(ids::add);
        o.add("failedIds", ids);
      }
      x.batchId().ifPresent(v -> o.add("batchId", v));
      o.add("at", x.at().toString());
    }
    return (JsonText.compact(o.build()) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  static JournalRecord parse(String line) {
    JsonObject o = JsonText.parseObject(line);
    String type = str(o, "type");
    switch (type) {
      case "header":
        return new Header(
            integer(o, "version"),
            str(o, "planSha256"),
            str(o, "campaignId"),
            integer(o, "steps"),
            Instant.parse(str(o, "createdAt")),
            Optional.ofNullable(o.containsKey("baseUrl") ? str(o, "baseUrl") : null));
      case "sending":
        return new Sending(
            str(o, "step"),
            integer(o, "attempt"),
            str(o, "idempotencyKey"),
            Instant.parse(str(o, "at")));
      case "outcome":
        List<String> ids = new ArrayList<>();
        if (o.containsKey("failedIds")) {
          for (JsonValue v : o.getJsonArray("failedIds")) {
            ids.add(((JsonString) v).getString());
          }
        }
        return new Outcome(
            str(o, "step"),
            integer(o, "attempt"),
            Result.ofWire(str(o, "result")),
            optInt(o, "status"),
            str(o, "message"),
            optInt(o, "succeeded"),
            optInt(o, "failed"),
            ids,
            Optional.ofNullable(o.containsKey("batchId") ? str(o, "batchId") : null),
            Instant.parse(str(o, "at")));
      default:
        throw new IllegalArgumentException("unknown record type \"" + type + "\"");
    }
  }

  private static String str(JsonObject o, String key) {
    if (!(o.get(key) instanceof JsonString s)) {
      throw new IllegalArgumentException("\"" + key + "\" is missing or not a string");
    }
    return s.getString();
  }

  private static int integer(JsonObject o, String key) {
    try {
      return o.getJsonNumber(key).intValueExact();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"" + key + "\" is missing or not an integer", e);
    }
  }

  private static OptionalInt optInt(JsonObject o, String key) {
    return o.containsKey(key) ? OptionalInt.of(integer(o, key)) : OptionalInt.empty();
  }
}
