package dev.outreach.report.html;

import dev.outreach.core.internal.Phones;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * A request body pretty-printed for people: the keys and values as sent, except that phone numbers
 * are masked and a long array shows its first elements and how many more there are.
 */
final class BodyJson {
  private BodyJson() {}

  static String pretty(JsonObject body, int maxElements) {
    StringBuilder sb = new StringBuilder();
    write(sb, body, false, 0, maxElements);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, JsonValue v, boolean phone, int indent, int max) {
    switch (v.getValueType()) {
      case OBJECT:
        {
          JsonObject o = v.asJsonObject();
          if (o.isEmpty()) {
            sb.append("{}");
            return;
          }
          sb.append("{\n");
          int i = 0;
          for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            pad(sb, indent + 1).append(Json.createValue(e.getKey())).append(": ");
            write(
                sb,
                e.getValue(),
                e.getKey().toLowerCase(Locale.ROOT).contains("phone"),
                indent + 1,
                max);
            sb.append(++i < o.size() ? ",\n" : "\n");
          }
          pad(sb, indent).append('}');
          return;
        }
      case ARRAY:
        {
          JsonArray a = v.asJsonArray();
          if (a.isEmpty()) {
            sb.append("[]");
            return;
          }
          sb.append("[\n");
          int shown = Math.min(a.size(), max);
          for (int i = 0; i < shown; i++) {
            pad(sb, indent + 1);
            write(sb, a.get(i), phone, indent + 1, max);
            sb.append(i + 1 < a.size() ? ",\n" : "\n");
          }
          if (shown < a.size()) {
            pad(sb, indent + 1)
                .append(
                    String.format(
                        Locale.ROOT,
                        "… %,d more, not shown here (the plan JSON has all %,d)%n",
                        a.size() - shown,
                        a.size()));
          }
          pad(sb, indent).append(']');
          return;
        }
      case STRING:
        if (phone) {
          sb.append(Json.createValue(Phones.mask(((jakarta.json.JsonString) v).getString())));
          return;
        }
        sb.append(v);
        return;
      default:
        sb.append(v);
    }
  }

  private static StringBuilder pad(StringBuilder sb, int indent) {
    return sb.append("  ".repeat(indent));
  }
}
