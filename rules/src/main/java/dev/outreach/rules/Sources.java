package dev.outreach.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL sources of one rule set, so messages from Drools (which knows only the generated resource
 * names {@code …/r<i>.drl}) can be told in terms of the user's files, lines and columns.
 */
final class Sources {
  private static final Pattern GENERATED =
      Pattern.compile("(?:[\\w.-]+/)*r(\\d+)\\.(?:drl|xlsx|xls|csv)\\b");

  private final List<RuleSource> sources;
  private final List<String> drl;

  /** The sources as given, in order. */
  List<RuleSource> list() {
    return sources;
  }

  /**
   * {@code drl} holds, per source, the DRL compiled: the text itself, or what a table was turned
   * into.
   */
  Sources(List<RuleSource> sources, List<String> drl) {
    this.sources = List.copyOf(sources);
    this.drl = List.copyOf(drl);
  }

  /**
   * The decision-table cell behind {@code line} of {@code file}'s generated DRL; null for DRL
   * files.
   */
  DecisionTables.Cell cell(String file, int line) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).name().equals(file) && sources.get(i).kind() != RuleSource.Kind.DRL) {
        return DecisionTables.cellOf(drl.get(i), line);
      }
    }
    return null;
  }

  /** The generated resource path for source {@code i} under {@code folder}. */
  static String generatedName(String folder, int i, String extension) {
    return folder + "r" + i + "." + extension;
  }

  /** The user's name for a generated path, or {@code null} when it is not one. */
  String userName(String path) {
    Matcher m = path == null ? null : GENERATED.matcher(path);
    if (m != null && m.find()) {
      int i = Integer.parseInt(m.group(1));
      if (i < sources.size()) {
        return sources.get(i).name();
      }
    }
    return null;
  }

  /** {@code text} with every generated path replaced by the user's file name. */
  String rewrite(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = GENERATED.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = userName(m.group());
      m.appendReplacement(sb, Matcher.quoteReplacement(name != null ? name : m.group()));
    }
    return m.appendTail(sb).toString();
  }

  /**
   * Where {@code snippet} first occurs at or after {@code fromLine} (1-based) of {@code file}, or
   * in any file when {@code file} is {@code null}; {@code null} when it occurs nowhere.
   */
  Location find(String file, int fromLine, String snippet) {
    if (snippet == null || snippet.isBlank()) {
      return null;
    }
    for (int k = 0; k < sources.size(); k++) {
      RuleSource s = sources.get(k);
      if (file != null && !Objects.equals(file, s.name()) || s.kind() != RuleSource.Kind.DRL) {
        continue;
      }
      String[] lines = drl.get(k).split("\\R", -1);
      for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
        int col = lines[i].indexOf(snippet);
        if (col >= 0) {
          return new Location(s.name(), i + 1, col + 1);
        }
      }
    }
    return null;
  }

  /**
   * Where {@code rule} is declared, as {@code FILE:LINE} (for a decision table {@code FILE row N}),
   * or {@code null} when it is not in these sources.
   */
  String where(org.kie.api.definition.rule.Rule rule) {
    if (!(rule instanceof org.drools.base.definitions.rule.impl.RuleImpl)) {
      return null;
    }
    org.kie.api.io.Resource r =
        ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getResource();
    String file = r == null ? null : userName(r.getSourcePath());
    if (file == null) {
      return null;
    }
    String q = Pattern.quote(rule.getName());
    Pattern header = Pattern.compile("^\\s*rule\\s+(?:\"" + q + "\"|'" + q + "'|" + q + "(?=\\s))");
    for (int k = 0; k < sources.size(); k++) {
      if (!sources.get(k).name().equals(file)) {
        continue;
      }
      String[] lines = drl.get(k).split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        if (header.matcher(lines[i]).find()) {
          DecisionTables.Cell cell = cell(file, i + 1);
          return cell != null ? file + " row " + cell.row() : file + ":" + (i + 1);
        }
      }
    }
    return file;
  }

  /** A place in a DRL file; line and column are 1-based. */
  record Location(String file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }
}
