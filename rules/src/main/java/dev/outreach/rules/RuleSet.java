package dev.outreach.rules;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.DecisionSource;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.experiment.Experiment;
import dev.outreach.core.guardrail.ContactHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * DRL rules compiled once into a rule base, ready to evaluate portfolios; immutable and
 * thread-safe.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.load(List.of(Path.of("rules/")));
 * Plan plan = Planner.builder("CAMP").build().plan(customers, rules.decisions(), asOf);
 * }</pre>
 *
 * <p>Rules are evaluated on worker threads within a {@link RuleBudget} ({@link #withBudget}), so a
 * rule that never ends stops the evaluation with a {@link RuleEvaluationException} instead of
 * hanging it. Compiling refuses rules that call {@code System.exit} or {@code
 * Runtime.getRuntime()}; should a rule still end the program (through reflection or a helper
 * class), a shutdown hook, installed when rules are first evaluated, prints the rule and customer
 * to standard error and halts the JVM with status 1.
 */
public final class RuleSet {
  private static final AtomicLong VERSIONS = new AtomicLong();
  private static final String DIR = "src/main/resources/";
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

  private final KieBase base;
  private final Sources sources;
  private final List<String> ruleNames;
  private final List<RuleProblem> warnings;
  private final RuleBudget budget;
  private final ContactHistory history;

  private RuleSet(KieBase base, Sources sources, List<RuleProblem> warnings, RuleBudget budget) {
    this(base, sources, warnings, budget, ContactHistory.empty());
  }

  private RuleSet(
      KieBase base,
      Sources sources,
      List<RuleProblem> warnings,
      RuleBudget budget,
      ContactHistory history) {
    this.base = base;
    this.sources = sources;
    this.warnings = List.copyOf(warnings);
    this.budget = java.util.Objects.requireNonNull(budget, "budget == null");
    this.history = java.util.Objects.requireNonNull(history, "history == null");
    List<String> names = new ArrayList<>();
    for (KiePackage p : base.getKiePackages()) {
      for (Rule r : p.getRules()) {
        names.add(r.getName());
      }
    }
    names.sort(null);
    this.ruleNames = List.copyOf(names);
  }

  /**
   * Reads and compiles the DRL at {@code paths} (files or folders of {@code .drl} files) as one
   * rule base.
   *
   * @throws IOException when a path cannot be read
   * @throws RuleCompileException listing every error, with file and line
   */
  public static RuleSet load(List<Path> paths) throws IOException, RuleCompileException {
    List<RuleSource> sources = new ArrayList<>();
    for (Path p : paths) {
      sources.addAll(RuleSource.read(p));
    }
    return compile(sources);
  }

  /**
   * Compiles {@code sources} as one rule base.
   *
   * @throws RuleCompileException listing every error (and warning), each with its file and line
   */
  public static RuleSet compile(List<RuleSource> sources) throws RuleCompileException {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no rules to compile");
    }
    KieServices ks = KieServices.Factory.get();
    ReleaseId id =
        ks.newReleaseId("dev.outreach.rules.generated", "rules", "1." + VERSIONS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
    List<RuleProblem> problems = new ArrayList<>();
    List<String> drl = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      RuleSource src = sources.get(i);
      String text = src.text();
      if (src.kind() != RuleSource.Kind.DRL) {
        try {
          text = DecisionTables.toDrl(src);
        } catch (DecisionTables.Missing e) {
          problems.add(new RuleProblem(src.name(), 0, 0, true, e.getMessage()));
          text = "";
        } catch (RuntimeException e) {
          problems.add(
              new RuleProblem(
                  src.name(),
                  0,
                  0,
                  true,
                  "not a readable decision table: "
                      + DroolsMessages.explain(String.valueOf(e.getMessage()))));
          text = "";
        }
      }
      drl.add(text);
      kfs.write(Sources.generatedName(DIR + folder(text), i, "drl"), text);
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    Sources named = new Sources(sources, drl);
    for (int i = 0; i < sources.size(); i++) {
      for (RuleProblem p : ProgramExits.find(sources.get(i).name(), drl.get(i))) {
        DecisionTables.Cell cell = named.cell(p.file(), p.line());
        problems.add(
            cell == null
                ? p
                : new RuleProblem(
                    p.file(),
                    cell.row(),
                    cell.columnNumber(),
                    true,
                    "row "
                        + cell.row()
                        + " (the rule made from cell "
                        + cell
                        + "): "
                        + p.message()));
      }
    }
    for (Message m : builder.getResults().getMessages()) {
      if (m.getLevel() != Message.Level.INFO) {
        problems.add(
            DroolsMessages.problem(m, named, sources.size() == 1 ? sources.get(0).name() : null));
      }
    }
    // Drools adds "Parser returned a null Package" after a syntax error, and "Unable to analyze
    // expression" beside the real reason on the same line; it also repeats one error per
    // constraint.
    // The parser may also fail on its own (a NullPointerException with a stack trace) after a real
    // error.
    java.util.function.Predicate<RuleProblem> noise =
        p ->
            p.message().startsWith("Parser returned a null Package")
                || p.message().contains("unexpected exception at input");
    problems.removeIf(
        p ->
            (noise.test(p)
                    && problems.stream()
                        .anyMatch(q -> !noise.test(q) && q.error() && q.file().equals(p.file())))
                || (p.message().startsWith("Unable to analyze expression")
                    && problems.stream()
                        .anyMatch(
                            q ->
                                q != p
                                    && q.error()
                                    && q.file().equals(p.file())
                                    && q.line() == p.line())));
    List<RuleProblem> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    distinct.sort(
        Comparator.comparing(RuleProblem::file)
            .thenComparingInt(RuleProblem::line)
            .thenComparingInt(RuleProblem::column));
    if (distinct.stream().anyMatch(RuleProblem::error)) {
      throw new RuleCompileException(distinct);
    }
    try {
      // MVEL's constraint JIT compiles a constraint after 20 evaluations, on another thread, and
      // the
      // compiled form silently returns false where the interpreter fails (custom["dpd"] >= 1
      // against the
      // text "N/A"): the same customer would be skipped or reported depending on timing. Keep one
      // meaning,
      // unless the user set Drools' own property -Ddrools.jittingThreshold on purpose.
      KieBaseConfiguration conf = ks.newKieBaseConfiguration();
      if (System.getProperty(ConstraintJittingThresholdOption.PROPERTY_NAME) == null) {
        conf.setOption(ConstraintJittingThresholdOption.get(-1));
      }
      KieBase base = ks.newKieContainer(id).newKieBase(conf);
      return new RuleSet(base, named, distinct, RuleBudget.DEFAULT);
    } finally {
      // The container holds what it needs; keep the global repository from growing with every
      // compile.
      ks.getRepository().removeKieModule(id);
    }
  }

  /** The folder matching the DRL's package, so Drools does not warn that they differ. */
  private static String folder(String drl) {
    Matcher m = PACKAGE.matcher(drl);
    return m.find() ? m.group(1).replace('.', '/') + "/" : "";
  }

  /**
   * The sources this rule set was compiled from, in order: what another machine needs to compile
   * the same rules (see {@link #compile}).
   */
  public List<RuleSource> sources() {
    return sources.list();
  }

  /** The names of all rules, sorted. */
  public List<String> ruleNames() {
    return ruleNames;
  }

  /** Compiler warnings (the rules compiled, but something deserves a look). */
  public List<RuleProblem> warnings() {
    return warnings;
  }

  /**
   * How much work the rules may do per batch of customers; {@link RuleBudget#DEFAULT} unless set.
   */
  public RuleBudget budget() {
    return budget;
  }

  /**
   * These rules (the same compiled rule base) evaluated within {@code budget}: every decision
   * source, trace and test made from the result stops rules that fire too often or run too long,
   * with an error naming the rule, its file and the customer.
   */
  public RuleSet withBudget(RuleBudget budget) {
    return new RuleSet(
        base,
        sources,
        warnings,
        java.util.Objects.requireNonNull(budget, "budget == null"),
        history);
  }

  /**
   * These rules (the same compiled rule base) with {@code history} as facts: every decision source
   * and trace made from the result inserts, with each customer, one {@link Attempt} per attempt of
   * theirs in {@code history} up to the plan's {@code asOf} (later ones are not yet known then).
   */
  public RuleSet withHistory(ContactHistory history) {
    return new RuleSet(
        base,
        sources,
        warnings,
        budget,
        java.util.Objects.requireNonNull(history, "history == null"));
  }

  /** The history rules see as {@link Attempt} facts; empty unless {@link #withHistory} set it. */
  public ContactHistory history() {
    return history;
  }

  /** A decision source that evaluates these rules with default batching (all cores). */
  public DecisionSource decisions() {
    return decisions(List.of());
  }

  /**
   * A decision source that also puts each customer in an arm of every experiment, visible to rules
   * as an {@link Arm} fact.
   */
  public DecisionSource decisions(List<Experiment> experiments) {
    return new RuleEvaluator(
        base,
        sources,
        RuleEvaluator.DEFAULT_BATCH,
        Runtime.getRuntime().availableProcessors(),
        experiments,
        budget,
        history);
  }

  /**
   * Like {@link #decisions(List)}, and also passes every customer's {@link CustomerTrace} (which
   * rules fired for it, and what they decided) to {@code traces}, for reports that explain a whole
   * plan. {@code traces} is called from the evaluating threads, so it must be thread-safe.
   * Recording which rules fire costs time: use {@link #decisions(List)} when nobody reads the
   * traces.
   */
  public DecisionSource decisions(List<Experiment> experiments, Consumer<CustomerTrace> traces) {
    return new RuleEvaluator(
        base,
        sources,
        RuleEvaluator.DEFAULT_BATCH,
        Runtime.getRuntime().availableProcessors(),
        experiments,
        java.util.Objects.requireNonNull(traces, "traces == null"),
        budget,
        history);
  }

  /**
   * Evaluates {@code customers} and tells, for each, which rules fired and what they decided
   * (before the planner's conflict and timing policy). Meant for tests and explanations of a few
   * customers: it runs on one thread.
   */
  public List<CustomerTrace> trace(
      List<Customer> customers, PlanningDay day, List<Experiment> experiments) {
    return new RuleEvaluator(
            base, sources, RuleEvaluator.DEFAULT_BATCH, 1, experiments, budget, history)
        .trace(customers, day);
  }

  /**
   * A decision source with explicit batching: customers are evaluated {@code batchSize} at a time
   * in fresh sessions, on {@code threads} threads. Rules see one batch at a time, so they must
   * reason about one customer (and its decisions) at a time, never join two customers.
   */
  public DecisionSource decisions(int batchSize, int threads) {
    return new RuleEvaluator(base, sources, batchSize, threads, List.of(), budget, history);
  }
}
