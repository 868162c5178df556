package dev.outreach.core.decision;

import dev.outreach.core.Channel;
import java.util.Objects;

/**
 * A decision to reach one customer on one channel.
 *
 * <p>The fields a channel's request needs are checked here, so a rule that builds an incomplete
 * decision fails with the rule's name rather than sending a request the API rejects: a {@link
 * Channel#CALL} needs {@code agentId} and {@code dispositionId}; {@link Channel#SMS} and {@link
 * Channel#WHATSAPP} need {@code templateId}; only WhatsApp takes a {@code conversation}.
 *
 * @param priority the higher wins when several rules pick the same channel for a customer
 * @param salience the salience of the rule that made it: breaks ties of priority (higher wins)
 * @param batch the batch-call campaign to make the call through, or {@code null} to initiate it
 *     directly; a batched call needs a UUID agent, takes no disposition, and a {@code window} is
 *     its daily window
 */
public record Contact(
    String customerId,
    Channel channel,
    String agentId,
    String dispositionId,
    String templateId,
    Conversation conversation,
    Timing timing,
    int priority,
    int salience,
    String rule,
    BatchCampaign batch)
    implements Decision {

  /** A contact that is not part of a batch-call campaign. */
  public Contact(
      String customerId,
      Channel channel,
      String agentId,
      String dispositionId,
      String templateId,
      Conversation conversation,
      Timing timing,
      int priority,
      int salience,
      String rule) {
    this(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        salience,
        rule,
        null);
  }

  /** A contact from a rule of salience 0. */
  public Contact(
      String customerId,
      Channel channel,
      String agentId,
      String dispositionId,
      String templateId,
      Conversation conversation,
      Timing timing,
      int priority,
      String rule) {
    this(
        customerId,
        channel,
        agentId,
        dispositionId,
        templateId,
        conversation,
        timing,
        priority,
        0,
        rule,
        null);
  }

  public Contact {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(rule, "rule == null");
    timing = timing == null ? Timing.NOW : timing;
    String problem =
        batch != null
            ? batchProblem(channel, agentId, dispositionId, templateId, conversation, timing)
            : problem(channel, agentId, dispositionId, templateId, conversation);
    if (problem != null) {
      throw new InvalidDecisionException(
          "rule \""
              + rule
              + "\" made a "
              + channel
              + " decision for "
              + customerId
              + " "
              + problem);
    }
  }

  private static String problem(
      Channel channel,
      String agentId,
      String dispositionId,
      String templateId,
      Conversation conversation) {
    switch (channel) {
      case CALL:
        if (blank(agentId) && blank(dispositionId)) {
          return "without agent(...) and disposition(...): a call needs both";
        }
        if (blank(agentId)) {
          return "without agent(...): a call needs an agent as well as a disposition";
        }
        if (blank(dispositionId)) {
          return "without disposition(...): a call needs a disposition as well as an agent";
        }
        if (templateId != null || conversation != null) {
          return "with a template or conversation: a call takes only agent and disposition";
        }
        return null;
      case SMS:
        if (blank(templateId)) {
          return "without template(...): an SMS needs a template";
        }
        if (agentId != null || dispositionId != null || conversation != null) {
          return "with an agent, disposition or conversation: an SMS takes only a template";
        }
        return null;
      case WHATSAPP:
        if (blank(templateId)) {
          return "without template(...): a WhatsApp message needs a template";
        }
        if (agentId != null || dispositionId != null) {
          return "with agent(...)/disposition(...): use conversation(agentId, dispositionId) for WhatsApp";
        }
        return null;
      default:
        throw new AssertionError(channel);
    }
  }

  private static String batchProblem(
      Channel channel,
      String agentId,
      String dispositionId,
      String templateId,
      Conversation conversation,
      Timing timing) {
    if (channel != Channel.CALL) {
      return "with batch(...): only calls can be made through a batch-call campaign";
    }
    if (!BatchCampaign.isUuid(agentId)) {
      return "in a batch without agent(...) as a UUID (the Batch Calls API's agent_id): " + agentId;
    }
    if (dispositionId != null) {
      return "in a batch with disposition(...): the Batch Calls API takes no disposition";
    }
    if (templateId != null || conversation != null) {
      return "in a batch with a template or conversation: a call takes only an agent";
    }
    if (timing.start() != null && timing.end() == null) {
      return "in a batch with at(...): a batch calls within a daily window(...), not at one time";
    }
    return null;
  }

  /** Whether this contact is made through a batch-call campaign. */
  public boolean batched() {
    return batch != null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
