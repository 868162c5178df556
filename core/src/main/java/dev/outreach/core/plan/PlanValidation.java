package dev.outreach.core.plan;

import dev.outreach.core.filter.Filters;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a whole plan before anything of it is sent, and finds every problem, not only the first:
 *
 * <ul>
 *   <li>the campaign id is one path segment; step ids are unique, method {@code POST}; {@code
 *       notAfter} (if any) is not before {@code notBefore}; every step has customers, each once;
 *       every upload comes before the first contact step;
 *   <li>each path is relative, under {@code /api/v1/}, with no {@code ..}, {@code //}, query,
 *       fragment or percent-encoding, and is exactly the path its kind prescribes for the plan's
 *       campaign ({@link StepKind#path}); a schedule step's path names an earlier create step;
 *   <li>each body has only the documented fields of its endpoint, of the right types, the required
 *       ones present (api/openapi.yaml and the Batch Calls document); an upload adds only the
 *       plan's campaign's customers and never calls or starts a workflow itself;
 *   <li>each initiate body selects its {@code customerIds}: {@code filters} present and not empty
 *       (without them the request reaches the whole campaign), {@code limit} the number of
 *       customers, {@code filters.ids} (if present) exactly the customers once each, {@code
 *       filters.exclude_ids} none of them. Attribute filters ({@code payment_status}, {@code
 *       emi_due_date}, …) select from the campaign on the server: only the planner, with the
 *       portfolio, can prove them exact;
 *   <li>no customer is contacted twice on a channel (two initiate steps, or a call step and a batch
 *       campaign), and no two steps of a channel have the same attribute filters.
 * </ul>
 */
public final class PlanValidation {
  /** Unreserved URI characters only, so the campaign id is one path segment as it stands. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  private PlanValidation() {}

  /** Every problem of {@code plan}, in plan order; empty when it may be sent. */
  public static List<PlanProblem> problems(Plan plan) {
    return problems(plan, null);
  }

  /**
   * As {@link #problems(Plan)}, naming step {@code i} {@code steps[positions.get(i)]} (all when
   * null).
   */
  static List<PlanProblem> problems(Plan plan, List<Integer> positions) {
    Findings f = new Findings();
    String campaignId = plan.campaignId();
    if (!isPathSegment(campaignId)) {
      f.add(
          null,
          "campaignId",
          "\"" + campaignId + "\" cannot be a path segment",
          "use the campaign's id: letters, digits, '.', '_', '~' or '-'");
    }
    Map<String, Step> earlier = new HashMap<>();
    UploadRules uploads = new UploadRules();
    ChannelOverlap overlap = new ChannelOverlap();
    String firstContact = null;
    for (int i = 0; i < plan.steps().size(); i++) {
      Step step = plan.steps().get(i);
      String p = "steps[" + (positions == null ? i : positions.get(i)) + "]";
      common(step, p, earlier, f);
      PathRules.check(step, p, campaignId, earlier, f);
      Filters filters = null;
      Set<String> customers = new HashSet<>(step.customerIds());
      switch (step.kind()) {
        case BULK_ADD_CUSTOMERS:
          uploads.check(step, p, campaignId, f);
          if (firstContact != null) {
            f.add(
                step.id(),
                p + ".kind",
                "uploads customers after contact step "
                    + firstContact
                    + "; every upload must come before any contact",
                "plan again");
          }
          break;
        case CREATE_BATCH_CALL:
          BatchBodyCheck.create(step, p, f);
          break;
        case SCHEDULE_BATCH_CALL:
          Step create = step.referencedStepId().map(earlier::get).orElse(null);
          BatchBodyCheck.schedule(step, p, create, f);
          if (create != null && create.kind() == StepKind.CREATE_BATCH_CALL) {
            customers.addAll(create.customerIds());
          }
          break;
        default:
          filters = InitiateRules.check(step, p, f);
          break;
      }
      if (step.kind().contacts()) {
        overlap.add(step, p, customers, filters, f);
        if (firstContact == null) {
          firstContact = step.id();
        }
      }
      earlier.putIfAbsent(step.id(), step);
    }
    return f.list();
  }

  /**
   * Whether {@code campaignId} can stand in a request path as it is (the rule {@link
   * Planner#builder} applies): unreserved URI characters only (letters, digits, {@code . _ ~ -}),
   * and not {@code .} or {@code ..}.
   */
  public static boolean isPathSegment(String campaignId) {
    return SEGMENT.matcher(campaignId).matches()
        && !campaignId.equals(".")
        && !campaignId.equals("..");
  }

  /**
   * Throws unless {@code plan} may be sent.
   *
   * @throws InvalidPlanException listing every problem of {@link #problems(Plan)}
   */
  public static void require(Plan plan) {
    List<PlanProblem> problems = problems(plan);
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(problems);
    }
  }

  private static void common(Step step, String p, Map<String, Step> earlier, Findings f) {
    String id = step.id();
    if (id.isBlank() || id.chars().anyMatch(c -> c <= ' ' || c == '{' || c == '}' || c == '/')) {
      f.add(id, p + ".id", "must be a non-empty id without spaces, '/', '{' or '}'", null);
    }
    if (earlier.containsKey(id)) {
      f.add(id, p + ".id", "repeats the id of an earlier step", "give every step its own id");
    }
    if (!step.method().equals("POST")) {
      f.add(
          id,
          p + ".method",
          "is " + step.method() + "; every documented request of a plan is POST",
          "use POST");
    }
    OffsetDateTime nb = step.notBefore();
    if (step.notAfter() != null && step.notAfter().isBefore(nb)) {
      f.add(
          id,
          p + ".notAfter",
          PlanJson.TIME.format(step.notAfter())
              + " is before notBefore "
              + PlanJson.TIME.format(nb)
              + ", so the step could never be sent",
          "plan again");
    }
    if (step.customerIds().isEmpty()) {
      f.add(
          id,
          p + ".customerIds",
          "is empty: every step is for at least one customer",
          "list the customers the step is for, or remove the step");
    }
    Set<String> seen = new HashSet<>();
    Set<String> twice = new TreeSet<>();
    int blank = 0;
    for (String c : step.customerIds()) {
      if (c.isBlank()) {
        blank++;
      } else if (!seen.add(c)) {
        twice.add(c);
      }
    }
    if (blank > 0) {
      f.add(id, p + ".customerIds", "holds " + blank + " blank loan id(s)", "remove them");
    }
    if (!twice.isEmpty()) {
      f.add(
          id,
          p + ".customerIds",
          "lists " + twice.size() + " loan id(s) more than once: " + Findings.sample(twice),
          "list each customer once");
    }
  }
}
