package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Conversation;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.decision.Timing;

/** Short constructors for decisions in tests. */
final class Decisions {
  private Decisions() {}

  static Contact call(String id, String agent, Timing t, int priority, String rule) {
    return Contact.of(id, Channel.CALL, agent, "disp", null, null, t, priority, rule);
  }

  static Contact call(String id, String rule) {
    return call(id, "agent", Timing.NOW, 0, rule);
  }

  static Contact sms(String id, String template, Timing t, String rule) {
    return Contact.of(id, Channel.SMS, null, null, template, null, t, 0, rule);
  }

  static Contact whatsapp(String id, String template, String rule) {
    return Contact.of(
        id,
        Channel.WHATSAPP,
        null,
        null,
        template,
        new Conversation("ca", "cd"),
        Timing.NOW,
        0,
        rule);
  }

  static Suppression suppress(String id, String reason, String rule) {
    return new Suppression(id, reason, rule);
  }
}
