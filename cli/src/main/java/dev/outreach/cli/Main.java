package dev.outreach.cli;

import dev.outreach.core.guardrail.GuardrailFileException;
import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.http.journal.JournalException;
import dev.outreach.rules.RuleCompileException;
import dev.outreach.rules.RuleEvaluationException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code outreach} program. Exit codes: 0 success, 1 bad input (portfolio, rules, files) or a
 * failed run, 2 a usage error.
 */
@Command(
    name = "outreach",
    mixinStandardHelpOptions = true,
    version = "outreach 0.1.0",
    description = "Plan and send collections outreach from Drools rules.",
    subcommands = {
      PlanCommand.class,
      ExplainCommand.class,
      DiffCommand.class,
      DemoCommand.class,
      TestRulesCommand.class,
      ExecuteCommand.class,
      CycleCommand.class,
      SimulateCommand.class,
      FollowUpCommand.class,
      SandboxCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  /** Exit code for bad input or a failed run. */
  static final int INPUT_ERROR = 1;

  public static void main(String[] args) {
    // UTF-8 whatever the machine's locale: under LANG=C, Java 17 would write "…" in a report as
    // "?".
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /**
   * Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit
   * code.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, reading environment variables from {@code
   * env}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    return run(args, out, err, env, null);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, Map)}, with {@code plan} reading the
   * portfolio and evaluating the rules on {@code engine} ({@code null}: in this process).
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, PlanEngine engine) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cli =
        new CommandLine(
            new Main(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == ExecuteCommand.class) {
                  return type.cast(new ExecuteCommand(env));
                }
                if (type == CycleCommand.class) {
                  return type.cast(new CycleCommand(env));
                }
                return type == PlanCommand.class && engine != null
                    ? type.cast(new PlanCommand(engine))
                    : defaults.create(type);
              }
            });
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(OffsetDateTime.class, new OptionValues.Time());
    cli.registerConverter(ZoneId.class, new OptionValues.Zone());
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          String notUtf8 =
              causedBy(e, CharacterCodingException.class)
                  ? NotUtf8.which(c.getParseResult())
                  : null;
          c.getErr().println("outreach: " + (notUtf8 != null ? notUtf8 : message(e)));
          c.getErr().flush();
          return INPUT_ERROR;
        });
    return cli.execute(args);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What to tell a person: the error's own message for input problems, the type too for anything
   * else.
   */
  private static String message(Exception e) {
    if (e instanceof PortfolioException
        || e instanceof RuleCompileException
        || e instanceof RuleEvaluationException
        || e instanceof IllegalArgumentException
        || e instanceof GuardrailFileException
        || e instanceof JournalException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      Path p = Path.of(((NoSuchFileException) e).getFile());
      Path parent = p.toAbsolutePath().getParent();
      return parent != null && !Files.isDirectory(parent)
          ? "no such folder: " + p.getParent() + " (for " + p + ")"
          : "no such file: " + p;
    }
    if (e instanceof AccessDeniedException) {
      return "cannot read or write "
          + ((AccessDeniedException) e).getFile()
          + ": permission denied";
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return "cannot read or write a file: " + e.getMessage();
    }
    return e.toString();
  }
}
