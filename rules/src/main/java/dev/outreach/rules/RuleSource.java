package dev.outreach.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One file of rules and the name errors are reported under (its path, or its classpath name): DRL
 * ({@code .drl}), or a Drools decision table: a spreadsheet ({@code .xlsx}, {@code .xls}) or CSV
 * ({@code .drl.csv}, Drools' own naming, so that other CSV files in a rules folder are left alone;
 * a {@code .csv} file named explicitly is read as a table too).
 */
public record RuleSource(String name, Kind kind, byte[] content) implements java.io.Serializable {
  /** What a source holds, by its file name's ending. */
  public enum Kind {
    DRL("drl"),
    XLSX("drl.xlsx"),
    XLS("drl.xls"),
    CSV_TABLE("drl.csv");

    private final String extension;

    Kind(String extension) {
      this.extension = extension;
    }

    /** The file ending this kind is compiled under (Drools recognises decision tables by it). */
    public String extension() {
      return extension;
    }

    /** The kind of a file found in a rules folder, or {@code null} when it is not a rules file. */
    public static Kind of(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".drl")) return DRL;
      if (n.endsWith(".xlsx")) return XLSX;
      if (n.endsWith(".xls")) return XLS;
      if (n.endsWith(".drl.csv")) return CSV_TABLE;
      return null;
    }

    /** The kind of a file named explicitly: as {@link #of}, and any {@code .csv} is a table. */
    public static Kind ofNamed(String fileName) {
      Kind k = of(fileName);
      return k == null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV_TABLE : k;
    }
  }

  public RuleSource {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    content = Objects.requireNonNull(content, "content == null").clone();
  }

  /** DRL text under {@code name}. */
  public RuleSource(String name, String drl) {
    this(
        name,
        Kind.DRL,
        Objects.requireNonNull(drl, "drl == null").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The content as UTF-8 text ({@code ""} for a binary spreadsheet). */
  public String text() {
    return kind == Kind.XLSX || kind == Kind.XLS ? "" : new String(content, StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code path}: a rules file, or a folder whose rules files ({@code .drl}, {@code .xlsx},
   * {@code .xls}, {@code .drl.csv}, in all sub-folders) are read in path order.
   *
   * @throws IOException when the path does not exist, cannot be read, is not a rules file, or a
   *     folder holds no rules file
   */
  public static List<RuleSource> read(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException("rules " + path + ": no such file or folder");
    }
    if (!Files.isDirectory(path)) {
      Kind kind = Kind.ofNamed(path.getFileName().toString());
      if (kind == null) {
        throw new IOException(
            "rules " + path + ": not a rules file (expected .drl, .xlsx, .xls or .csv)");
      }
      return List.of(new RuleSource(path.toString(), kind, Files.readAllBytes(path)));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files =
          walk.filter(p -> Files.isRegularFile(p) && Kind.of(p.getFileName().toString()) != null)
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new IOException(
          "rules " + path + ": the folder holds no .drl, .xlsx, .xls or .drl.csv file");
    }
    List<RuleSource> out = new ArrayList<>();
    for (Path f : files) {
      out.add(
          new RuleSource(f.toString(), Kind.of(f.getFileName().toString()), Files.readAllBytes(f)));
    }
    return out;
  }

  /**
   * Reads the classpath resource {@code name} (e.g. {@code outreach/sample/rules/20-calls.drl}; a
   * leading {@code /} is ignored). It must be one file: a classpath folder cannot be listed
   * reliably.
   *
   * @throws IOException when {@code name} is empty, there is no such resource, it is a folder, or
   *     it is not a rules file
   */
  public static RuleSource classpath(ClassLoader loader, String name) throws IOException {
    String n = name.startsWith("/") ? name.substring(1) : name;
    if (n.isBlank()) {
      throw new IOException(
          "rules classpath:"
              + name
              + ": names no resource; write classpath:NAME, e.g."
              + " classpath:outreach/sample/rules/20-calls.drl");
    }
    java.net.URL url = loader.getResource(n);
    String dir = n.endsWith("/") ? n : n + "/";
    java.net.URL asFolder =
        loader.getResource(dir); // in a jar, only a folder's entry ends with "/"
    if (url != null && isDirectory(url)
        || asFolder != null && (!"file".equals(asFolder.getProtocol()) || isDirectory(asFolder))) {
      throw new IOException(
          "rules classpath:"
              + name
              + ": is a folder on the classpath; classpath: takes one"
              + " rules file (classpath:"
              + dir
              + "NAME.drl), repeated for each file;"
              + " give a folder on disk to read all of its rules");
    }
    if (url == null) {
      throw new IOException("rules classpath:" + name + ": no such resource on the classpath");
    }
    Kind kind = Kind.ofNamed(n);
    if (kind == null) {
      throw new IOException(
          "rules classpath:" + name + ": not a rules file (expected .drl, .xlsx, .xls or .csv)");
    }
    try (InputStream in = url.openStream()) {
      return new RuleSource("classpath:" + n, kind, in.readAllBytes());
    }
  }

  private static boolean isDirectory(java.net.URL url) {
    try {
      return "file".equals(url.getProtocol()) && Files.isDirectory(Path.of(url.toURI()));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSource
        && ((RuleSource) o).name.equals(name)
        && ((RuleSource) o).kind == kind
        && Arrays.equals(((RuleSource) o).content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "RuleSource[" + name + ", " + kind + ", " + content.length + " bytes]";
  }
}
