package dev.outreach.http.execute;

import dev.outreach.http.journal.Journal;
import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * What one run needs besides the plan; {@code journal} is {@code null} when none is kept.
 *
 * @param requests one permit per request that may be in flight, held from journaling "sending"
 *     until its outcome is journaled
 */
record Settings(
    Senders senders,
    Meters meters,
    Clock clock,
    Sleeper sleeper,
    Backoff backoff,
    TokenBucket bucket,
    Semaphore requests,
    RetryPolicy policy,
    boolean respectSchedule,
    int maxInFlight,
    Journal journal) {}
