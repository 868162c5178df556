package dev.outreach.sandbox;

import dev.outreach.core.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the sandbox did: every initiation and every request received, in order. Thread-safe. */
final class Ledger {
  private final List<Initiation> initiations = new ArrayList<>();
  private final List<Received> received = new ArrayList<>();

  synchronized void initiated(List<Initiation> batch) {
    initiations.addAll(batch);
  }

  synchronized void received(Received r) {
    received.add(r);
  }

  synchronized List<Initiation> initiations() {
    return List.copyOf(initiations);
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * Loan id to how many times it was initiated on {@code channel}, in order of first initiation.
   */
  synchronized Map<String, Long> contactCounts(Channel channel) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Initiation i : initiations) {
      if (i.channel() == channel) {
        counts.merge(i.loanId(), 1L, Long::sum);
      }
    }
    return Collections.unmodifiableMap(counts);
  }
}
