package dev.outreach.core.guardrail;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A text file of loan ids, one per line; blank lines and lines starting with {@code #} are ignored.
 */
final class LoanIdList {
  private LoanIdList() {}

  /** The ids in {@code file}; each line that is not one id is added to {@code problems}. */
  static Set<String> read(Path file, List<String> problems) throws IOException {
    Set<String> ids = new HashSet<>();
    String name = file.getFileName().toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        String id = line.strip();
        if (n == 1 && id.startsWith("\uFEFF")) {
          id = id.substring(1).strip();
        }
        if (id.isEmpty() || id.startsWith("#")) {
          continue;
        }
        if (id.chars().anyMatch(Character::isWhitespace) || id.indexOf(',') >= 0) {
          problems.add(
              name + ":" + n + ": \"" + id + "\" is not one loan id; write one loan id per line");
        } else {
          ids.add(id);
        }
      }
    } catch (CharacterCodingException e) {
      Utf8Files.notUtf8(file)
          .forEach(p -> problems.add(name + ":" + p.line() + ": " + p.message()));
    }
    return ids;
  }
}
