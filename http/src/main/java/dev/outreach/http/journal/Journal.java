package dev.outreach.http.journal;

import dev.outreach.http.journal.JournalRecord.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only file of {@link JournalRecord}s, one JSON object per line, that makes a run
 * resumable. {@link #append} returns only once the record is on disk ({@link FileChannel#force});
 * records appended by several threads at once share one flush (group commit).
 *
 * <p>{@link #open} locks the file ({@link FileChannel#tryLock}) for as long as the journal is open,
 * so a second executor on the same file fails at once; the operating system releases the lock when
 * the process ends, however it ends. A journal belongs to one plan (its header holds the plan's
 * SHA-256 and campaign) run against one API (its base URL), and is refused for any other: a journal
 * says what was sent to the API it names, and nothing about another. An incomplete last line, left
 * by a run killed while writing it, is reported and cut off, so that appending continues on a line
 * boundary.
 */
public final class Journal implements AutoCloseable {
  /**
   * The format version written in the header: 2 records the API's base URL and may hold {@code
   * short} outcomes. Version 1 journals are still read (and resumed; see {@link #open}).
   */
  public static final int VERSION = 2;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final JournalContents contents;
  private final Object buffered = new Object();
  private final ReentrantLock flushing = new ReentrantLock();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private volatile Mirror mirror;

  /**
   * Somewhere else every record must also be before the request it announces is sent (a database
   * that replicas share): called with each batch of lines once they are on disk; when it throws,
   * the journal is unusable and nothing more is sent.
   */
  public interface Mirror {
    void write(byte[] lines) throws IOException;
  }

  private long position;
  private long appended;
  private long durable;
  private IOException broken;

  private Journal(
      Path file, FileChannel channel, FileLock lock, JournalContents contents, long position) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.contents = contents;
    this.position = position;
  }

  /**
   * Opens (creating it if absent) the journal at {@code file} for the plan described by {@code
   * header}, and locks it.
   *
   * <p>A journal whose header records a base URL is refused when {@code header} records another
   * one. A journal of format version 1 records none: it is accepted for any API (refusing it would
   * leave a new journal as the only way on, which would send its settled steps again), and its
   * header says so ({@link Header#baseUrl()} empty) for the caller to report.
   *
   * @throws JournalException if another executor holds it, it belongs to another plan, campaign or
   *     API, it is damaged, or it cannot be read or written
   */
  public static Journal open(Path file, Header header) {
    Objects.requireNonNull(header, "header == null");
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new JournalException("cannot open journal " + file + ": " + e, e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new JournalException(
            "journal "
                + file
                + " is in use by another executor (it holds the file's lock);"
                + " wait for that run to finish, or use another --journal for another plan");
      }
      byte[] bytes = readAll(channel);
      JournalFile.Parsed parsed = JournalFile.parse(bytes, file);
      if (parsed.header().isPresent()) {
        check(file, parsed.header().get(), header);
      }
      if (parsed.goodLength() < bytes.length) {
        channel.truncate(parsed.goodLength());
        channel.force(true);
      }
      JournalContents contents =
          new JournalContents(parsed.header().orElse(header), parsed.records(), parsed.tornTail());
      Journal j = new Journal(file, channel, lock, contents, parsed.goodLength());
      if (parsed.header().isEmpty()) {
        j.append(header);
        syncDirectory(file);
      }
      return j;
    } catch (IOException e) {
      close(channel);
      throw new JournalException("cannot read or write journal " + file + ": " + e, e);
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /**
   * Reads the journal at {@code file} without locking or changing it (e.g. to build a follow-up
   * plan).
   *
   * @throws JournalException if it does not exist, is empty or is damaged
   */
  public static JournalContents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new JournalException("journal " + file + " does not exist");
    } catch (IOException e) {
      throw new JournalException("cannot read journal " + file + ": " + e, e);
    }
    JournalFile.Parsed parsed = JournalFile.parse(bytes, file);
    Header h =
        parsed.header().orElseThrow(() -> new JournalException("journal " + file + " is empty"));
    return new JournalContents(h, parsed.records(), parsed.tornTail());
  }

  /**
   * Copies every record appended from now on to {@code mirror} too (see {@link Mirror}), and, when
   * {@code copyExisting}, the lines already in the file first.
   *
   * @throws JournalException if the existing lines cannot be copied
   */
  public void mirrorTo(Mirror mirror, boolean copyExisting) {
    flushing.lock();
    try {
      if (copyExisting) {
        try {
          mirror.write(Arrays.copyOf(readAll(channel), (int) position));
        } catch (IOException e) {
          throw new JournalException("cannot copy journal " + file + ": " + e, e);
        }
      }
      this.mirror = mirror;
    } finally {
      flushing.unlock();
    }
  }

  /**
   * Reads journal lines held elsewhere (a {@link Mirror}'s copy), named {@code source} in errors.
   *
   * @throws JournalException if they hold no header or are damaged
   */
  public static JournalContents parse(byte[] lines, String source) {
    Path named = Path.of(source.replace(':', '_'));
    JournalFile.Parsed parsed = JournalFile.parse(lines, named);
    Header h =
        parsed.header().orElseThrow(() -> new JournalException("journal " + source + " is empty"));
    return new JournalContents(h, parsed.records(), parsed.tornTail());
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** What the file held when it was opened (the header passed to {@link #open} for a new file). */
  public JournalContents contents() {
    return contents;
  }

  /**
   * Appends {@code record} and returns once it is on disk.
   *
   * @throws JournalException if it cannot be written; the journal is then unusable, and the caller
   *     must not send the request the record announces
   */
  public void append(JournalRecord record) {
    byte[] line = JournalCodec.line(record);
    long seq;
    synchronized (buffered) {
      if (broken != null) {
        throw new JournalException(
            "journal "
                + file
                + " could not be written earlier ("
                + broken
                + "); nothing more is sent");
      }
      buffer.write(line, 0, line.length);
      seq = ++appended;
    }
    flushTo(seq);
  }

  private void flushTo(long seq) {
    flushing.lock();
    try {
      if (durable >= seq) {
        return;
      }
      byte[] bytes;
      long upTo;
      synchronized (buffered) {
        if (broken != null) {
          throw new JournalException(
              "journal " + file + " could not be written (" + broken + "); nothing more is sent");
        }
        bytes = buffer.toByteArray();
        buffer.reset();
        upTo = appended;
      }
      try {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          position += channel.write(b, position);
        }
        channel.force(false);
        Mirror m = mirror;
        if (m != null) {
          m.write(bytes);
        }
      } catch (IOException e) {
        synchronized (buffered) {
          broken = e;
        }
        throw new JournalException(
            "cannot write journal " + file + " (" + e + "); nothing more is sent", e);
      }
      durable = upTo;
    } finally {
      flushing.unlock();
    }
  }

  /** Releases the lock and closes the file. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // closing the channel below releases it anyway
    }
    close(channel);
  }

  private static void check(Path file, Header found, Header expected) {
    if (found.version() < 1 || found.version() > VERSION) {
      throw new JournalException(
          "journal "
              + file
              + " has format version "
              + found.version()
              + "; this outreach reads "
              + "versions 1 to "
              + VERSION);
    }
    if (!found.campaignId().equals(expected.campaignId())) {
      throw new JournalException(
          "journal "
              + file
              + " was written for campaign "
              + found.campaignId()
              + "; this plan"
              + " is for campaign "
              + expected.campaignId()
              + ". A journal is never applied to another campaign: use a new"
              + " --journal file for this plan");
    }
    if (!found.planSha256().equals(expected.planSha256())) {
      throw new JournalException(
          "journal "
              + file
              + " belongs to another plan (sha256 "
              + found.planSha256()
              + ", campaign "
              + found.campaignId()
              + "); this plan's sha256 is "
              + expected.planSha256()
              + ". A journal is never applied to a different plan: use a new --journal file for this plan");
    }
    if (found.baseUrl().isPresent()
        && expected.baseUrl().isPresent()
        && !found.baseUrl().get().equals(expected.baseUrl().get())) {
      throw new JournalException(mismatch(file, found.baseUrl().get(), expected.baseUrl().get()));
    }
  }

  /** Why a journal of a run against {@code recorded} is refused for a run against {@code given}. */
  public static String mismatch(Path file, String recorded, String given) {
    return "journal "
        + file
        + " records a run against "
        + recorded
        + ", but this run is against "
        + given
        + ". A journal says what was sent to the API it names and nothing about another (resumed here, a rehearsal's"
        + " journal would make its steps look done and send nothing). If "
        + given
        + " is another API, use a new"
        + " --journal file for it; if it is the same API under another name, resume with --base-url "
        + recorded
        + " (a new journal would send its settled steps again)";
  }

  private static byte[] readAll(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException("journal larger than 2 GB");
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    while (b.hasRemaining() && channel.read(b, b.position()) >= 0) {
      // read until full
    }
    return Arrays.copyOf(b.array(), b.position());
  }

  /**
   * Makes a new file's directory entry durable (POSIX); where directories cannot be opened, skips
   * it.
   */
  private static void syncDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported on this platform; the file's own data is still forced
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing useful to do
    }
  }

  @Override
  public String toString() {
    return "Journal[" + file + "]";
  }
}
