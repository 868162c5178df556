package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A step's path must be exactly the one its kind prescribes (see {@link StepKind}): relative to the
 * API's base URL, under {@code /api/v1/}, with no {@code ..}, {@code //}, scheme, host, query,
 * fragment or percent-encoding; an initiate step's path names the plan's campaign and the step's
 * channel, and a schedule step's path names an earlier create step.
 */
final class PathRules {
  private static final String PREFIX = "/api/v1/";
  private static final String FIX = "plan again, or write the path its kind prescribes";

  private PathRules() {}

  static void check(
      Step step, String where, String campaignId, Map<String, Step> earlier, Findings f) {
    String path = step.path();
    String field = where + ".path";
    List<String> unsafe = unsafe(path);
    if (!unsafe.isEmpty()) {
      f.add(
          step.id(),
          field,
          quote(path) + " " + String.join(", ", unsafe),
          FIX + expected(step, campaignId));
      return;
    }
    if (step.kind() == StepKind.SCHEDULE_BATCH_CALL) {
      String ref = step.referencedStepId().orElse(null);
      Step create = ref == null ? null : earlier.get(ref);
      if (ref == null || !path.equals(StepKind.schedulePath(ref))) {
        f.add(
            step.id(),
            field,
            quote(path) + " is not a schedule path " + StepKind.schedulePath("sNNNN"),
            "name the earlier CREATE_BATCH_CALL step whose campaign this step starts");
      } else if (create == null || create.kind() != StepKind.CREATE_BATCH_CALL) {
        f.add(
            step.id(),
            field,
            "names " + ref + ", which is not an earlier CREATE_BATCH_CALL step",
            "name the earlier CREATE_BATCH_CALL step whose campaign this step starts");
      }
      return;
    }
    String want = step.kind().path(campaignId);
    if (!path.equals(want)) {
      f.add(
          step.id(),
          field,
          quote(path) + " " + mismatch(path, step.kind(), campaignId),
          FIX + expected(step, campaignId));
    }
  }

  /** What makes {@code path} unsafe to append to the base URL, or nothing. */
  private static List<String> unsafe(String path) {
    List<String> out = new ArrayList<>();
    if (path.contains("://")
        || path.startsWith("//")
        || (!path.startsWith("/") && path.indexOf(':') > 0)) {
      out.add("is an absolute URL (the executor sends only to its base URL)");
    } else if (!path.startsWith(PREFIX)) {
      out.add("does not start with " + PREFIX);
    }
    if (path.contains("..") || path.contains("/./") || path.endsWith("/.")) {
      out.add("has a dot segment");
    }
    boolean absolute = path.contains("://") || path.startsWith("//");
    if (!absolute && path.contains("//")) {
      out.add("has an empty segment (//)");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      out.add("has a query or fragment");
    }
    if (path.indexOf('%') >= 0) {
      out.add("has percent-encoding");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        out.add(
            "has a character that does not belong in a path (whitespace, control, backslash or non-ASCII)");
        break;
      }
    }
    return out;
  }

  /** Why a safe-looking path differs from the one {@code kind} prescribes in {@code campaignId}. */
  private static String mismatch(String path, StepKind kind, String campaignId) {
    String initiate = PREFIX + "initiate/";
    if (kind.channel() != null && kind.contacts() && path.startsWith(initiate)) {
      String[] parts = path.substring(initiate.length()).split("/", -1);
      if (parts.length == 2) {
        Channel other = channel(parts[1]);
        if (other != null && other != kind.channel()) {
          return "is the " + other + " endpoint, but the step is " + kind;
        }
        if (!parts[0].equals(campaignId)) {
          return "names campaign " + parts[0] + ", but the plan is for campaign " + campaignId;
        }
      }
    }
    for (StepKind k : StepKind.values()) {
      if (k != kind && k != StepKind.SCHEDULE_BATCH_CALL && path.equals(k.path(campaignId))) {
        return "is the endpoint of " + k + ", but the step is " + kind;
      }
    }
    return "is not the path of " + kind;
  }

  private static Channel channel(String segment) {
    for (Channel c : Channel.values()) {
      if (c.pathSegment().equals(segment)) {
        return c;
      }
    }
    return null;
  }

  private static String expected(Step step, String campaignId) {
    return step.kind() == StepKind.SCHEDULE_BATCH_CALL
        ? " (" + StepKind.schedulePath("sNNNN") + ")"
        : " ("
            + step.kind()
            + " in campaign "
            + campaignId
            + ": "
            + step.kind().path(campaignId)
            + ")";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    int n = Math.min(s.length(), 200);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      sb.append(
          c < ' ' || c == 0x7f
              ? String.format(Locale.ROOT, "\\u%04x", (int) c)
              : String.valueOf(c));
    }
    return sb.append(s.length() > n ? "…\"" : "\"").toString();
  }
}
