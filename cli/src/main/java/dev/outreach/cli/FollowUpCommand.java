package dev.outreach.cli;

import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.http.followup.FollowUp;
import dev.outreach.http.followup.FollowUpPlans;
import dev.outreach.http.journal.Journal;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outreach follow-up}: a plan for exactly the customers an execution's 207 replies reported
 * failed.
 */
@Command(
    name = "follow-up",
    mixinStandardHelpOptions = true,
    description =
        "Write a plan that contacts again exactly the customers the API reported failed (HTTP 207) in an"
            + " executed plan's journal. Steps whose outcome is unknown are listed, never followed up.")
final class FollowUpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--plan",
      required = true,
      paramLabel = "PLAN.json",
      description = "The executed plan.")
  Path planFile;

  @Option(
      names = "--journal",
      required = true,
      paramLabel = "FILE",
      description = "Its execution journal.")
  Path journalFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the follow-up plan.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Plan plan = ExecuteCommand.readPlan(planFile);
    FollowUp f = FollowUpPlans.of(plan, Journal.read(journalFile), Clock.systemDefaultZone());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      PlanJson.write(f.plan(), w);
    }
    o.println(
        "Follow-up plan "
            + out
            + ": "
            + f.plan().steps().size()
            + " steps for "
            + f.plan().summary().customers()
            + " customers"
            + (f.plan().steps().isEmpty() ? " (nothing to follow up)" : ""));
    f.leftOut().forEach(l -> o.println("  left out: " + l));
    if (!f.plan().steps().isEmpty()) {
      o.println(
          "Review it, then: outreach execute "
              + out
              + " --base-url URL --token-env VAR --journal NEW_JOURNAL");
    }
    return 0;
  }
}
