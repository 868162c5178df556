package dev.outreach.http.execute;

import dev.outreach.http.journal.Journal;
import java.time.Clock;

/** What one run needs besides the plan; {@code journal} is {@code null} when none is kept. */
record Settings(Senders senders, Meters meters, Clock clock, Sleeper sleeper, Backoff backoff, TokenBucket bucket,
    RetryPolicy policy, boolean respectSchedule, int maxInFlight, Journal journal) {}
