package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the README and {@code docs/} tell a newcomer to open or run must exist and work: every
 * repository path they name is there, every {@code outreach} command they show either runs on the
 * shipped sample (exit 0) or, when it is a synopsis with placeholders, names a real command and
 * real options.
 */
class ReadmeTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final List<Path> DOCS =
      List.of(
          ROOT.resolve("README.md"),
          ROOT.resolve("docs/policy.md"),
          ROOT.resolve("docs/DESIGN.md"));
  static final String JAR = "java -jar cli/target/outreach.jar ";

  /** A path inside the repository, as the documents write it. */
  static final Pattern REPO_PATH =
      Pattern.compile(
          "(?<![\\w./-])(?:cli|examples|core|rules|http|benchmarks|docs|\\.ci)/[A-Za-z0-9_.\\-/]*[A-Za-z0-9_\\-/]");

  /** A Markdown link to a file of the repository: {@code [text](docs/DESIGN.md#anchor)}. */
  static final Pattern LINK = Pattern.compile("]\\((?!https?:|#|mailto:)([^)#\\s]+)(#[^)]*)?\\)");

  /** A word standing for something the reader supplies: PATH, FILE, PLAN.json, ID, … */
  static final Pattern PLACEHOLDER =
      Pattern.compile("[A-Z][A-Z_]+(\\.json)?|.*….*|rules-in-production/?|rules-proposed/?");

  /**
   * Commands that serve, send or run for minutes: tested elsewhere (SandboxCommandTest,
   * ExecuteCommandTest, DemoTest, CycleCommandTest, SimulateCommandTest).
   */
  static final Set<String> NOT_RUN_HERE = Set.of("sandbox", "execute", "demo", "cycle", "simulate");

  @TempDir Path dir;

  @Test
  void everyRepositoryPathTheDocumentsNameExists() throws IOException {
    Set<String> missing = new TreeSet<>();
    int checked = 0;
    for (Path doc : DOCS) {
      Matcher m = REPO_PATH.matcher(Files.readString(doc));
      while (m.find()) {
        String p = m.group();
        if (p.contains("/target/")) {
          continue; // built by the README's first command
        }
        checked++;
        if (!Files.exists(ROOT.resolve(p))) {
          missing.add(ROOT.relativize(doc) + ": " + p);
        }
      }
    }
    for (Path doc : DOCS) {
      Matcher m = LINK.matcher(Files.readString(doc));
      while (m.find()) {
        checked++;
        if (!Files.exists(doc.getParent().resolve(m.group(1)))) {
          missing.add(ROOT.relativize(doc) + ": link " + m.group(1));
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(missing).as("paths the documents name that the repository does not have").isEmpty();
  }

  @Test
  void everyCommandTheDocumentsShowRunsOnTheSampleOrNamesRealOptions() throws IOException {
    CommandLine outreach =
        new CommandLine(
            new Main(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                return type == ExecuteCommand.class
                    ? type.cast(new ExecuteCommand(Map.of()))
                    : CommandLine.defaultFactory().create(type);
              }
            });
    List<String> problems = new ArrayList<>();
    int ran = 0;
    for (Path doc : DOCS) {
      for (String command : commands(Files.readString(doc))) {
        List<String> args = words(command.substring(JAR.length()));
        String sub = args.get(0);
        CommandLine c = outreach.getSubcommands().get(sub);
        if (c == null) {
          problems.add(doc.getFileName() + ": no command \"" + sub + "\": " + command);
          continue;
        }
        for (String a : args) {
          if (a.startsWith("--") && c.getCommandSpec().findOption(a) == null) {
            problems.add(doc.getFileName() + ": " + sub + " has no option " + a + ": " + command);
          }
        }
        if (NOT_RUN_HERE.contains(sub)
            || args.stream().anyMatch(a -> PLACEHOLDER.matcher(a).matches())) {
          continue;
        }
        ran++;
        CliTest.Run r = CliTest.run(runnable(args).toArray(String[]::new));
        if (r.code() != 0) {
          problems.add(
              doc.getFileName() + ": exit " + r.code() + " from " + command + "\n" + r.err());
        }
      }
    }
    assertThat(ran).as("commands run on the sample").isGreaterThanOrEqualTo(6);
    assertThat(problems).isEmpty();
  }

  @Test
  void theChallengerOfTheSampleExperimentGetsWhatsAppInsteadOfSms() {
    String sample = ROOT.resolve("examples/src/main/resources/outreach/sample/").toString();
    CliTest.Run r =
        CliTest.run(
            "plan",
            "--rules",
            sample + "/rules",
            "--rules",
            sample + "/experiments",
            "--customers",
            sample + "/portfolio.csv",
            "--campaign",
            "CAMP-1",
            "--as-of",
            "2025-08-05T09:00:00+05:30",
            "--zone",
            "Asia/Kolkata",
            "--experiment",
            "tone=champion:80,challenger:20",
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isZero();
    var arms =
        JsonText.parseObject(r.out())
            .getJsonArray("experiments")
            .getJsonObject(0)
            .getJsonArray("arms");
    JsonObject champion = arms.getJsonObject(0).getJsonObject("byChannel");
    JsonObject challenger = arms.getJsonObject(1).getJsonObject("byChannel");
    assertThat(arms.getJsonObject(1).getString("arm")).isEqualTo("challenger");
    assertThat(challenger.getInt("SMS")).isZero();
    assertThat(challenger.getInt("WHATSAPP")).isPositive();
    assertThat(champion.getInt("SMS")).isPositive();
  }

  /**
   * Every {@code outreach} command in a fenced block (continued lines joined) or an inline code
   * span.
   */
  static List<String> commands(String markdown) {
    List<String> out = new ArrayList<>();
    String joined = markdown.replaceAll("\\\\\\n\\s*", " ");
    for (String line : joined.split("\n")) {
      int at = line.indexOf(JAR);
      while (at >= 0) {
        int end = line.indexOf('`', at);
        String command = end < 0 ? line.substring(at) : line.substring(at, end);
        out.add(command.replaceAll("\\s+#.*$", "").replaceAll("\\s+", " ").strip());
        at = line.indexOf(JAR, at + JAR.length());
      }
    }
    return out;
  }

  /** The words of a command, with optional {@code [..]} parts left out. */
  static List<String> words(String command) {
    String plain = command;
    for (String previous = null; !plain.equals(previous); ) {
      previous = plain;
      plain = plain.replaceAll("\\[[^\\[\\]]*]", " ");
    }
    List<String> out = new ArrayList<>(List.of(plain.strip().split("\\s+")));
    out.removeIf(w -> w.isEmpty() || w.equals("|"));
    return out;
  }

  /** {@code args} with repository paths made absolute and outputs sent to the test's folder. */
  private List<String> runnable(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (i > 0 && args.get(i - 1).equals("--out")) {
        out.add(dir.resolve(Path.of(a).getFileName()).toString());
      } else if (REPO_PATH.matcher(a).matches()) {
        out.add(ROOT.resolve(a).toString());
      } else {
        out.add(a);
      }
    }
    return out;
  }

  @Test
  void theCommandReaderJoinsContinuedLinesAndDropsOptionalParts() {
    List<String> cs =
        commands(
            "```\n"
                + JAR
                + "plan --rules a \\\n    --zone Z [--out FILE] # note\n```\n"
                + "Try `"
                + JAR
                + "explain --customer L1` now.");
    assertThat(cs)
        .containsExactly(
            JAR + "plan --rules a --zone Z [--out FILE]", JAR + "explain --customer L1");
    assertThat(words("plan --rules a [--format text|json] [--x [--y]]"))
        .containsExactly("plan", "--rules", "a");
  }
}
