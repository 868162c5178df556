package dev.outreach.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal a person watches, so progress there is welcome. */
final class Terminal {
  private Terminal() {}

  /**
   * On Linux, standard error's file descriptor is a link to its device: a terminal is {@code
   * /dev/pts/N} or {@code /dev/ttyN}. Elsewhere, the JDK's console (standard input and output both
   * terminals) stands in.
   */
  static boolean stderr() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) {
      // no /proc: fall back to the console
    }
    return System.console() != null;
  }
}
