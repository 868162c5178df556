package dev.outreach.rules;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.experiment.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Rules that can be changed while the host application runs. {@link #reload()} compiles the new
 * rules first and swaps them in atomically only when they compile; otherwise the rules in use stay
 * in use and the result says why. Each evaluation uses one rule set from start to end, even if a
 * reload happens meanwhile.
 *
 * <pre>{@code
 * ReloadableRules rules = ReloadableRules.load(List.of(Path.of("rules/")));
 * Planner planner = ...; planner.plan(customers, rules, asOf);       // a DecisionSource
 * ReloadableRules.Result r = rules.reload();                          // e.g. from an admin endpoint
 * }</pre>
 */
public final class ReloadableRules implements DecisionSource {
  private final List<Path> paths;
  private final List<Experiment> experiments;
  private final AtomicReference<RuleSet> current;

  private ReloadableRules(List<Path> paths, List<Experiment> experiments, RuleSet first) {
    this.paths = List.copyOf(paths);
    this.experiments = List.copyOf(experiments);
    this.current = new AtomicReference<>(first);
  }

  /**
   * Loads the rules at {@code paths} (files or folders); {@link #reload()} reads the same paths
   * again.
   *
   * @throws RuleCompileException when they do not compile (there is nothing to fall back to yet)
   */
  public static ReloadableRules load(List<Path> paths) throws IOException, RuleCompileException {
    return load(paths, List.of());
  }

  /** As {@link #load(List)}, putting customers in the arms of {@code experiments}. */
  public static ReloadableRules load(List<Path> paths, List<Experiment> experiments)
      throws IOException, RuleCompileException {
    return new ReloadableRules(paths, experiments, RuleSet.load(paths));
  }

  /** Wraps {@code rules}; {@link #reload()} then needs sources ({@link #reload(List)}). */
  public static ReloadableRules of(RuleSet rules) {
    return new ReloadableRules(
        List.of(), List.of(), Objects.requireNonNull(rules, "rules == null"));
  }

  /** The rules in use now. */
  public RuleSet current() {
    return current.get();
  }

  /** Reads the paths given to {@link #load} again and swaps the rules in if they compile. */
  public Result reload() {
    if (paths.isEmpty()) {
      throw new IllegalStateException(
          "these rules were not loaded from paths: use reload(sources)");
    }
    List<RuleSource> sources = new ArrayList<>();
    try {
      for (Path p : paths) {
        sources.addAll(RuleSource.read(p));
      }
    } catch (IOException e) {
      return new Result.Kept(current.get(), e.getMessage(), List.of());
    }
    return reload(sources);
  }

  /**
   * Compiles {@code sources} and swaps them in if they compile (with the {@link RuleBudget} of the
   * rules in use); otherwise keeps the rules in use.
   */
  public Result reload(List<RuleSource> sources) {
    try {
      RuleSet next = RuleSet.compile(sources).withBudget(current.get().budget());
      return new Result.Swapped(current.getAndSet(next), next);
    } catch (RuleCompileException e) {
      return new Result.Kept(current.get(), e.getMessage(), e.problems());
    }
  }

  @Override
  public void decide(List<Customer> customers, PlanningDay day, Consumer<Ruling> sink) {
    current.get().decisions(experiments).decide(customers, day, sink);
  }

  /** What a reload did. */
  public sealed interface Result {
    /** Whether the new rules are now in use. */
    boolean swapped();

    /** The new rules compiled and are now in use; {@code previous} was in use before. */
    record Swapped(RuleSet previous, RuleSet current) implements Result {
      @Override
      public boolean swapped() {
        return true;
      }
    }

    /** The new rules did not compile (or could not be read): {@code current} stays in use. */
    record Kept(RuleSet current, String why, List<RuleProblem> problems) implements Result {
      public Kept {
        problems = List.copyOf(problems);
      }

      @Override
      public boolean swapped() {
        return false;
      }
    }
  }
}
