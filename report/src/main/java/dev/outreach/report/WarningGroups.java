package dev.outreach.report;

import dev.outreach.core.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan's warnings aggregated for reports: the per-customer ones grouped by code, rule, channel
 * and outcome, each group with its count and a few example loan ids, most frequent first; the
 * plan-wide ones (about a batch, naming no customer) kept one by one, as they are few and each asks
 * for an action.
 *
 * <p>The outcome is what the warning says became of the contact: {@code dropped}, or {@code moved
 * to} the day and hour it was moved to in the customer's local time ({@code moved to Mon 2025-08-11
 * 08:00} when every move of the group names that same time, {@code moved to Mon 2025-08-11
 * 14:00–14:59} when they differ within the hour), or {@code note} for a warning that neither moved
 * nor dropped a contact (a customer kept out of a batch's folder). Every warning stays, unchanged,
 * in the plan JSON and in {@code explain}. Aggregating costs one hash look-up per warning; the
 * result is independent of the order of the plan's warnings.
 */
public final class WarningGroups {
  /** Example loan ids kept per group. */
  public static final int EXAMPLES = 3;

  /**
   * One group.
   *
   * @param rule the rule whose decision it was, or {@code -} when the warning names none
   * @param channel {@code CALL}, {@code SMS}, {@code WHATSAPP}, or {@code -}
   * @param warnings how many warnings the group holds (one per contact: a customer and a channel)
   * @param examples the {@value #EXAMPLES} smallest loan ids of the group, sorted
   */
  public record Group(
      String code,
      String rule,
      String channel,
      String outcome,
      int warnings,
      List<String> examples) {
    public Group {
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(rule, "rule == null");
      Objects.requireNonNull(channel, "channel == null");
      Objects.requireNonNull(outcome, "outcome == null");
      examples = List.copyOf(examples);
    }
  }

  /**
   * Distinct messages whose outcome is remembered: most warnings repeat a few sentences word for
   * word.
   */
  private static final int CACHED = 4_096;

  private record Key(String code, String rule, String channel, String bucket) {}

  /** A group being counted. */
  private static final class Tally {
    int warnings;
    final String[] smallest = new String[EXAMPLES];
    String at;
    boolean mixed;

    void add(String id, String exactly) {
      warnings++;
      if (exactly != null) {
        if (at == null) {
          at = exactly;
        } else if (!at.equals(exactly)) {
          mixed = true;
        }
      }
      for (int i = 0; i < EXAMPLES; i++) {
        if (smallest[i] != null && smallest[i].equals(id)) {
          return;
        }
        if (smallest[i] == null || id.compareTo(smallest[i]) < 0) {
          System.arraycopy(smallest, i, smallest, i + 1, EXAMPLES - i - 1);
          smallest[i] = id;
          return;
        }
      }
    }
  }

  private final int total;
  private final List<Group> groups;
  private final List<Plan.Warning> planWide;

  private WarningGroups(int total, List<Group> groups, List<Plan.Warning> planWide) {
    this.total = total;
    this.groups = List.copyOf(groups);
    this.planWide = List.copyOf(planWide);
  }

  /** Groups {@code plan}'s warnings. */
  public static WarningGroups of(Plan plan) {
    Map<Key, Tally> tallies = new HashMap<>();
    List<Plan.Warning> planWide = new ArrayList<>();
    Map<String, WarningOutcome> outcomes = new HashMap<>();
    for (Plan.Warning w : plan.warnings()) {
      if (w.customerId() == null) {
        planWide.add(w);
        continue;
      }
      WarningOutcome o = outcomes.get(w.message());
      if (o == null) {
        o = WarningOutcome.of(w.message());
        if (outcomes.size() < CACHED) {
          outcomes.put(w.message(), o);
        }
      }
      Key k = new Key(w.code(), w.rule() == null ? "-" : w.rule(), o.channel(), o.bucket());
      tallies.computeIfAbsent(k, x -> new Tally()).add(w.customerId(), o.at());
    }
    List<Group> groups = new ArrayList<>(tallies.size());
    tallies.forEach(
        (k, t) -> {
          List<String> examples = new ArrayList<>(EXAMPLES);
          for (String id : t.smallest) {
            if (id != null) {
              examples.add(id);
            }
          }
          groups.add(
              new Group(
                  k.code(), k.rule(), k.channel(), outcome(k.bucket(), t), t.warnings, examples));
        });
    groups.sort(
        Comparator.comparingInt(Group::warnings)
            .reversed()
            .thenComparing(Group::code)
            .thenComparing(Group::rule)
            .thenComparing(Group::channel)
            .thenComparing(Group::outcome));
    return new WarningGroups(plan.warnings().size(), groups, planWide);
  }

  /** The outcome as a report shows it: the exact time of a move when the whole group names one. */
  private static String outcome(String bucket, Tally t) {
    if (t.at == null) {
      return bucket;
    }
    boolean sameDay = bucket.startsWith("moved to the same day ");
    String when;
    if (!t.mixed || !bucket.matches("moved to .* \\d{2}")) {
      when = sameDay ? t.at + " the same day" : t.at;
    } else {
      String hour = bucket.substring(bucket.length() - 2);
      String range = hour + ":00–" + hour + ":59";
      when =
          sameDay
              ? range + " the same day"
              : bucket.substring("moved to ".length(), bucket.length() - 2) + range;
    }
    return "moved to " + when;
  }

  /** How many warnings the plan has, plan-wide ones included. */
  public int total() {
    return total;
  }

  /** The per-customer groups, the most warnings first, then by code, rule, channel and outcome. */
  public List<Group> groups() {
    return groups;
  }

  /** The warnings that name no customer (about a batch), in the plan's order. */
  public List<Plan.Warning> planWide() {
    return planWide;
  }
}
