package dev.outreach.cli;

import dev.outreach.core.Customer;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.cycle.DailyCycle;
import dev.outreach.cycle.FolderStore;
import dev.outreach.cycle.PostgresStore;
import dev.outreach.cycle.Store;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code outreach cycle}: one day of a collections strategy over a store (see {@link DailyCycle}).
 */
@Command(
    name = "cycle",
    mixinStandardHelpOptions = true,
    description = {
      "One day of a strategy: import outcome feeds into the store, read the history from it (every"
          + " attempt journaled there, and the feeds), plan as of now with the rules seeing that"
          + " history, write the plan and its reports into the store, send the steps due today and"
          + " journal them. Run it again the same day and nothing is sent twice.",
      "Exit codes: 0 every step due today done; 1 a step failed, is unknown, partial or short, or"
          + " was not run; 2 usage error."
    })
final class CycleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RuleOptions rules;

  @Mixin PlanOptions inputs;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "DIR|JDBC-URL",
      description =
          "The store: a folder (made when absent) with runs/ and feeds/, or a PostgreSQL database,"
              + " jdbc:postgresql://HOST[:PORT]/DB (the user from PGUSER, the password from"
              + " PGPASSWORD in the environment; tables made by Flyway).")
  String store;

  @Option(
      names = "--outcomes",
      paramLabel = "FILE",
      description =
          "An outcome feed to import first (call dispositions, payments, promises; the history CSV"
              + " format); repeatable. The same file imported twice is kept once.")
  List<Path> outcomes = new ArrayList<>();

  @Mixin ApiOptions api;

  @Option(
      names = "--now",
      description =
          "Send today's steps at once instead of waiting for each one's notBefore (only against a"
              + " loopback sandbox).")
  boolean now;

  private final Map<String, String> env;

  CycleCommand() {
    this(System.getenv());
  }

  CycleCommand(Map<String, String> env) {
    this.env = env;
  }

  /** The folder or database {@code --store} names. */
  private Store store(String location) throws Exception {
    if (!location.startsWith("jdbc:")) {
      return FolderStore.open(Path.of(location));
    }
    if (!location.startsWith("jdbc:postgresql:")) {
      throw new ParameterException(
          spec.commandLine(),
          "--store: only PostgreSQL databases (jdbc:postgresql://…) are stores");
    }
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", env.getOrDefault("PGUSER", System.getProperty("user.name")));
    if (env.get("PGPASSWORD") != null) {
      p.setProperty("password", env.get("PGPASSWORD"));
    }
    return PostgresStore.open(location, p);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (inputs.history != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--history: the cycle reads the history from --store; import a file with --outcomes");
    }
    if (inputs.upload) {
      throw new ParameterException(spec.commandLine(), "--upload is not supported by cycle");
    }
    String token = api.token(env, err);
    if (token == null) {
      return ExecuteCommand.USAGE;
    }
    OutreachClient client = OutreachClient.builder(api.baseUrl).token(token).build();
    if (now && !client.loopback()) {
      err.println("outreach: --now is only for a sandbox on this machine");
      return ExecuteCommand.USAGE;
    }
    Store folder = store(store);
    for (Path feed : outcomes) {
      boolean added = folder.importFeed(feed);
      err.println("outreach: " + feed + (added ? ": imported" : ": already in the store"));
    }
    RuleSet ruleSet = rules.load(err);
    List<Customer> portfolio = inputs.read(Progress.QUIET);
    GuardrailPolicy policy = PlanOptions.policy(inputs.policy);
    Clock clock =
        inputs.asOf == null
            ? Clock.systemUTC()
            : Clock.fixed(inputs.asOf.toInstant(), inputs.zone());
    DailyCycle.Result r =
        DailyCycle.builder(inputs.campaign, ruleSet, portfolio, client)
            .policy(policy)
            .zone(inputs.zone())
            .experiments(OptionValues.distinct(rules.experiments(), spec.commandLine()))
            .filters(inputs.filters)
            .clock(clock)
            .respectSchedule(!now)
            .build()
            .run(folder);
    out.printf(
        Locale.ROOT,
        "Cycle of campaign %s as of %s: %,d attempts in the history; %,d requests planned, %,d due"
            + " today; run %s%n",
        r.plan().campaignId(),
        r.plan().asOf(),
        r.history().size(),
        r.plan().steps().size(),
        r.sent().steps().size(),
        r.run());
    r.sent()
        .steps()
        .forEach(
            s ->
                out.printf(
                    Locale.ROOT, "  %s  %-20s %s%n", s.stepId(), s.kind(), s.outcome().outcome()));
    out.flush();
    return r.sent().allDone() ? 0 : 1;
  }
}
