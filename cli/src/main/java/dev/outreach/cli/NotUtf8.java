package dev.outreach.cli;

import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * After a file failed to decode ({@code Input length = 1}), finds which of the command's files is
 * not UTF-8 and where, so the message names the file, line and column instead.
 */
final class NotUtf8 {
  private NotUtf8() {}

  /**
   * The report for the first file given to the command that is not UTF-8, or {@code null} if none
   * is found.
   */
  static String which(ParseResult parsed) {
    if (parsed == null) {
      return null;
    }
    List<ArgSpec> args = new ArrayList<>(parsed.matchedOptions());
    args.addAll(parsed.matchedPositionals());
    for (ArgSpec a : args) {
      for (Path file : files(a.getValue())) {
        try {
          PortfolioReader.checkUtf8(file);
        } catch (PortfolioException e) {
          return e.getMessage().replace("1 problem, nothing was read", "not UTF-8");
        } catch (IOException e) {
          // unreadable here too: look at the next
        }
      }
    }
    return null;
  }

  private static List<Path> files(Object value) {
    List<Path> out = new ArrayList<>();
    if (value instanceof java.util.Map) {
      out.addAll(files(((java.util.Map<?, ?>) value).values()));
    } else if (value instanceof Collection) {
      for (Object v : (Collection<?>) value) {
        out.addAll(files(v));
      }
    } else if (value instanceof Path && Files.isRegularFile((Path) value)) {
      out.add((Path) value);
    } else if (value instanceof String) {
      try {
        Path p = Path.of((String) value);
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      } catch (InvalidPathException e) {
        // not a path
      }
    }
    return out;
  }
}
