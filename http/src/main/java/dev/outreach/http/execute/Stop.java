package dev.outreach.http.execute;

import java.util.concurrent.atomic.AtomicReference;

/** The run's stop signal: once set (first reason wins), nothing new is sent. */
final class Stop {
  private final AtomicReference<String> reason = new AtomicReference<>();

  void set(String why) {
    reason.compareAndSet(null, why);
  }

  /** Why the run stopped, or {@code null} while it goes on. */
  String reason() {
    return reason.get();
  }
}
