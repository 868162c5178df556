package dev.outreach.core.decision;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asks for a call to be made through a batch-call campaign of the Batch Calls API rather than an
 * immediate initiation: the campaign runs over days, in a daily window, with a concurrency cap, an
 * optional daily cap and retries of failed calls.
 *
 * <p>Every documented constraint is checked when the campaign is built, so a rule that asks for an
 * impossible campaign fails naming the field: {@code name} 1–255 characters, {@code
 * max_concurrent_calls} 1–100, {@code max_retry_attempts} 0–3, working days 1 (Monday) to 7
 * (Sunday), ids as UUIDs. The campaign's contacts come from the API contact folder {@code
 * contactFolderId}: the documents give no call that puts contacts into a batch, so the folder must
 * hold the customers the rules chose (the plan lists them and says so in a warning).
 *
 * <pre>{@code
 * insert( Decision.call($c).agent("3f0c1a52-…").window("10:00", "18:00")
 *     .batch(BatchCampaign.of("Pre-due week", "9b1d…").concurrency(20).retries(2).days(1, 2, 3, 4, 5, 6)) );
 * }</pre>
 *
 * @param name the campaign's name, 1–255 characters
 * @param contactFolderId the UUID of the contact folder the calls are made to
 * @param phoneNumberIds outbound number UUIDs; empty means the agent's own numbers
 * @param rotation how outbound numbers rotate, or {@code null} for the API's default ({@code
 *     random})
 * @param workingDays the days of the week calls may be made on, or {@code null} for the policy's
 *     working days (the plan always sends them explicitly, intersected with the guardrail policy's)
 * @param maxConcurrentCalls 1–100, or {@code null} for the API's default (10)
 * @param maxCallsPerDay at least 1, or {@code null} for no daily cap
 * @param maxRetryAttempts 0–3; more than 0 also sets {@code retry_failed}
 */
public record BatchCampaign(
    String name,
    String contactFolderId,
    List<String> phoneNumberIds,
    Rotation rotation,
    Set<DayOfWeek> workingDays,
    Integer maxConcurrentCalls,
    Integer maxCallsPerDay,
    int maxRetryAttempts)
    implements java.io.Serializable {

  /** The documented {@code phone_rotation_strategy} values. */
  public enum Rotation {
    RANDOM,
    SEQUENTIAL,
    ROUND_ROBIN;

    /** The API's spelling: {@code random}, {@code sequential}, {@code round_robin}. */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public BatchCampaign {
    if (name == null || name.isBlank() || name.length() > 255) {
      throw new InvalidDecisionException(
          "batch name must be 1 to 255 characters, not blank: "
              + (name == null ? "null" : name.length() + " characters"));
    }
    requireUuid("contact_folder_id", contactFolderId);
    phoneNumberIds = List.copyOf(Objects.requireNonNull(phoneNumberIds, "phoneNumberIds == null"));
    for (String id : phoneNumberIds) {
      requireUuid("phone_number_ids", id);
    }
    if (workingDays != null) {
      if (workingDays.isEmpty()) {
        throw new InvalidDecisionException(
            "batch working_days is empty: the campaign would never call");
      }
      workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
    }
    if (maxConcurrentCalls != null && (maxConcurrentCalls < 1 || maxConcurrentCalls > 100)) {
      throw new InvalidDecisionException(
          "batch max_concurrent_calls " + maxConcurrentCalls + " is not from 1 to 100");
    }
    if (maxCallsPerDay != null && maxCallsPerDay < 1) {
      throw new InvalidDecisionException(
          "batch max_calls_per_day " + maxCallsPerDay + " is below 1");
    }
    if (maxRetryAttempts < 0 || maxRetryAttempts > 3) {
      throw new InvalidDecisionException(
          "batch max_retry_attempts " + maxRetryAttempts + " is not from 0 to 3");
    }
  }

  /**
   * A campaign named {@code name} calling the contacts of folder {@code contactFolderId}, API
   * defaults otherwise.
   */
  public static BatchCampaign of(String name, String contactFolderId) {
    return new BatchCampaign(name, contactFolderId, List.of(), null, null, null, null, 0);
  }

  /** At most {@code calls} calls at once (1–100). */
  public BatchCampaign concurrency(int calls) {
    return new BatchCampaign(
        name,
        contactFolderId,
        phoneNumberIds,
        rotation,
        workingDays,
        calls,
        maxCallsPerDay,
        maxRetryAttempts);
  }

  /** At most {@code calls} calls a day (at least 1). */
  public BatchCampaign callsPerDay(int calls) {
    return new BatchCampaign(
        name,
        contactFolderId,
        phoneNumberIds,
        rotation,
        workingDays,
        maxConcurrentCalls,
        calls,
        maxRetryAttempts);
  }

  /** Retry a failed call up to {@code attempts} times (0–3). */
  public BatchCampaign retries(int attempts) {
    return new BatchCampaign(
        name,
        contactFolderId,
        phoneNumberIds,
        rotation,
        workingDays,
        maxConcurrentCalls,
        maxCallsPerDay,
        attempts);
  }

  /** Call only on these days, 1 = Monday … 7 = Sunday (the API's numbering). */
  public BatchCampaign days(int... days) {
    List<DayOfWeek> list = new ArrayList<>();
    for (int d : days) {
      if (d < 1 || d > 7) {
        throw new InvalidDecisionException(
            "batch working_days has " + d + ": days are 1 (Monday) to 7 (Sunday)");
      }
      list.add(DayOfWeek.of(d));
    }
    return new BatchCampaign(
        name,
        contactFolderId,
        phoneNumberIds,
        rotation,
        list.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(list),
        maxConcurrentCalls,
        maxCallsPerDay,
        maxRetryAttempts);
  }

  /** Call from these outbound number UUIDs instead of the agent's own. */
  public BatchCampaign phoneNumbers(String... ids) {
    return new BatchCampaign(
        name,
        contactFolderId,
        List.of(ids),
        rotation,
        workingDays,
        maxConcurrentCalls,
        maxCallsPerDay,
        maxRetryAttempts);
  }

  /** How outbound numbers rotate: {@code random}, {@code sequential} or {@code round_robin}. */
  public BatchCampaign rotation(String strategy) {
    Rotation r;
    try {
      r =
          Rotation.valueOf(
              Objects.requireNonNull(strategy, "strategy == null").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidDecisionException(
          "batch phone_rotation_strategy \""
              + strategy
              + "\" is not random, sequential or round_robin");
    }
    return new BatchCampaign(
        name,
        contactFolderId,
        phoneNumberIds,
        r,
        workingDays,
        maxConcurrentCalls,
        maxCallsPerDay,
        maxRetryAttempts);
  }

  /**
   * Whether {@code id} is a UUID, as the Batch Calls API requires of agent, folder and number ids.
   */
  public static boolean isUuid(String id) {
    return id != null && UUID.matcher(id).matches();
  }

  private static void requireUuid(String field, String id) {
    if (!isUuid(id)) {
      throw new InvalidDecisionException("batch " + field + " \"" + id + "\" is not a UUID");
    }
  }
}
