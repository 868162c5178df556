package dev.outreach.sandbox;

/**
 * A request the sandbox refuses: its status and the message the client gets. Thrown by endpoints
 * and turned into a {@link Reply} by the {@link Router}; it carries no stack trace.
 */
final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  Problem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** HTTP 400 with {@code "validation error: " + detail}. */
  static Problem invalid(String detail) {
    return new Problem(400, "validation error: " + detail);
  }

  int status() {
    return status;
  }

  Reply reply() {
    return Reply.error(status, getMessage());
  }
}
