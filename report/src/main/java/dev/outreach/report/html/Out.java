package dev.outreach.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** Writes HTML: text is always escaped; markup goes through {@link #raw} and holds no user text. */
final class Out {
  private final Writer w;

  Out(Writer w) {
    this.w = w;
  }

  /** Markup written as is: only literals of this package, never user text. */
  Out raw(String markup) {
    try {
      w.write(markup);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Text, escaped for element content and quoted attribute values alike. */
  Out text(Object text) {
    return raw(esc(String.valueOf(text)));
  }

  /** A number with thousands separators. */
  Out num(long n) {
    return raw(String.format(Locale.ROOT, "%,d", n));
  }

  /** {@code <tag class="cls">text</tag>}. */
  Out el(String tag, String cls, Object text) {
    raw("<" + tag + (cls == null ? "" : " class=\"" + cls + "\"") + ">");
    return text(text).raw("</" + tag + ">");
  }

  Writer writer() {
    return w;
  }

  /** Escapes the five characters that matter in HTML text and attribute values. */
  static String esc(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r;
      switch (c) {
        case '&':
          r = "&amp;";
          break;
        case '<':
          r = "&lt;";
          break;
        case '>':
          r = "&gt;";
          break;
        case '"':
          r = "&quot;";
          break;
        case '\'':
          r = "&#39;";
          break;
        default:
          r = null;
      }
      if (r != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(r);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
