package dev.outreach.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium as a subprocess: loads a page (scripts run, a virtual 5 s pass) and gives back
 * its DOM. The browser test never skips: without Chromium it fails, saying how to install it.
 */
final class Chromium {
  static final String INSTALL =
      "the HTML report's browser test needs headless Chromium: install it with "
          + "`apt-get update && apt-get install -y chromium` (Debian/Ubuntu; the build does this itself when run as "
          + "root), or set CHROMIUM=/path/to/chrome";

  private final String binary;

  private Chromium(String binary) {
    this.binary = binary;
  }

  /**
   * The browser, from {@code CHROMIUM}, {@code /usr/bin/chromium} or the PATH; fails the test when
   * absent.
   */
  static Chromium find() {
    List<String> candidates = new ArrayList<>();
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    candidates.add("/usr/bin/chromium");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        candidates.add(Path.of(dir, name).toString());
      }
    }
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return new Chromium(c);
      }
    }
    return fail(INSTALL);
  }

  /** This browser, headless, driven over the DevTools protocol, with a fresh {@code profile}. */
  DevTools devTools(Path profile) throws Exception {
    return DevTools.start(binary, profile);
  }

  /** The DOM of {@code page} (with {@code fragment}, e.g. {@code #q=L1}) after its scripts ran. */
  String dumpDom(Path page, String fragment, Path profile)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.toUri() + fragment));
    Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish loading " + page + " within 90 s");
    }
    if (p.exitValue() != 0) {
      fail("chromium exited with " + p.exitValue() + " loading " + page);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
