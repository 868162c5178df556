package dev.outreach.core.plan;

import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request of a plan.
 *
 * @param id unique within the plan, stable for the same inputs
 * @param notBefore the earliest moment the request may be sent
 * @param notAfter the moment after which it must no longer be sent (the end of the decision's
 *     window), or {@code null} when the decision set no window
 * @param body exactly the JSON the executor sends (see {@link #bodyBytes()})
 * @param customerIds the loan ids the request reaches, sorted; the body selects exactly these
 * @param rules the names of the rules whose decisions this step carries out, sorted
 */
public record Step(
    String id,
    StepKind kind,
    String method,
    String path,
    OffsetDateTime notBefore,
    OffsetDateTime notAfter,
    JsonObject body,
    List<String> customerIds,
    List<String> rules) {

  public Step {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(notBefore, "notBefore == null");
    Objects.requireNonNull(body, "body == null");
    customerIds = List.copyOf(customerIds);
    rules = List.copyOf(rules);
  }

  /**
   * The id of the earlier step whose response this step's path refers to. Only a {@link
   * StepKind#SCHEDULE_BATCH_CALL} step refers to one, and only through the exact path {@link
   * StepKind#schedulePath(String)} prescribes: {@code /api/v1/batch-calls/{s0007}/schedule} names
   * step {@code s0007}, whose response's {@code data.id} replaces {@code {s0007}} when it is sent.
   * Any other path, or any other kind, refers to none (plan validation then names the path).
   */
  public Optional<String> referencedStepId() {
    if (kind != StepKind.SCHEDULE_BATCH_CALL) {
      return Optional.empty();
    }
    String prefix = StepKind.BATCH_CALLS_PATH + "/{";
    String suffix = "}/schedule";
    if (!path.startsWith(prefix)
        || !path.endsWith(suffix)
        || path.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    String ref = path.substring(prefix.length(), path.length() - suffix.length());
    return StepKind.schedulePath(ref).equals(path) && ref.indexOf('{') < 0 && ref.indexOf('}') < 0
        ? Optional.of(ref)
        : Optional.empty();
  }

  /** This step's path with the referenced step's returned id in place of {@code {stepId}}. */
  public String resolvedPath(String referencedId) {
    Optional<String> ref = referencedStepId();
    if (ref.isEmpty()) {
      return path;
    }
    if (referencedId == null || referencedId.isBlank() || referencedId.contains("/")) {
      throw new IllegalArgumentException(
          "step "
              + id
              + " needs the id returned by step "
              + ref.get()
              + ", not \""
              + referencedId
              + "\"");
    }
    return path.replace("{" + ref.get() + "}", referencedId);
  }

  /** The request body as sent: compact UTF-8 JSON, keys in plan order. */
  public byte[] bodyBytes() {
    return JsonText.compactBytes(body);
  }
}
