package dev.outreach.http.journal;

/**
 * A journal cannot be used: held by another executor, written for another plan, corrupt, or not
 * writable. The message names the file and says what to do. Nothing was sent because of it.
 */
public class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public JournalException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
