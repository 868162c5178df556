package dev.outreach.http.execute;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The {@code X-Idempotency-Key} of a step: derived only from the plan's campaign and {@code asOf},
 * the step's id and a SHA-256 of its body bytes, so the same step of the same plan gets the same
 * key in every process, and a changed body gets a new one.
 */
public final class IdempotencyKeys {
  private static final String PREFIX = "outreach-v1-";

  private IdempotencyKeys() {}

  /** The key for {@code step} of {@code plan}, e.g. {@code outreach-v1-3f2a…} (44 characters). */
  public static String of(Plan plan, Step step) {
    return of(plan.campaignId(), plan.asOf(), step.id(), step.bodyBytes());
  }

  /** The key from its parts; {@code asOf} counts as its instant, whatever its offset. */
  public static String of(String campaignId, OffsetDateTime asOf, String stepId, byte[] body) {
    String bodyHash = HexFormat.of().formatHex(sha256(body));
    StringBuilder in = new StringBuilder();
    for (String part : new String[] {campaignId, asOf.toInstant().toString(), stepId, bodyHash}) {
      in.append(part.length())
          .append(':')
          .append(part)
          .append(';'); // length-prefixed: no ambiguity
    }
    byte[] digest = sha256(in.toString().getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }
}
