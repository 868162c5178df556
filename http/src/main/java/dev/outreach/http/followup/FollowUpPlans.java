package dev.outreach.http.followup;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.journal.JournalContents;
import dev.outreach.http.journal.JournalRecord;
import dev.outreach.http.journal.Result;
import dev.outreach.http.journal.StepHistory;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the follow-up of an executed plan from its journal: for every step the API answered with a
 * 207, a step of the same kind and body for exactly the customers it reported failed - selected by
 * {@code filters.ids} with {@code limit} their number (an upload keeps only their records) - with a
 * new id ({@code f-} and the original id), the original {@code notAfter}, and {@code notBefore} the
 * later of the original and now. Steps whose outcome is unknown are never followed up: nobody knows
 * whether those customers were contacted. Nor are {@code short} steps (a success reply that
 * initiated fewer customers than planned): the API did not name the ones it left out, so no
 * follow-up can select them.
 */
public final class FollowUpPlans {
  private FollowUpPlans() {}

  /**
   * The follow-up of {@code plan} as executed per {@code journal}; {@code clock} says when "now"
   * is.
   *
   * @throws IllegalArgumentException if the journal belongs to another plan
   */
  public static FollowUp of(Plan plan, JournalContents journal, Clock clock) {
    if (!journal.header().planSha256().equals(PlanExecutor.sha256(plan))) {
      throw new IllegalArgumentException(
          "the journal belongs to another plan (sha256 "
              + journal.header().planSha256()
              + "); this plan's sha256 is "
              + PlanExecutor.sha256(plan));
    }
    Map<String, StepHistory> history = journal.steps();
    List<Step> uploads = new ArrayList<>();
    List<Step> contacts = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    Set<String> customers = new TreeSet<>();
    Map<Channel, Set<String>> byChannel = new EnumMap<>(Channel.class);
    OffsetDateTime now =
        OffsetDateTime.ofInstant(clock.instant(), plan.asOf().getOffset())
            .truncatedTo(ChronoUnit.SECONDS);
    for (Step step : plan.steps()) {
      StepHistory h = history.get(step.id());
      if (h == null) {
        continue;
      }
      if (h.interrupted() || h.lastOutcome().map(o -> o.result() == Result.UNKNOWN).orElse(false)) {
        leftOut.add(
            step.id()
                + " "
                + step.kind()
                + ": outcome unknown; its "
                + step.customerIds().size()
                + " customers may have been contacted - check with the API before contacting them again");
        continue;
      }
      JournalRecord.Outcome o = h.lastOutcome().orElseThrow();
      if (o.result() == Result.SHORT) {
        leftOut.add(
            step.id()
                + " "
                + step.kind()
                + ": short - the API reported "
                + o.succeeded().orElse(0)
                + " of its "
                + step.customerIds().size()
                + (step.kind().contacts() ? " customers initiated" : " records added")
                + " and did not name the others, so a follow-up cannot select them by id; check in the provider's"
                + " dashboard which were reached, then plan again for the others");
        continue;
      }
      if (o.result() != Result.PARTIAL) {
        continue;
      }
      Set<String> planned = new LinkedHashSet<>(step.customerIds());
      TreeSet<String> failed = new TreeSet<>();
      o.failedIds().stream().filter(planned::contains).forEach(failed::add);
      if (failed.isEmpty()) {
        leftOut.add(
            step.id()
                + " "
                + step.kind()
                + ": partly failed (HTTP 207) but the server named none of the"
                + " step's customers; check with the API which ones failed");
        continue;
      }
      if (failed.size() < o.failedIds().size()) {
        leftOut.add(
            step.id()
                + ": "
                + (o.failedIds().size() - failed.size())
                + " failed ids the server named are not customers of the step and are left out");
      }
      Step next = followUp(step, List.copyOf(failed), now);
      (step.kind() == StepKind.BULK_ADD_CUSTOMERS ? uploads : contacts).add(next);
      if (step.kind().contacts()) {
        customers.addAll(failed);
        byChannel.computeIfAbsent(step.kind().channel(), c -> new TreeSet<>()).addAll(failed);
      }
      if (step.notAfter() != null && now.isAfter(step.notAfter())) {
        leftOut.add(
            next.id()
                + ": its window ended at "
                + step.notAfter()
                + ", so executing it now reports it"
                + " expired; plan again for a new window");
      }
    }
    List<Step> steps = new ArrayList<>(uploads);
    steps.addAll(contacts);
    Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      counts.put(c, byChannel.getOrDefault(c, Set.of()).size());
    }
    Summary summary =
        new Summary(customers.size(), customers.size(), 0, 0, 0, steps.size(), counts);
    List<Plan.Warning> warnings =
        List.of(
            new Plan.Warning(
                "FOLLOW_UP",
                null,
                null,
                "follow-up of plan sha256 "
                    + journal.header().planSha256()
                    + ": the customers its 207 replies reported failed"));
    Plan out =
        new Plan(
            plan.campaignId(),
            now,
            plan.zone(),
            summary,
            steps,
            List.of(),
            List.of(),
            List.of(),
            warnings,
            List.of());
    return new FollowUp(out, leftOut);
  }

  private static Step followUp(Step step, List<String> ids, OffsetDateTime now) {
    OffsetDateTime notBefore =
        step.notBefore().isAfter(now)
            ? step.notBefore()
            : now.withOffsetSameInstant(step.notBefore().getOffset());
    JsonObject body =
        step.kind() == StepKind.BULK_ADD_CUSTOMERS
            ? records(step.body(), ids)
            : selecting(step.body(), ids);
    return new Step(
        "f-" + step.id(),
        step.kind(),
        step.method(),
        step.path(),
        notBefore,
        step.notAfter(),
        body,
        ids,
        step.rules());
  }

  /**
   * The initiate body with {@code filters} selecting exactly {@code ids} and {@code limit} their
   * number.
   */
  private static JsonObject selecting(JsonObject body, List<String> ids) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    ids.forEach(a::add);
    return Json.createObjectBuilder(body)
        .add("limit", ids.size())
        .add("filters", Json.createObjectBuilder().add("ids", a))
        .build();
  }

  /** The upload body keeping only the records of {@code ids}. */
  private static JsonObject records(JsonObject body, List<String> ids) {
    Set<String> keep = Set.copyOf(ids);
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (JsonValue r : body.getJsonArray("records")) {
      if (r instanceof JsonObject o && keep.contains(o.getString("loan_id", ""))) {
        a.add(o);
      }
    }
    return Json.createObjectBuilder(body).add("records", a).build();
  }
}
