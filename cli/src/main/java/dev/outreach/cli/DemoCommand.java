package dev.outreach.cli;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.filter.FilterCompiler;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Step;
import dev.outreach.examples.sample.Sample;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.http.execute.ExecutionReport;
import dev.outreach.http.execute.PlanExecutor;
import dev.outreach.report.TextReport;
import dev.outreach.sandbox.Initiation;
import dev.outreach.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outreach demo}: the whole path on the shipped sample, with no token and no network: rules
 * → plan → dry-run report → plan JSON → execution against the sandbox on loopback → what was
 * initiated.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Plan the sample portfolio with the sample rules, then execute the plan against an "
            + "in-process sandbox of the outreach API on loopback.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "outreach-demo-plan.json",
      paramLabel = "FILE",
      description = "Where to write the plan JSON (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    List<Customer> customers = Sample.portfolio();
    Plan plan =
        new PlanInputs(
                Sample.rules(),
                customers,
                Sample.CAMPAIGN,
                Sample.AS_OF,
                Sample.ZONE,
                List.of(),
                new Guardrails(GuardrailPolicy.defaults(), ContactHistory.empty()),
                FilterCompiler.Mode.COMPACT,
                false)
            .plan();
    o.println(
        "== Dry run: the sample rules over "
            + customers.size()
            + " customers ("
            + Sample.PORTFOLIO
            + ")");
    o.println();
    o.print(TextReport.render(plan));
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      PlanJson.write(plan, w);
    }
    o.println();
    o.println("Plan written to " + out.toAbsolutePath());

    // A throwaway token, known only to this process and its sandbox; never printed.
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SandboxServer sandbox = SandboxServer.start(token, Map.of(Sample.CAMPAIGN, customers))) {
      o.println();
      o.println(
          "== Executing "
              + plan.steps().size()
              + " requests against the sandbox at "
              + sandbox.uri()
              + " (as if it were "
              + plan.asOf()
              + ": notBefore times are not waited for, notAfter times are kept)");
      ExecutionReport report =
          PlanExecutor.builder(OutreachClient.builder(sandbox.uri()).token(token).build())
              .meterRegistry(registry)
              .respectSchedule(false)
              .clock(Clock.fixed(plan.asOf().toInstant(), ZoneOffset.UTC))
              .build()
              .execute(plan);
      o.println();
      o.printf(
          Locale.ROOT,
          "  %-9s %9s %9s %9s %9s%n",
          "channel",
          "planned",
          "initiated",
          "failed",
          "unknown");
      Map<Channel, Integer> planned = plan.summary().byChannel();
      for (Channel c : Channel.values()) {
        ExecutionReport.ChannelTotals t =
            report.byChannel().getOrDefault(c, ExecutionReport.ChannelTotals.ZERO);
        o.printf(
            Locale.ROOT,
            "  %-9s %,9d %,9d %,9d %,9d%n",
            c,
            planned.get(c),
            t.initiated(),
            t.failed(),
            t.unknown());
      }
      List<String> problems = verify(plan, sandbox.initiations());
      o.println();
      if (problems.isEmpty()) {
        o.println(
            "Verified against the sandbox: every planned customer was reached exactly once, on the "
                + "planned channel, and nobody else.");
      } else {
        problems.forEach(p -> o.println("MISMATCH: " + p));
      }
      o.println();
      o.println("== Micrometer meters");
      o.print(MeterTable.render(registry));
      o.flush();
      return report.allDone() && problems.isEmpty() ? 0 : Main.INPUT_ERROR;
    }
  }

  /** Compares what the sandbox initiated with what the plan intended, per channel. */
  static List<String> verify(Plan plan, List<Initiation> initiations) {
    Map<Channel, List<String>> want = new EnumMap<>(Channel.class);
    for (Step s : plan.steps()) {
      if (!s.kind().contacts()) {
        continue;
      }
      want.computeIfAbsent(s.kind().channel(), k -> new ArrayList<>()).addAll(s.customerIds());
    }
    Map<Channel, List<String>> got = new EnumMap<>(Channel.class);
    for (Initiation i : initiations) {
      got.computeIfAbsent(i.channel(), k -> new ArrayList<>()).add(i.loanId());
    }
    List<String> problems = new ArrayList<>();
    for (Channel c : Channel.values()) {
      List<String> w = new ArrayList<>(want.getOrDefault(c, List.of()));
      List<String> g = new ArrayList<>(got.getOrDefault(c, List.of()));
      w.sort(null);
      g.sort(null);
      if (!w.equals(g)) {
        problems.add(
            c
                + ": planned "
                + w.size()
                + " customers, the sandbox initiated "
                + g.size()
                + (g.stream().distinct().count() != g.size() ? " (some more than once)" : ""));
      }
    }
    return problems;
  }
}
