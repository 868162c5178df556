package dev.outreach.report.internal;

/** Word wrapping for terminal reports, which should fit 100 columns. */
public final class Wrap {
  /** The width text reports keep to. */
  public static final int WIDTH = 100;

  private Wrap() {}

  /**
   * Appends {@code text} to {@code out} as lines of at most {@code width} characters (a word longer
   * than that stands alone), the first starting with {@code first}, the others with {@code rest};
   * ends with a newline. Text that fits on one line is kept exactly; wrapped text is split at
   * single spaces.
   */
  public static void append(StringBuilder out, String first, String rest, String text, int width) {
    if (first.length() + text.length() <= width) {
      out.append(first).append(text).append('\n'); // fits: spacing kept as it is
      return;
    }
    String prefix = first;
    out.append(prefix);
    int used = prefix.length();
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && used + 1 + word.length() > width) {
        out.append('\n').append(rest);
        used = rest.length();
        empty = true;
      }
      if (!empty) {
        out.append(' ');
        used++;
      }
      out.append(word);
      used += word.length();
      empty = false;
    }
    out.append('\n');
  }
}
