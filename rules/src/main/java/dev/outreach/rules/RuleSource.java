package dev.outreach.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The text of one DRL file and the name errors are reported under (its path, or its classpath name).
 */
public record RuleSource(String name, String text) {
  public RuleSource {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(text, "text == null");
  }

  /**
   * Reads {@code path}: a {@code .drl} file, or a folder whose {@code .drl} files (in all sub-folders)
   * are read in path order.
   *
   * @throws IOException when the path does not exist, cannot be read, or a folder holds no DRL file
   */
  public static List<RuleSource> read(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException("rules " + path + ": no such file or folder");
    }
    if (!Files.isDirectory(path)) {
      return List.of(new RuleSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(p -> Files.isRegularFile(p)
          && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".drl")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("rules " + path + ": the folder holds no .drl file");
    }
    List<RuleSource> out = new ArrayList<>();
    for (Path f : files) {
      out.add(new RuleSource(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
    }
    return out;
  }

  /**
   * Reads the classpath resource {@code name} (e.g. {@code outreach/sample/rules/calls.drl}).
   *
   * @throws IOException when there is no such resource
   */
  public static RuleSource classpath(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("rules classpath:" + name + ": no such resource");
      }
      return new RuleSource("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
