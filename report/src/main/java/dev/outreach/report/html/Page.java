package dev.outreach.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The frame every page shares: one self-contained document whose style and script are inline, with
 * a content security policy that lets it load nothing from anywhere.
 */
final class Page {
  /** No fetch of any kind; only the inline style and script. */
  private static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
          + "img-src data:";

  private Page() {}

  static void open(Out o, String title) {
    o.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>")
        .text(title)
        .raw("</title>\n<style>\n")
        .raw(resource("report.css"))
        .raw("</style>\n</head>\n")
        .raw("<body>\n<main>\n");
  }

  static void close(Out o) {
    o.raw(
            "<footer>Made by Outreach. Phone numbers are masked. Nothing here was sent.</footer>\n</main>\n")
        .raw("<script>\n")
        .raw(resource("report.js"))
        .raw("</script>\n</body>\n</html>\n");
  }

  /** {@code <section id=…><h2>title</h2>}. */
  static void section(Out o, String id, String title) {
    o.raw("<section id=\"" + id + "\">\n<h2>").text(title).raw("</h2>\n");
  }

  static void endSection(Out o) {
    o.raw("</section>\n");
  }

  /** "Showing the first N of M" under a capped table. */
  static void more(Out o, long total, long shown, String where) {
    if (total > shown) {
      o.raw("<p class=\"more\">")
          .text(
              String.format(
                  Locale.ROOT,
                  "Showing the first %,d of %,d; %,d more %s.",
                  shown,
                  total,
                  total - shown,
                  where))
          .raw("</p>\n");
    }
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
