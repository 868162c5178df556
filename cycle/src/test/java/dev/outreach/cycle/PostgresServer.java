package dev.outreach.cycle;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a new cluster in a temporary folder, from Debian's {@code
 * postgresql} package (.ci/run installs it when absent), listening on a free loopback port, trust
 * authentication; stopped and removed by {@link #stop}. As root, the server runs as the {@code
 * postgres} user, as PostgreSQL requires.
 */
final class PostgresServer {
  private final Path bin;
  private final Path dir;
  private final int port;

  private PostgresServer(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static PostgresServer start() throws Exception {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("outreach-pg-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer pg = new PostgresServer(bin, dir, port);
    pg.run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "outreach",
            "-E",
            "UTF8",
            "--locale=C"));
    pg.run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "start"));
    return pg;
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Properties properties() {
    Properties p = new Properties();
    p.setProperty("user", "outreach");
    return p;
  }

  /** The highest installed version's binaries. */
  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path bin =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(
                    Comparator.comparing(
                        p ->
                            Integer.parseInt(
                                p.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElse(null);
        if (bin != null) {
          return bin;
        }
      }
    }
    throw new IllegalStateException(
        "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): run"
            + " `bash cycle/src/test/ensure-postgres.sh` (.ci/run does) or apt-get install postgresql");
  }

  private void run(List<String> command) throws Exception {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p =
        new ProcessBuilder(full)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("commands.log").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n" + Files.readString(dir.resolve("commands.log")));
    }
  }

  /** Stops the server at once and removes its folder. */
  void stop() throws Exception {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"));
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
