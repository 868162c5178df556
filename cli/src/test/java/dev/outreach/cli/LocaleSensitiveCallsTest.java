package dev.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A guard, so that output cannot come to depend on the machine's locale again: no source of any
 * module (main, and test too, so the suite passes under any locale) formats numbers or dates, or
 * changes case, with the default locale. Each call must name its locale ({@code Locale.ROOT}, or
 * {@code Locale.ENGLISH} for English day names). {@link LocaleIndependenceTest} checks the outputs
 * themselves.
 */
class LocaleSensitiveCallsTest {
  static final List<String> MODULES =
      List.of(
          "core",
          "report",
          "rules",
          "decisiontables",
          "http",
          "cycle",
          "sandbox",
          "examples",
          "cli",
          "spark",
          "benchmarks");

  /** What is flagged, each with why. */
  static final List<Check> CHECKS =
      List.of(
          new Check(
              "String.format without a locale (decimal commas, Arabic digits)",
              "String\\.format\\((?!\\s*(?:java\\.util\\.)?Locale\\.)"),
          new Check("String.formatted uses the default locale", "\\.formatted\\("),
          new Check(
              "printf/format on a stream without a locale",
              "(?<!String)\\.(?:printf|format)\\(\\s*\""),
          new Check(
              "toLowerCase/toUpperCase without a locale (Turkish dotless i)",
              "\\.to(?:Lower|Upper)Case\\(\\s*\\)"),
          new Check(
              "DateTimeFormatter.ofPattern without a locale",
              "ofPattern\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\)"),
          new Check("localized date formats", "\\.ofLocalized(?:Date|Time|DateTime)\\("),
          new Check(
              "java.text formats of the default locale",
              "NumberFormat\\.get\\w*Instance\\(\\s*\\)|new (?:DecimalFormat|SimpleDateFormat)\\(|MessageFormat\\.format\\("),
          new Check(
              "java.util.Formatter without a locale",
              "new Formatter\\((?!\\s*(?:java\\.util\\.)?Locale\\.)"));

  record Check(String why, Pattern pattern) {
    Check(String why, String regex) {
      this(why, Pattern.compile(regex));
    }
  }

  @Test
  void noSourceFormatsOrChangesCaseWithTheDefaultLocale() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String module : MODULES) {
      for (String kind : List.of("main", "test")) {
        Path dir = Path.of("..", module, "src", kind, "java");
        if (kind.equals("test") && !Files.isDirectory(dir)) {
          continue; // benchmarks has no tests
        }
        assertThat(dir).as("main sources of " + module).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
          // This file's own examples of what is flagged are the one exception.
          files
              .filter(
                  f ->
                      f.toString().endsWith(".java")
                          && !f.endsWith("LocaleSensitiveCallsTest.java"))
              .sorted()
              .forEach(sources::add);
        }
      }
    }
    assertThat(sources).hasSizeGreaterThan(200);

    List<String> found = new ArrayList<>();
    for (Path f : sources) {
      // The whole file at once: the formatter may break a call after "String.format(" and put the
      // locale
      // on the next line.
      String text = Files.readString(f, StandardCharsets.UTF_8);
      for (Check c : CHECKS) {
        java.util.regex.Matcher m = c.pattern().matcher(text);
        while (m.find()) {
          int line =
              1 + (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
          int from = text.lastIndexOf('\n', m.start()) + 1;
          int to = text.indexOf('\n', m.start());
          found.add(
              f.normalize()
                  + ":"
                  + line
                  + ": "
                  + c.why()
                  + ": "
                  + text.substring(from, to < 0 ? text.length() : to).strip());
        }
      }
    }
    assertThat(found).as("use Locale.ROOT").isEmpty();
  }

  @Test
  void theGuardFlagsDefaultLocaleCallsAndNothingElse() {
    assertThat(offences("String.format(\"%,d\", n)")).hasSize(1);
    assertThat(offences("\"%d\".formatted(n)")).hasSize(1);
    assertThat(offences("out.printf(\"%d%n\", n);")).hasSize(1);
    assertThat(offences("name.toLowerCase()")).hasSize(1);
    assertThat(offences("DateTimeFormatter.ofPattern(\"HH:mm\")")).hasSize(1);
    assertThat(offences("new DecimalFormat(\"#.#\")")).hasSize(1);

    assertThat(offences("String.format(Locale.ROOT, \"%,d\", n)")).isEmpty();
    assertThat(offences("String.format(\n        Locale.ROOT, \"%,d\", n)")).isEmpty();
    assertThat(offences("String.format(\n        \"%,d\", n)")).hasSize(1);
    assertThat(offences("String.format(java.util.Locale.ROOT, \"%,d\", n)")).isEmpty();
    assertThat(offences("out.printf(Locale.ROOT, \"%d%n\", n);")).isEmpty();
    assertThat(offences("name.toLowerCase(Locale.ROOT)")).isEmpty();
    assertThat(offences("Character.toUpperCase(c)")).isEmpty();
    assertThat(offences("DateTimeFormatter.ofPattern(\"EEE HH:mm\", Locale.ENGLISH)")).isEmpty();
    assertThat(offences("WHEN.format(plan.asOf())")).isEmpty();
    assertThat(offences("catch (NumberFormatException e)")).isEmpty();
  }

  static List<String> offences(String line) {
    List<String> out = new ArrayList<>();
    for (Check c : CHECKS) {
      if (c.pattern().matcher(line).find()) {
        out.add(c.why());
      }
    }
    return out;
  }
}
