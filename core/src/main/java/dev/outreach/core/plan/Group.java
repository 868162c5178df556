package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Customers who get the same request: same channel, ids, template and time slot. */
final class Group {
  final Key key;
  final List<String> customerIds = new ArrayList<>();
  final TreeSet<String> rules = new TreeSet<>();

  Group(Key key) {
    this.key = key;
  }

  void add(Contact c) {
    customerIds.add(c.customerId());
    rules.add(c.rule());
  }

  /**
   * Where a contact was placed from: the customer's zone, the time the decision wanted and the
   * customer's jurisdiction (null for the plan's own policy), so it can be placed again (a later
   * day, when its day's capacity is full).
   */
  record Placement(
      java.time.ZoneId local, dev.outreach.core.guardrail.Wanted wanted, String jurisdiction)
      implements java.io.Serializable {}

  /** What makes two contacts share a request. */
  record Key(
      Channel channel,
      String agentId,
      String dispositionId,
      String templateId,
      Conversation conversation,
      OffsetDateTime notBefore,
      OffsetDateTime notAfter)
      implements java.io.Serializable {

    static Key of(Contact c, OffsetDateTime notBefore, OffsetDateTime notAfter) {
      return new Key(
          c.channel(),
          c.agentId(),
          c.dispositionId(),
          c.templateId(),
          c.conversation(),
          notBefore,
          notAfter);
    }
  }

  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

  /** Steps go out by time, then channel, then the ids that tell requests apart. */
  static final Comparator<Key> ORDER =
      Comparator.comparing(Key::notBefore)
          .thenComparing(Key::channel)
          .thenComparing(Key::agentId, TEXT)
          .thenComparing(Key::dispositionId, TEXT)
          .thenComparing(Key::templateId, TEXT)
          .thenComparing(k -> k.conversation() == null ? null : k.conversation().agentId(), TEXT)
          .thenComparing(
              k -> k.conversation() == null ? null : k.conversation().dispositionId(), TEXT)
          .thenComparing(Key::notAfter, Comparator.nullsFirst(Comparator.naturalOrder()));
}
