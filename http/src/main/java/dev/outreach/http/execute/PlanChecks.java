package dev.outreach.http.execute;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the executor needs of a plan beyond {@link dev.outreach.core.plan.PlanValidation} (which
 * {@link PlanExecutor#execute} runs first: ids, methods, order of uploads, paths and their {@code
 * {stepId}} placeholders, bodies): a sender for every step's kind; and reading those placeholders.
 */
final class PlanChecks {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

  private PlanChecks() {}

  /**
   * @throws IllegalArgumentException naming the first step this executor cannot send (nothing is
   *     sent)
   */
  static void check(Plan plan, Senders senders) {
    for (Step s : plan.steps()) {
      senders.of(s);
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
