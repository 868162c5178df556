package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output (plan JSON, text and HTML, explain, diff, the journal) is byte-identical whatever
 * the machine's default locale and time zone: German decimal commas, Hindi and Arabic digits, the
 * Turkish dotless i and odd-offset zones must not leak in. Each locale runs in its own JVM ({@code
 * -Duser.language=…}), as a user's machine would, since some JDK caches read the locale at startup;
 * and the {@code outreach} command itself runs once under {@code LANG=C}, where Java 17's platform
 * charset is ASCII.
 */
class LocaleIndependenceTest {
  /** The reference (en_US, UTC), then the machines to compare with it. */
  static final Map<String, List<String>> MACHINES = new LinkedHashMap<>();

  static {
    MACHINES.put(
        "en_US UTC", List.of("-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC"));
    MACHINES.put(
        "de_DE Pacific/Chatham",
        List.of("-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Pacific/Chatham"));
    MACHINES.put(
        "hi_IN America/St_Johns",
        List.of("-Duser.language=hi", "-Duser.country=IN", "-Duser.timezone=America/St_Johns"));
    MACHINES.put(
        "ar_SA Asia/Riyadh",
        List.of("-Duser.language=ar", "-Duser.country=SA", "-Duser.timezone=Asia/Riyadh"));
    MACHINES.put(
        "tr_TR, Thai digits",
        List.of(
            "-Duser.language=tr",
            "-Duser.country=TR",
            "-Duser.language.format=th",
            "-Duser.country.format=TH",
            "-Duser.variant.format=TH",
            "-Duser.timezone=Asia/Kathmandu"));
  }

  @TempDir Path dir;

  @Test
  void everyOutputIsByteIdenticalUnderAnyDefaultLocaleAndTimeZone() throws Exception {
    Map<String, Process> running = new LinkedHashMap<>();
    Map<String, Path> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> m : MACHINES.entrySet()) {
      Path out = Files.createDirectory(dir.resolve("run" + outputs.size()));
      outputs.put(m.getKey(), out);
      running.put(m.getKey(), start(m.getValue(), out));
    }
    // The real command, on a machine whose locale has no UTF-8 (LANG=C): its standard output too is
    // UTF-8.
    Path cliOut = dir.resolve("cli-plan.txt");
    running.put(
        "outreach plan, LANG=C de_DE",
        cli(
            cliOut,
            "plan",
            "--rules",
            CliTest.RULES.toString(),
            "--format",
            "text",
            "--customers",
            CliTest.PORTFOLIO.toString(),
            "--campaign",
            LocaleOutputs.CAMPAIGN,
            "--as-of",
            LocaleOutputs.AS_OF.toString(),
            "--zone",
            LocaleOutputs.ZONE.getId()));
    for (Map.Entry<String, Process> r : running.entrySet()) {
      Process p = r.getValue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(r.getKey() + " finished").isTrue();
      assertThat(p.exitValue()).as(r.getKey() + ": " + err).isZero();
    }

    Path reference = outputs.get("en_US UTC");
    List<String> names = names(reference);
    assertThat(names)
        .contains(
            "plan.json",
            "plan.txt",
            "plan.html",
            "explain.txt",
            "explain.json",
            "diff.txt",
            "diff.json",
            "diff.html",
            "plan.journal");
    assertThat(Files.readString(reference.resolve("plan.journal"))).contains("\"result\":\"done\"");
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Path> o : outputs.entrySet()) {
      assertThat(names(o.getValue())).as(o.getKey()).isEqualTo(names);
      for (String name : names) {
        if (!Arrays.equals(bytes(o.getValue(), name), bytes(reference, name))) {
          differences.add(
              name
                  + " under "
                  + o.getKey()
                  + ", "
                  + firstDifference(
                      lines(bytes(reference, name)), lines(bytes(o.getValue(), name))));
        }
      }
    }
    if (!Arrays.equals(Files.readAllBytes(cliOut), bytes(reference, "plan.txt"))) {
      differences.add(
          "outreach plan --format text under LANG=C, "
              + firstDifference(
                  lines(bytes(reference, "plan.txt")), lines(Files.readAllBytes(cliOut))));
    }
    assertThat(differences).isEmpty();
  }

  /**
   * The file's bytes; in the journal, the header's {@code createdAt} (when this run opened the
   * journal, by the wall clock: the one time that genuinely differs) is blanked. Every other
   * journal time comes from the executor's clock, fixed at the plan's {@code asOf}, so those are
   * compared as written.
   */
  static byte[] bytes(Path dir, String name) throws IOException {
    byte[] b = Files.readAllBytes(dir.resolve(name));
    return name.endsWith(".journal")
        ? new String(b, StandardCharsets.UTF_8)
            .replaceFirst("\"createdAt\":\"[0-9T:.Z-]+\"", "\"createdAt\":\"…\"")
            .getBytes(StandardCharsets.UTF_8)
        : b;
  }

  /** Where two texts first differ: the line number and both lines. */
  static String firstDifference(List<String> want, List<String> got) {
    for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
      String w = i < want.size() ? want.get(i) : "(end)";
      String g = i < got.size() ? got.get(i) : "(end)";
      if (!w.equals(g)) {
        return "line " + (i + 1) + ":\n    en_US: " + clip(w) + "\n    here:  " + clip(g);
      }
    }
    return "the same lines, other line ends";
  }

  static List<String> lines(byte[] b) {
    return new String(b, StandardCharsets.UTF_8).lines().toList();
  }

  static String clip(String line) {
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  static Process start(List<String> properties, Path out) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
    cmd.addAll(properties);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LocaleOutputs.class.getName(),
            out.toString()));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * The {@code outreach} command in a JVM under LANG=C and de_DE, its standard output going to
   * {@code out}.
   */
  static Process cli(Path out, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Duser.language=de",
                "-Duser.country=DE",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
    pb.environment().put("LANG", "C");
    pb.environment().put("LC_ALL", "C");
    return pb.start();
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
