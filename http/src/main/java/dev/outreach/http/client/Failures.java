package dev.outreach.http.client;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

/** Tells an exchange that provably never reached the server from one that may have. */
final class Failures {
  private Failures() {}

  static Exchange.NoReply classify(Throwable failure, Duration timeout) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof ConnectException
          || c instanceof HttpConnectTimeoutException
          || c instanceof UnknownHostException
          || c instanceof UnresolvedAddressException
          || c instanceof SSLHandshakeException) {
        return new Exchange.NoReply(true, "no connection: " + describe(c));
      }
    }
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof HttpTimeoutException) {
        return timedOut(timeout);
      }
    }
    return new Exchange.NoReply(
        false, "I/O error after the request may have been sent: " + describe(failure));
  }

  static Exchange.NoReply timedOut(Duration timeout) {
    return new Exchange.NoReply(
        false, "no response within " + timeout + "; the request may have been processed");
  }

  static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
