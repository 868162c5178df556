package dev.outreach.report.html;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG: no script, no network. Each bar's exact numbers are in its {@code
 * <title>} (a tooltip) and written beside it.
 */
final class Charts {
  /**
   * Series colours, each at least 3:1 against the white card (WCAG 1.4.11); the first three are the
   * channel badges'.
   */
  static final String[] COLORS = {
    "#2563eb", "#15803d", "#b45309", "#9333ea", "#dc2626", "#0891b2", "#64748b"
  };

  private static final int WIDTH = 640;
  private static final int LABEL = 210;
  private static final int ROW = 24;

  /** Wide charts (by rule) give long labels room. */
  static final int WIDE = 1100;

  private static final int WIDE_LABEL = 470;

  private Charts() {}

  /** Horizontal bars, one row per label, stacked by series. */
  static void bars(
      Out o, String id, String title, String note, List<String> series, List<Bar> bars) {
    bars(o, id, title, note, series, bars, WIDTH);
  }

  /** Horizontal bars in a chart {@code width} wide ({@link #WIDE} spans the page). */
  static void bars(
      Out o, String id, String title, String note, List<String> series, List<Bar> bars, int width) {
    bars(o, id, title, note, series, bars, width, COLORS);
  }

  /** Horizontal bars with a colour per series ({@code colors}, each 3:1 against white). */
  static void bars(
      Out o,
      String id,
      String title,
      String note,
      List<String> series,
      List<Bar> bars,
      int width,
      String[] colors) {
    int labelWidth = width == WIDE ? WIDE_LABEL : LABEL;
    int maxLabel = labelWidth / 7;
    open(o, id, title, note, width == WIDE);
    if (bars.stream().allMatch(b -> b.total() == 0)) {
      o.raw("<p class=\"empty\">No contacts.</p></figure>\n");
      return;
    }
    int top = legendHeight(bars);
    int height = top + bars.size() * ROW + 4;
    svg(o, title, width, height);
    legend(o, series, bars, labelWidth, colors);
    long max = bars.stream().mapToLong(Bar::total).max().orElse(1);
    int notes =
        bars.stream().mapToInt(b -> b.note() == null ? 0 : b.note().length()).max().orElse(0);
    double span = width - labelWidth - 70 - notes * 7;
    o.raw("<g class=\"plot\">");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = top + i * ROW;
      String label =
          b.label().length() > maxLabel ? b.label().substring(0, maxLabel - 1) + "…" : b.label();
      o.raw(
              "<text class=\"label\" x=\""
                  + (labelWidth - 8)
                  + "\" y=\""
                  + (y + 16)
                  + "\" text-anchor=\"end\"><title>")
          .text(b.label())
          .raw("</title>")
          .text(label)
          .raw("</text>");
      double x = labelWidth;
      for (int s = 0; s < b.values().length; s++) {
        long v = b.values()[s];
        if (v == 0) {
          continue;
        }
        double w = Math.max(1, v * span / max);
        o.raw(
                String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>",
                    x,
                    y + 3,
                    w,
                    ROW - 6,
                    colors[s % colors.length]))
            .text(b.label() + " · " + series.get(s) + ": " + String.format(Locale.ROOT, "%,d", v))
            .raw("</title></rect>");
        x += w;
      }
      o.raw(
              String.format(
                  Locale.ROOT,
                  "<text class=\"value\" x=\"%.1f\" y=\"%d\">%,d",
                  x + 6,
                  y + 16,
                  b.total()))
          .text(b.note() == null ? "" : " \u00b7 " + b.note())
          .raw("</text>");
    }
    o.raw("</g></svg></figure>\n");
  }

  /** Vertical columns, one per label (e.g. the 24 hours), stacked by series. */
  static void columns(
      Out o, String id, String title, String note, List<String> series, List<Bar> bars) {
    open(o, id, title, note, false);
    if (bars.stream().allMatch(b -> b.total() == 0)) {
      o.raw("<p class=\"empty\">No contacts.</p></figure>\n");
      return;
    }
    int top = legendHeight(bars);
    int plot = 170;
    int height = top + plot + 40;
    svg(o, title, WIDTH, height);
    legend(o, series, bars, LABEL, COLORS);
    long max = bars.stream().mapToLong(Bar::total).max().orElse(1);
    double left = 40;
    double slot = (WIDTH - left - 10) / bars.size();
    o.raw("<g class=\"plot\">");
    o.raw(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.0f\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
            left,
            top + plot,
            WIDTH - 10,
            top + plot));
    o.raw(
        String.format(
            Locale.ROOT,
            "<text class=\"tick\" x=\"%.0f\" y=\"%d\" text-anchor=\"end\">%,d</text>",
            left - 4,
            top + 10,
            max));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double x = left + i * slot + 2;
      double y = top + plot;
      for (int s = 0; s < b.values().length; s++) {
        long v = b.values()[s];
        if (v == 0) {
          continue;
        }
        double h = Math.max(1, v * (plot - 14.0) / max);
        y -= h;
        o.raw(
                String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>",
                    x,
                    y,
                    slot - 4,
                    h,
                    COLORS[s % COLORS.length]))
            .text(b.label() + " · " + series.get(s) + ": " + String.format(Locale.ROOT, "%,d", v))
            .raw("</title></rect>");
      }
      if (b.total() > 0) {
        o.raw(
            String.format(
                Locale.ROOT,
                "<text class=\"value small\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                x + (slot - 4) / 2,
                y - 3,
                compact(b.total())));
      }
      o.raw(
              String.format(
                  Locale.ROOT,
                  "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  x + (slot - 4) / 2,
                  top + plot + 16))
          .text(b.label())
          .raw("</text>");
    }
    o.raw("</g></svg></figure>\n");
  }

  private static void open(Out o, String id, String title, String note, boolean wide) {
    o.raw("<figure class=\"chart" + (wide ? " wide" : "") + "\" id=\"")
        .text(id)
        .raw("\"><figcaption>")
        .text(title);
    if (note != null) {
      o.raw(" <span class=\"note\">").text(note).raw("</span>");
    }
    o.raw("</figcaption>");
  }

  private static void svg(Out o, String title, int width, int height) {
    o.raw(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 "
                + width
                + " "
                + height
                + "\" width=\""
                + width
                + "\" height=\""
                + height
                + "\" role=\"img\" aria-label=\"")
        .text(title)
        .raw("\">");
  }

  /**
   * A legend only when some bar stacks more than one series (else each bar's label says it all).
   */
  private static int legendHeight(List<Bar> bars) {
    return stacked(bars) ? 24 : 4;
  }

  private static boolean stacked(List<Bar> bars) {
    for (Bar b : bars) {
      int n = 0;
      for (long v : b.values()) {
        n += v > 0 ? 1 : 0;
      }
      if (n > 1) {
        return true;
      }
    }
    return false;
  }

  private static void legend(
      Out o, List<String> series, List<Bar> bars, int left, String[] colors) {
    if (!stacked(bars)) {
      return;
    }
    o.raw("<g class=\"legend\">");
    int x = left;
    for (int s = 0; s < series.size(); s++) {
      if (!hasData(bars, s)) {
        continue;
      }
      o.raw(
          "<rect x=\""
              + x
              + "\" y=\"4\" width=\"12\" height=\"12\" fill=\""
              + colors[s % colors.length]
              + "\"/>");
      o.raw("<text x=\"" + (x + 16) + "\" y=\"14\">").text(series.get(s)).raw("</text>");
      x += 30 + series.get(s).length() * 8;
    }
    o.raw("</g>");
  }

  private static boolean hasData(List<Bar> bars, int s) {
    return bars.stream().anyMatch(b -> s < b.values().length && b.values()[s] > 0);
  }

  /** 1234 as 1.2k, 1234567 as 1.2M: column tops are narrow. */
  static String compact(long n) {
    if (n < 1_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return n < 10_000 ? String.format(Locale.ROOT, "%.1fk", n / 1_000.0) : (n / 1_000) + "k";
    }
    return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
  }
}
