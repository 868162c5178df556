package dev.outreach.core.portfolio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds which column of a CSV record holds a field too long to read; run only after reading failed.
 */
final class LongField {
  private LongField() {}

  /**
   * The header name of the longest field on record {@code line} of {@code file} (the first past
   * {@code limit} characters), or {@code null} when the record is not found.
   */
  static String column(Path file, long line, String[] names, int limit) throws IOException {
    try (Reader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      long at = 1;
      int c = in.read();
      while (at < line && c != -1) { // lines as FastCSV counts them: LF, CR or CRLF end one
        if (c == '\n') {
          at++;
        } else if (c == '\r') {
          at++;
          c = in.read();
          if (c == '\n') {
            c = in.read();
          }
          continue;
        }
        c = in.read();
      }
      int field = 0;
      long length = 0;
      int longest = 0;
      long longestLength = 0;
      boolean quoted = false;
      for (; c != -1 && length <= limit; c = in.read()) {
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == ',') {
          field++;
          length = 0;
        } else if (!quoted && (c == '\n' || c == '\r')) {
          break;
        } else if (++length > longestLength) {
          longest = field;
          longestLength = length;
        }
      }
      return longestLength == 0
          ? null
          : longest < names.length ? names[longest] : "column " + (longest + 1);
    }
  }
}
