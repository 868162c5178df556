package dev.outreach.cli;

import static org.assertj.core.api.Assertions.fail;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * axe-core, the accessibility checker, run in a page opened over the DevTools protocol. The harness
 * evaluates {@code axe.min.js} in the page, so the page's content security policy stays as shipped.
 * {@code src/test/browser/ensure-axe.sh} installs it (npm, the version {@code package-lock.json}
 * pins).
 */
final class Axe {
  static final Path SCRIPT = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
  static final String INSTALL =
      "the browser test's accessibility check needs axe-core: run "
          + "`bash cli/src/test/browser/ensure-axe.sh` (npm ci; the build does this itself)";

  /**
   * The rules run: every WCAG 2.0 and 2.1 level A and AA rule, and axe's best practices (the empty
   * table header is one), i.e. axe's default set, which leaves out only experimental rules.
   */
  static final String RUN =
      "axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify("
          + "r.violations.map(v => v.id + ' (' + v.impact + '; ' + v.tags.filter(t => t.startsWith('wcag')).join(' ')"
          + " + '; ' + v.nodes.length + ' elements): ' + v.help + '\\n' + v.nodes.slice(0, 5).map(n => '    '"
          + " + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('\\n')"
          + " + (v.nodes.length > 5 ? '\\n    … and ' + (v.nodes.length - 5) + ' more' : ''))))";

  private Axe() {}

  /**
   * The violations axe finds in the page open in {@code tab}, one string each: the rule, its
   * impact, WCAG criteria and how many elements fail it, then the first five of them, each with
   * what is wrong.
   */
  static java.util.List<String> violations(DevTools tab) throws Exception {
    if (!Files.isRegularFile(SCRIPT)) {
      fail(INSTALL);
    }
    tab.evaluate(Files.readString(SCRIPT, StandardCharsets.UTF_8) + "\n;true");
    JsonValue json = tab.evaluate(RUN);
    return jakarta.json.Json.createReader(new java.io.StringReader(((JsonString) json).getString()))
        .readArray()
        .getValuesAs(JsonString.class)
        .stream()
        .map(JsonString::getString)
        .toList();
  }
}
