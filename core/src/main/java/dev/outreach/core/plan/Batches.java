package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.BatchCampaign;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.ContactHours;
import dev.outreach.core.guardrail.FrequencyCap;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.guardrail.Wanted;
import dev.outreach.core.plan.Plan.Warning;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The batch-call campaigns of one plan. A campaign calls every contact of its folder, so one folder
 * is one campaign: every decision naming a folder must agree on the campaign, agent, time zone and
 * daily window, or planning fails naming the folder. The campaign calls only within the decisions'
 * daily window clipped to the policy's calling hours, and only on the campaign's working days that
 * the policy also allows; it starts at the first such moment, on a day that is not a holiday, when
 * every one of its customers may be called (at or after the latest of their next allowed slots).
 * Not thread-safe; used once.
 */
final class Batches {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final GuardrailPolicy policy;
  private final ContactHistory history;
  private final OffsetDateTime asOf;
  private final ZoneId planZone;
  private final TreeMap<String, Batch> byFolder = new TreeMap<>();

  /**
   * Customers a rule put in a folder's campaign but who will not be called through it, with why.
   */
  private final TreeMap<String, TreeMap<String, String>> excluded = new TreeMap<>();

  Batches(Guardrails guardrails, OffsetDateTime asOf, ZoneId planZone) {
    this.policy = guardrails.policy();
    this.history = guardrails.history();
    this.asOf = asOf;
    this.planZone = planZone;
  }

  /** A batch being filled from one folder. */
  private static final class Batch {
    final Contact first;
    final ZoneId zone;
    final List<String> customerIds = new ArrayList<>();
    final TreeSet<String> rules = new TreeSet<>();
    ZonedDateTime start;

    Batch(Contact first, ZoneId zone, ZonedDateTime start) {
      this.first = first;
      this.zone = zone;
      this.start = start;
    }
  }

  /**
   * Puts {@code c}, allowed by the guardrails from {@code notBefore} in zone {@code zone}, into its
   * folder's campaign.
   *
   * @throws IllegalArgumentException when the folder's campaign is already set up differently
   */
  void add(Contact c, ZoneId zone, ZonedDateTime notBefore) {
    BatchCampaign campaign = c.batch();
    Batch b = byFolder.get(campaign.contactFolderId());
    if (b == null) {
      b = new Batch(c, zone, notBefore.withZoneSameInstant(zone));
      byFolder.put(campaign.contactFolderId(), b);
    } else {
      requireSame(b, c, zone);
      if (notBefore.isAfter(b.start)) {
        b.start = notBefore.withZoneSameInstant(zone);
      }
    }
    b.customerIds.add(c.customerId());
    b.rules.add(c.rule());
  }

  /**
   * Why the campaign's retries could break a call frequency cap for {@code c}'s customer, or {@code
   * null}. A failed call may be retried {@code max_retry_attempts} times, so the first attempt at
   * {@code notBefore} and every retry are counted against each cap, as if all fell within its
   * period; the campaign starts no earlier, so no fewer past attempts count then.
   */
  String capProblem(Contact c, ZonedDateTime notBefore) {
    int retries = c.batch().maxRetryAttempts();
    if (retries == 0) {
      return null; // the first attempt alone was checked with every other guardrail
    }
    for (FrequencyCap cap : policy.caps()) {
      if (cap.channel() != Channel.CALL) {
        continue;
      }
      java.time.Instant from = notBefore.toInstant().minus(cap.within());
      long past =
          history.attempts(c.customerId(), Channel.CALL).stream()
              .filter(a -> a.at().isAfter(from) && !a.at().isAfter(notBefore.toInstant()))
              .count();
      if (past + 1 + retries > cap.max()) {
        return "the batch may call "
            + (1 + retries)
            + " times (max_retry_attempts "
            + retries
            + ") and "
            + past
            + " calls were already made within the period, which could break the cap of "
            + cap;
      }
    }
    return null;
  }

  /** Notes that {@code c} asked for a campaign but will not be called through it, and why. */
  void exclude(Contact c, String why) {
    excluded
        .computeIfAbsent(c.batch().contactFolderId(), k -> new TreeMap<>())
        .putIfAbsent(c.customerId(), why);
  }

  private static void requireSame(Batch b, Contact c, ZoneId zone) {
    Contact f = b.first;
    String folder = c.batch().contactFolderId();
    String differs = null;
    if (!f.batch().equals(c.batch())) {
      differs =
          "different campaign settings ("
              + describe(f.batch())
              + " vs "
              + describe(c.batch())
              + ")";
    } else if (!f.agentId().equals(c.agentId())) {
      differs = "different agents (" + f.agentId() + " vs " + c.agentId() + ")";
    } else if (!b.zone.equals(zone)) {
      differs =
          "customers in different time zones ("
              + b.zone
              + " vs "
              + zone
              + "); a campaign has one time zone,"
              + " so use one folder per zone";
    } else if (!Objects.equals(f.timing().start(), c.timing().start())
        || !Objects.equals(f.timing().end(), c.timing().end())) {
      differs = "different daily windows (" + f.timing() + " vs " + c.timing() + ")";
    }
    if (differs != null) {
      throw new IllegalArgumentException(
          "contact folder "
              + folder
              + " is one batch-call campaign, but rule \""
              + f.rule()
              + "\" (customer "
              + f.customerId()
              + ") and rule \""
              + c.rule()
              + "\" (customer "
              + c.customerId()
              + ") ask for "
              + differs);
    }
  }

  private static String describe(BatchCampaign b) {
    return "\""
        + b.name()
        + "\", concurrency "
        + b.maxConcurrentCalls()
        + ", per day "
        + b.maxCallsPerDay()
        + ", retries "
        + b.maxRetryAttempts()
        + ", days "
        + b.workingDays();
  }

  /**
   * Appends each campaign's create and schedule steps to {@code steps}, and its warnings to {@code
   * warnings}.
   */
  void steps(List<Step> steps, List<Warning> warnings) {
    for (Map.Entry<String, Batch> e : byFolder.entrySet()) {
      Batch b = e.getValue();
      b.customerIds.sort(null);
      LocalTime[] window = window(b);
      Set<DayOfWeek> days = workingDays(b);
      b.start = firstCall(b, window, days);
      JsonObject body = createBody(b, window, days);
      OffsetDateTime now = asOf.atZoneSameInstant(planZone).toOffsetDateTime();
      OffsetDateTime lastStart =
          dayEnd(b, window)
              .withZoneSameInstant(planZone)
              .toOffsetDateTime(); // like every step's times
      String createId = String.format(Locale.ROOT, "s%04d", steps.size() + 1);
      List<String> rules = List.copyOf(b.rules);
      steps.add(
          new Step(
              createId,
              StepKind.CREATE_BATCH_CALL,
              "POST",
              StepKind.BATCH_CALLS_PATH,
              now,
              lastStart,
              body,
              b.customerIds,
              rules));
      String scheduleId = String.format(Locale.ROOT, "s%04d", steps.size() + 1);
      steps.add(
          new Step(
              scheduleId,
              StepKind.SCHEDULE_BATCH_CALL,
              "POST",
              StepKind.schedulePath(createId),
              now,
              lastStart,
              Json.createObjectBuilder().build(),
              b.customerIds,
              rules));
      warnings.add(
          new Warning(
              "BATCH_FOLDER",
              null,
              b.first.rule(),
              "batch \""
                  + b.first.batch().name()
                  + "\" (steps "
                  + createId
                  + ", "
                  + scheduleId
                  + ") calls every contact in folder "
                  + e.getKey()
                  + ": the API has no call that fills a folder, so it must hold exactly these "
                  + String.format(Locale.ROOT, "%,d", b.customerIds.size())
                  + " customers when "
                  + scheduleId
                  + " runs"));
      holidays(b, days, createId, warnings);
      TreeMap<String, String> out = excluded.getOrDefault(e.getKey(), new TreeMap<>());
      Set<String> in = new HashSet<>(b.customerIds);
      for (Map.Entry<String, String> x : out.entrySet()) {
        if (in.contains(x.getKey())) {
          continue; // another of their decisions put them in this very campaign
        }
        warnings.add(
            new Warning(
                "BATCH_FOLDER_EXCLUDE",
                x.getKey(),
                null,
                "must not be in folder "
                    + e.getKey()
                    + " of batch \""
                    + b.first.batch().name()
                    + "\": "
                    + x.getValue()));
      }
    }
  }

  /**
   * The campaign's first call: the earliest instant at or after {@code b.start} (when every
   * customer may be called) inside its daily window on one of its working days that is not a
   * holiday. The API waits for its window and days anyway; this makes {@code scheduled_at} say when
   * calls really begin.
   */
  private ZonedDateTime firstCall(Batch b, LocalTime[] window, Set<DayOfWeek> days) {
    Wanted daily = new Wanted(b.start, window[0], window[1], false);
    LocalDate first = b.start.toLocalDate();
    for (int i = 0; i <= policy.horizonDays() + 7; i++) {
      LocalDate day = first.plusDays(i);
      if (!days.contains(day.getDayOfWeek()) || policy.holidays().contains(day)) {
        continue;
      }
      ZonedDateTime start = daily.startOn(day, b.zone);
      ZonedDateTime end =
          window[1] == null ? day.plusDays(1).atStartOfDay(b.zone) : daily.endOn(day, b.zone);
      ZonedDateTime t = start.isBefore(b.start) ? b.start : start;
      if (t.isBefore(end)) {
        return t;
      }
    }
    return b.start; // never reached: some working day comes within a week, and the window is not
    // empty
  }

  /**
   * The end of the campaign's first calling day: after it, the plan is stale and is not started.
   */
  private static ZonedDateTime dayEnd(Batch b, LocalTime[] window) {
    LocalDate day = b.start.withZoneSameInstant(b.zone).toLocalDate();
    return window[1] == null
        ? day.plusDays(1).atStartOfDay(b.zone)
        : new Wanted(b.start, window[0], window[1], false).endOn(day, b.zone);
  }

  private static JsonObject createBody(Batch b, LocalTime[] w, Set<DayOfWeek> days) {
    BatchCampaign c = b.first.batch();
    JsonObjectBuilder o =
        Json.createObjectBuilder().add("name", c.name()).add("agent_id", b.first.agentId());
    if (!c.phoneNumberIds().isEmpty()) {
      JsonArrayBuilder ids = Json.createArrayBuilder();
      c.phoneNumberIds().forEach(ids::add);
      o.add("phone_number_ids", ids);
    }
    if (c.rotation() != null) {
      o.add("phone_rotation_strategy", c.rotation().apiName());
    }
    o.add("contact_source", "folder")
        .add("contact_folder_id", c.contactFolderId())
        .add("schedule_type", "scheduled")
        .add("scheduled_at", AT.format(b.start))
        .add("timezone", b.zone.getId());
    if (w[0] != null) {
      o.add("start_time", HH_MM.format(w[0])).add("end_time", HH_MM.format(w[1]));
    }
    JsonArrayBuilder dayNumbers = Json.createArrayBuilder();
    days.forEach(d -> dayNumbers.add(d.getValue()));
    o.add("working_days", dayNumbers);
    if (c.maxConcurrentCalls() != null) {
      o.add("max_concurrent_calls", c.maxConcurrentCalls());
    }
    if (c.maxCallsPerDay() != null) {
      o.add("max_calls_per_day", c.maxCallsPerDay());
    }
    return o.add("retry_failed", c.maxRetryAttempts() > 0)
        .add("max_retry_attempts", c.maxRetryAttempts())
        .build();
  }

  /**
   * The daily window: the decisions' window clipped to the policy's calling hours; {nulls} when
   * neither sets one.
   */
  private LocalTime[] window(Batch b) {
    LocalTime from = b.first.timing().start();
    LocalTime to = b.first.timing().end();
    ContactHours hours = policy.hoursOf(Channel.CALL).orElse(null);
    if (hours != null) {
      from = from == null || from.isBefore(hours.from()) ? hours.from() : from;
      to = to == null || to.isAfter(hours.to()) ? hours.to() : to;
    }
    if (from != null && !to.isAfter(from)) {
      throw new IllegalArgumentException(
          "batch \""
              + b.first.batch().name()
              + "\" (rule \""
              + b.first.rule()
              + "\"): its window "
              + b.first.timing().start()
              + "-"
              + b.first.timing().end()
              + " lies outside the policy's calling hours "
              + hours);
    }
    return new LocalTime[] {from, to};
  }

  private Set<DayOfWeek> workingDays(Batch b) {
    Set<DayOfWeek> wanted = b.first.batch().workingDays();
    EnumSet<DayOfWeek> days =
        wanted == null ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(wanted);
    days.retainAll(policy.workingDays());
    if (days.isEmpty()) {
      throw new IllegalArgumentException(
          "batch \""
              + b.first.batch().name()
              + "\" (rule \""
              + b.first.rule()
              + "\"): none of its working days "
              + wanted
              + " is a working day of the policy "
              + policy.workingDays());
    }
    return days;
  }

  /**
   * The API cannot skip holidays: name those in the campaign's first weeks so someone pauses it.
   */
  private void holidays(Batch b, Set<DayOfWeek> days, String createId, List<Warning> warnings) {
    LocalDate first = b.start.toLocalDate();
    LocalDate last = first.plusDays(policy.horizonDays());
    List<String> hit = new ArrayList<>();
    for (LocalDate h : policy.holidays()) {
      if (!h.isBefore(first) && !h.isAfter(last) && days.contains(h.getDayOfWeek())) {
        hit.add(h.toString());
      }
    }
    if (!hit.isEmpty()) {
      warnings.add(
          new Warning(
              "HOLIDAY",
              null,
              b.first.rule(),
              "batch \""
                  + b.first.batch().name()
                  + "\" (step "
                  + createId
                  + ") would call on holidays "
                  + String.join(", ", hit)
                  + ": the Batch Calls API cannot skip a date, so pause the campaign on those days"));
    }
  }
}
