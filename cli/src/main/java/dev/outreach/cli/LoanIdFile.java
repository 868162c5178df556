package dev.outreach.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of loan ids, one a line (UTF-8; blank lines and lines starting with {@code #} are
 * skipped), as {@code sandbox --folder} reads a contact folder.
 */
final class LoanIdFile {
  private LoanIdFile() {}

  /**
   * The loan ids of {@code file}, in file order.
   *
   * @throws IllegalArgumentException naming the file and line of every loan id listed twice
   * @throws IOException when the file cannot be read
   */
  static List<String> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String id = lines.get(i).replace("\uFEFF", "").strip();
      if (id.isEmpty() || id.startsWith("#")) {
        continue;
      }
      Integer first = firstLine.putIfAbsent(id, i + 1);
      if (first != null) {
        problems.add(
            file
                + ":"
                + (i + 1)
                + ": loan id "
                + id
                + " is listed twice (first on line "
                + first
                + ")");
      } else {
        ids.add(id);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return ids;
  }
}
