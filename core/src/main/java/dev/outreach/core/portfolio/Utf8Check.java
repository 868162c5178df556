package dev.outreach.core.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a file stops being UTF-8, to say so by line and column. Only run once reading has
 * failed, so the reading itself pays nothing for it.
 */
final class Utf8Check {
  private Utf8Check() {}

  /** The first byte that is not UTF-8, or {@code null} when the whole file is UTF-8. */
  static PortfolioException.Problem firstBadByte(Path file) throws IOException {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    long line = 1;
    long column = 1;
    long consumed = 0; // bytes of the file before in's index 0
    byte[] head = null;
    try (InputStream s = Files.newInputStream(file)) {
      boolean eof = false;
      while (true) {
        int n = s.read(in.array(), in.position(), in.remaining());
        if (n < 0) {
          eof = true;
        } else {
          if (head == null && in.position() + n >= 4) {
            head = new byte[] {in.array()[0], in.array()[1], in.array()[2], in.array()[3]};
          }
          in.position(in.position() + n);
        }
        in.flip();
        CoderResult r = d.decode(in, out, eof);
        out.flip();
        while (out.hasRemaining()) {
          char c = out.get();
          if (c == '\n') {
            line++;
            column = 1;
          } else if (!Character.isLowSurrogate(c)) {
            column++;
          }
        }
        out.clear();
        if (r.isError()) {
          int at = in.position();
          return new PortfolioException.Problem(
              line, null, message(consumed + at, column, in.get(at) & 0xff, head));
        }
        if (eof) {
          return null;
        }
        consumed += in.position();
        in.compact();
      }
    }
  }

  private static String message(long offset, long column, int b, byte[] head) {
    String hint;
    if (head != null
        && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
            || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
      hint = "it looks like UTF-16; save it as UTF-8";
    } else if (head != null && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      hint = "it looks like a zip file or an Excel workbook (.xlsx): save the sheet as CSV UTF-8";
    } else if (head != null && (head[0] & 0xff) == 0x1F && (head[1] & 0xff) == 0x8B) {
      hint = "it looks compressed (gzip): decompress it first";
    } else if (b >= 0x80) {
      String latin =
          new String(new byte[] {(byte) b}, java.nio.charset.Charset.forName("windows-1252"));
      hint =
          "it looks like Latin-1/Windows-1252 (where it would be '"
              + latin
              + "'); re-save it as UTF-8";
    } else {
      hint = "re-save it as UTF-8";
    }
    return String.format(
        java.util.Locale.ROOT,
        "the file is not UTF-8: byte 0x%02X at column %d (byte offset %d) is not valid UTF-8; %s",
        b,
        column,
        offset,
        hint);
  }
}
