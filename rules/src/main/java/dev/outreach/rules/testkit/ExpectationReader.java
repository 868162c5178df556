package dev.outreach.rules.testkit;

import dev.outreach.core.Channel;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one row's expectation columns, naming every problem by line and column. */
final class ExpectationReader {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
  private static final String WORDS =
      "write none, suppress, or call, sms, whatsapp joined by + (e.g. call+sms)";

  private final long line;
  private final Map<String, String> cells;
  private final Map<String, String> headers;
  private final CaseProblems problems;
  private boolean ok = true;

  /**
   * @param cells the row's non-blank case cells by {@link CaseColumns#normal} name, stripped
   * @param headers each column's header as written, by normal name (for messages)
   */
  ExpectationReader(
      long line, Map<String, String> cells, Map<String, String> headers, CaseProblems problems) {
    this.line = line;
    this.cells = cells;
    this.headers = headers;
    this.problems = problems;
  }

  /** The row's expectation, or {@code null} when a cell is wrong (each wrong cell is reported). */
  Expectation read() {
    String text = cells.get(CaseColumns.EXPECT);
    if (text == null) {
      problem(CaseColumns.EXPECT, "is empty; " + WORDS);
      return null;
    }
    Expectation.Kind kind = Expectation.Kind.CONTACT;
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    String[] words = text.split("\\+", -1);
    for (String w : words) {
      String word = w.strip().toLowerCase(Locale.ROOT);
      Channel ch = channel(word);
      if (word.equals("none") || word.equals("suppress")) {
        kind = word.equals("none") ? Expectation.Kind.NONE : Expectation.Kind.SUPPRESS;
        if (words.length > 1) {
          problem(
              CaseColumns.EXPECT,
              "\"" + text + "\": " + word + " stands alone, it cannot be joined with +");
        }
      } else if (word.isEmpty()) {
        problem(CaseColumns.EXPECT, "\"" + text + "\" has an empty word; " + WORDS);
      } else if (ch == null) {
        problem(CaseColumns.EXPECT, "\"" + w.strip() + "\" is not an expectation; " + WORDS);
      } else if (!channels.add(ch)) {
        problem(CaseColumns.EXPECT, "\"" + text + "\" names " + word + " twice");
      }
    }
    if (!ok) {
      return null;
    }
    Map<Channel, List<String>> ids = new EnumMap<>(Channel.class);
    ids(Channel.CALL, CaseColumns.CALL, channels, ids, "AGENT/DISPOSITION or AGENT", 1, 2);
    ids(Channel.SMS, CaseColumns.SMS, channels, ids, "TEMPLATE", 1, 1);
    ids(
        Channel.WHATSAPP,
        CaseColumns.WHATSAPP,
        channels,
        ids,
        "TEMPLATE or TEMPLATE/AGENT/DISPOSITION",
        1,
        3);
    String reason = cells.get(CaseColumns.REASON);
    if (reason != null && kind != Expectation.Kind.SUPPRESS) {
      problem(
          CaseColumns.REASON,
          "gives a suppression reason, but expect is \"" + text + "\", not suppress");
    }
    Map<Channel, Expectation.Time> notBefore = notBefore(channels);
    return ok ? new Expectation(kind, channels, reason, ids, notBefore) : null;
  }

  private void ids(
      Channel ch,
      String column,
      Set<Channel> expected,
      Map<Channel, List<String>> ids,
      String form,
      int size,
      int otherSize) {
    String text = cells.get(column);
    if (text == null) {
      return;
    }
    if (!expected.contains(ch)) {
      problem(column, "is set, but expect does not include " + Expectation.name(ch));
      return;
    }
    List<String> parts = ch == Channel.SMS ? List.of(text) : List.of(text.split("/", -1));
    boolean blank = parts.stream().anyMatch(p -> p.isBlank());
    if (blank || (parts.size() != size && parts.size() != otherSize)) {
      problem(column, "\"" + text + "\" should be " + form);
      return;
    }
    ids.put(ch, parts.stream().map(String::strip).toList());
  }

  private Map<Channel, Expectation.Time> notBefore(Set<Channel> expected) {
    Map<Channel, Expectation.Time> out = new EnumMap<>(Channel.class);
    String text = cells.get(CaseColumns.NOT_BEFORE);
    if (text == null) {
      return out;
    }
    for (String item : text.split(";")) {
      String it = item.strip();
      if (it.isEmpty()) {
        continue;
      }
      int at = it.indexOf('@');
      Channel ch = at < 0 ? null : channel(it.substring(0, at).strip().toLowerCase(Locale.ROOT));
      Expectation.Time t = at < 0 ? null : time(it.substring(at + 1).strip());
      if (ch == null || t == null) {
        problem(
            CaseColumns.NOT_BEFORE,
            "\""
                + it
                + "\" should be CHANNEL@HH:mm or CHANNEL@YYYY-MM-DDTHH:mm"
                + " (e.g. call@10:00), several separated by ;");
      } else if (!expected.contains(ch)) {
        problem(
            CaseColumns.NOT_BEFORE,
            "\"" + it + "\": expect does not include " + Expectation.name(ch));
      } else if (out.putIfAbsent(ch, t) != null) {
        problem(
            CaseColumns.NOT_BEFORE, "\"" + text + "\" names " + Expectation.name(ch) + " twice");
      }
    }
    return out;
  }

  private static Expectation.Time time(String text) {
    try {
      return new Expectation.Time(null, LocalTime.parse(text, TIME));
    } catch (DateTimeParseException notATime) {
      try {
        LocalDateTime t = LocalDateTime.parse(text, MOMENT);
        return new Expectation.Time(t.toLocalDate(), t.toLocalTime());
      } catch (DateTimeParseException notAMoment) {
        return null;
      }
    }
  }

  /**
   * The channel a word of a cases file names ({@code call}, {@code sms}, {@code whatsapp}), or
   * null.
   */
  static Channel channel(String word) {
    for (Channel ch : Channel.values()) {
      if (Expectation.name(ch).equals(word)) {
        return ch;
      }
    }
    return null;
  }

  private void problem(String column, String message) {
    ok = false;
    problems.add(line, headers.getOrDefault(column, column), message);
  }
}
