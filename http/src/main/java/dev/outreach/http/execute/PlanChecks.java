package dev.outreach.http.execute;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before anything is sent, that a plan can be executed in order: unique step ids, POST steps of
 * kinds this executor sends, every upload before every contact, and every {@code {stepId}} placeholder
 * in a path naming an earlier step.
 */
final class PlanChecks {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

  private PlanChecks() {}

  /** @throws IllegalArgumentException naming the first step that breaks a rule (nothing is sent) */
  static void check(Plan plan, Senders senders) {
    java.util.Map<String, StepKind> seen = new java.util.HashMap<>();
    String firstContact = null;
    for (Step s : plan.steps()) {
      if (seen.putIfAbsent(s.id(), s.kind()) != null) {
        throw new IllegalArgumentException("plan has two steps with id " + s.id());
      }
      senders.of(s);
      if (!s.method().equals("POST")) {
        throw new IllegalArgumentException("step " + s.id() + " has method " + s.method() + "; plans only POST");
      }
      if (s.kind() == StepKind.BULK_ADD_CUSTOMERS && firstContact != null) {
        throw new IllegalArgumentException("step " + s.id() + " uploads customers after contact step " + firstContact
            + "; every upload must come before any contact. Plan again");
      }
      if (s.kind().contacts() && firstContact == null) {
        firstContact = s.id();
      }
      for (String ref : references(s)) {
        if (ref.equals(s.id()) || seen.get(ref) != StepKind.CREATE_BATCH_CALL) {
          throw new IllegalArgumentException("step " + s.id() + " path " + s.path() + " refers to {" + ref
              + "}, which is not an earlier CREATE_BATCH_CALL step of the plan");
        }
      }
    }
  }

  /** The step ids {@code step}'s path refers to, as {@code {stepId}} placeholders. */
  static List<String> references(Step step) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(step.path());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** {@code path} with each {@code {stepId}} replaced by {@code ids.get(stepId)}. */
  static String resolve(String path, java.util.function.Function<String, String> ids) {
    Matcher m = PLACEHOLDER.matcher(path);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(ids.apply(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
