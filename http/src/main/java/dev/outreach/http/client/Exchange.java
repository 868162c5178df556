package dev.outreach.http.client;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** What one HTTP exchange gave: a response (whose body may be missing) or no response at all. */
sealed interface Exchange {

  /**
   * A response arrived.
   *
   * @param body the whole body, or {@code null} when it could not be received ({@code bodyProblem}
   *     says why)
   */
  record Reply(int status, HttpHeaders headers, byte[] body, String bodyProblem)
      implements Exchange {
    public Reply {
      Objects.requireNonNull(headers, "headers == null");
    }
  }

  /**
   * No response arrived.
   *
   * @param provablyNotSent {@code true} only when the request never reached the server (no
   *     connection)
   */
  record NoReply(boolean provablyNotSent, String reason) implements Exchange {
    public NoReply {
      Objects.requireNonNull(reason, "reason == null");
    }
  }
}
