package dev.outreach.cli;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.http.execute.RetryPolicy;
import dev.outreach.http.journal.Journal;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outreach execute PLAN.json}: sends a plan to the outreach API, journaling every attempt so
 * that running the same command again after a crash finishes the plan without sending anything
 * twice. Exit codes: 0 every step done; 1 something failed, is unknown, partial or short, or was
 * not run (the summary says what to do), or the plan or journal cannot be used (e.g. a journal of a
 * run against another API); 2 a usage or configuration error (including a JDK setting that would
 * print the token).
 */
@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    description = {
      "Send a plan's requests to the outreach API, on schedule, within rate limits, journaling every"
          + " attempt; run the same command again to resume after a crash: nothing that may have been sent is sent"
          + " again.",
      "Exit codes: 0 every step done; 1 a step failed, is unknown, partial or short, or was not run; 2 usage error."
    })
final class ExecuteCommand implements Callable<Integer> {
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Mixin MetricsOptions metrics;

  @Parameters(
      index = "0",
      paramLabel = "PLAN.json",
      description = "The plan, as written by `outreach plan --format json`.")
  Path planFile;

  @Mixin ApiOptions api;

  @Option(
      names = "--journal",
      required = true,
      paramLabel = "FILE",
      description =
          "The journal: created if absent, resumed if it holds an earlier run of this plan against this"
              + " --base-url (a journal of a run against another API is refused).")
  Path journalFile;

  @Option(
      names = "--max-in-flight",
      defaultValue = "4",
      paramLabel = "N",
      description = "Requests in flight at once, 1-256 (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(
      names = "--rate",
      defaultValue = "10/s",
      paramLabel = "R/s",
      description =
          "At most R requests a second, e.g. 10/s or 600/min; 0 for no limit (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(
      names = "--now",
      description =
          "Send at once instead of waiting for each step's notBefore."
              + " A step is never sent after its notAfter. Only against a loopback sandbox: notBefore is when the"
              + " guardrails allow contact.")
  boolean now;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      paramLabel = "DURATION",
      description =
          "Wait this long for a response before its outcome is unknown (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--max-attempts",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "Attempts per step for requests that provably had no effect (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(
      names = "--max-retry-after",
      defaultValue = "60s",
      paramLabel = "DURATION",
      description =
          "The longest Retry-After honoured before giving up until the next run (default: ${DEFAULT-VALUE}).")
  String maxRetryAfter;

  private final Map<String, String> env;

  ExecuteCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String token = api.token(env, err);
    if (token == null) {
      return USAGE;
    }
    try (CliMetrics meters = metrics.open()) {
      return execute(token, meters, out, err);
    }
  }

  private int execute(String token, CliMetrics meters, PrintWriter out, PrintWriter err)
      throws Exception {
    OutreachClient client;
    PlanExecutor executor;
    try {
      ExecuteOptions.counts(maxInFlight, maxAttempts);
      client =
          OutreachClient.builder(api.baseUrl)
              .token(token)
              .httpClient(meters.instrument(OutreachClient.defaultHttpClient()))
              .requestTimeout(ExecuteOptions.duration("--timeout", timeout))
              .build();
      RetryPolicy retries =
          RetryPolicy.defaults()
              .withMaxAttempts(maxAttempts)
              .withMaxRetryAfter(ExecuteOptions.duration("--max-retry-after", maxRetryAfter));
      executor =
          PlanExecutor.builder(client)
              .maxInFlight(maxInFlight)
              .ratePerSecond(ExecuteOptions.rate(rate))
              .respectSchedule(!now)
              .retryPolicy(retries)
              .meterRegistry(meters.registry())
              .build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("outreach: " + e.getMessage());
      return USAGE;
    }
    if (now && !client.loopback()) {
      err.println(
          "outreach: --now sends before each step's notBefore, which is when the guardrails allow"
              + " contact (calling hours, working days, cool-offs); it is only for a sandbox on this machine. Against "
              + client.baseUri().getHost()
              + ", leave it out and the executor waits, or plan again for now.");
      return USAGE;
    }
    Plan plan = readPlan(planFile);
    try (Journal journal = PlanExecutor.openJournal(journalFile, plan, api.baseUrl)) {
      int earlier = journal.contents().records().size();
      out.println(
          "Executing "
              + planFile
              + " (campaign "
              + plan.campaignId()
              + ", "
              + plan.steps().size()
              + " steps, sha256 "
              + journal.contents().header().planSha256().substring(0, 12)
              + "…) against "
              + api.baseUrl);
      out.println(
          "Journal "
              + journalFile
              + (earlier > 0
                  ? ": resuming, "
                      + earlier
                      + " records from earlier runs"
                      + " against "
                      + journal.contents().header().baseUrl().orElse("an API it does not record")
                  : ": new"));
      out.flush();
      ExecutionReport report = executor.execute(plan, journal);
      ExecutionSummary.print(
          out,
          plan,
          report,
          rerun(),
          "outreach follow-up --plan "
              + planFile
              + " --journal "
              + journalFile
              + " --out FOLLOWUP.json");
      out.flush();
      return report.allDone() ? 0 : Main.INPUT_ERROR;
    }
  }

  /** This command line, without the token (it is never an argument). */
  private String rerun() {
    return String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  static Plan readPlan(Path file) throws java.io.IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("plan " + file + " does not exist");
    }
    try {
      return PlanJson.read(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("plan " + file + ": " + e.getMessage(), e);
    }
  }
}
