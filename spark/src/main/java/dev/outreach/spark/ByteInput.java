package dev.outreach.spark;

import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes in memory as a stream, without {@link java.io.ByteArrayInputStream}'s locking: an {@link
 * java.io.ObjectInputStream} reads its markers one byte at a time, and a lock taken per byte made
 * reading the partitions' parts about 1.6 times slower (measured on parts of a thousand records).
 * Not thread-safe.
 */
final class ByteInput extends InputStream {
  private final byte[] bytes;
  private int pos;

  ByteInput(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes == null");
  }

  @Override
  public int read() {
    return pos < bytes.length ? bytes[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] out, int off, int len) {
    Objects.checkFromIndexSize(off, len, out.length);
    if (len == 0) {
      return 0;
    }
    if (pos >= bytes.length) {
      return -1;
    }
    int n = Math.min(len, bytes.length - pos);
    System.arraycopy(bytes, pos, out, off, n);
    pos += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long k = Math.max(0, Math.min(n, bytes.length - pos));
    pos += (int) k;
    return k;
  }

  @Override
  public int available() {
    return bytes.length - pos;
  }
}
