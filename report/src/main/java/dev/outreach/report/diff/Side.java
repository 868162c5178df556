package dev.outreach.report.diff;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Step;
import dev.outreach.report.PlanIndex;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One customer's outcome in one plan.
 *
 * @param status {@code null} when the plan does not have the customer at all
 * @param contacts the contacts planned, in channel order (empty unless contacted)
 * @param reason the suppression's reason, or for a dropped customer the first warning; else {@code
 *     null}
 */
public record Side(PlanIndex.Status status, List<Reach> contacts, String reason) {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  public Side {
    contacts = List.copyOf(contacts);
  }

  /** The customer's outcome in {@code index}. */
  static Side of(PlanIndex index, String id) {
    if (!index.contains(id)) {
      return new Side(null, List.of(), null);
    }
    PlanIndex.Status status = index.status(id);
    List<Reach> reach = new ArrayList<>();
    for (Step s : index.steps(id)) {
      if (s.kind().contacts()) {
        // A step that starts what an earlier step made (a batch-call campaign) reaches customers as
        // that step
        // says, from the campaign's scheduled_at: the step itself is sent at once and the server
        // waits.
        JsonObject body =
            s.referencedStepId()
                .flatMap(
                    ref ->
                        index.plan().steps().stream().filter(x -> x.id().equals(ref)).findFirst())
                .map(Step::body)
                .orElse(s.body());
        OffsetDateTime from =
            body.containsKey("scheduled_at")
                ? OffsetDateTime.parse(body.getString("scheduled_at"))
                    .atZoneSameInstant(s.notBefore().getOffset())
                    .toOffsetDateTime()
                : s.notBefore();
        reach.add(new Reach(s.kind().channel(), s.id(), from, s.notAfter(), target(body)));
      }
    }
    reach.sort(Comparator.comparing(Reach::channel).thenComparing(Reach::notBefore));
    String reason =
        status == PlanIndex.Status.SUPPRESSED
            ? index.suppression(id).get().reason()
            : status == PlanIndex.Status.DROPPED && !index.warnings(id).isEmpty()
                ? index.warnings(id).get(0).message()
                : null;
    return new Side(status, reach, reason);
  }

  /**
   * In a few words: {@code CALL agent_abc123 / disp_xyz789 2025-08-05 10:00-13:00}, {@code
   * suppressed (already paid)}, {@code undecided}, {@code dropped (…)}, or {@code not in the plan}.
   */
  public String describe() {
    if (status == null) {
      return "not in the plan";
    }
    switch (status) {
      case CONTACTED:
        {
          StringBuilder sb = new StringBuilder();
          for (Reach r : contacts) {
            sb.append(sb.length() == 0 ? "" : "; ")
                .append(r.channel())
                .append(' ')
                .append(r.target())
                .append(' ')
                .append(WHEN.format(r.notBefore()));
            if (r.notAfter() != null) {
              sb.append('-')
                  .append(
                      r.notAfter().toLocalDate().equals(r.notBefore().toLocalDate())
                          ? HOUR.format(r.notAfter())
                          : WHEN.format(r.notAfter()));
            }
          }
          return sb.toString();
        }
      case SUPPRESSED:
        return "suppressed (" + reason + ")";
      case UNDECIDED:
        return "undecided";
      default:
        return reason == null ? "dropped" : "dropped (" + reason + ")";
    }
  }

  /** Whether the customer is contacted on some channel. */
  public boolean contacted() {
    return status == PlanIndex.Status.CONTACTED;
  }

  /**
   * One planned contact.
   *
   * @param stepId the plan's step carrying it (step ids of two plans are not comparable)
   * @param target who or what the request uses: agent and disposition, or template (and
   *     conversation)
   */
  public record Reach(
      Channel channel,
      String stepId,
      OffsetDateTime notBefore,
      OffsetDateTime notAfter,
      String target) {
    public Reach {
      Objects.requireNonNull(channel, "channel == null");
      Objects.requireNonNull(notBefore, "notBefore == null");
    }

    /** Same time slot: the same instants, whatever the offsets they are written in. */
    boolean sameTime(Reach o) {
      return notBefore.isEqual(o.notBefore)
          && (notAfter == null
              ? o.notAfter == null
              : o.notAfter != null && notAfter.isEqual(o.notAfter));
    }
  }

  /** The body's fields that say who or what reaches the customer; everything but its audience. */
  static String target(JsonObject body) {
    if (body.containsKey("agentId")) {
      return body.getString("agentId", "") + " / " + body.getString("dispositionId", "");
    }
    if (body.containsKey("agent_id")) {
      return "batch \""
          + body.getString("name", "")
          + "\" "
          + body.getString("agent_id", "")
          + (body.containsKey("start_time")
              ? " daily " + body.getString("start_time") + "-" + body.getString("end_time")
              : "")
          + " "
          + body.getString("timezone", "")
          + ", days "
          + body.getOrDefault("working_days", JsonValue.EMPTY_JSON_ARRAY)
          + ", retries "
          + body.getInt("max_retry_attempts", 0);
    }
    if (body.containsKey("templateId")) {
      String t = "template " + body.getString("templateId", "");
      JsonObject c = body.getJsonObject("conversationSettings");
      return c == null
          ? t
          : t + " -> " + c.getString("agentId", "") + " / " + c.getString("dispositionId", "");
    }
    StringBuilder sb = new StringBuilder();
    body.forEach(
        (k, v) -> {
          if (!k.equals("filters")
              && !k.equals("limit")
              && v.getValueType() != JsonValue.ValueType.ARRAY) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v);
          }
        });
    return sb.toString();
  }
}
