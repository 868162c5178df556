package dev.outreach.core.decision;

import dev.outreach.core.Channel;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A decision to reach one customer on one channel: who, what request ({@link Request}: a {@link
 * Call}, a {@link BatchedCall}, an {@link Sms} or a {@link WhatsApp} message, each with only the
 * fields its channel takes), when, and which rule decided it.
 *
 * <p>The fields a channel's request needs are checked here, so a rule that builds an incomplete
 * decision fails with the rule's name rather than sending a request the API rejects: a {@link
 * Channel#CALL} needs {@code agentId} and {@code dispositionId}; {@link Channel#SMS} and {@link
 * Channel#WHATSAPP} need {@code templateId}; only WhatsApp takes a {@code conversation}; a batched
 * call needs a UUID agent, takes no disposition, and its {@code timing} is a daily window. {@link
 * #of} builds one from the fields as a rule gives them and says what is missing or extra.
 *
 * @param request what is sent on the channel
 * @param timing when; {@link Timing#NOW} when {@code null}
 * @param priority the higher wins when several rules pick the same channel for a customer
 * @param salience the salience of the rule that made it: breaks ties of priority (higher wins)
 */
public record Contact(
    String customerId,
    Request request,
    Timing timing,
    int priority,
    int salience,
    String rule,
    BigDecimal score)
    implements Ruling {

  /** A contact with no score. */
  public Contact(
      String customerId, Request request, Timing timing, int priority, int salience, String rule) {
    this(customerId, request, timing, priority, salience, rule, null);
  }

  /**
   * This contact with {@code score}: where a channel's daily capacity runs short, contacts of the
   * same priority are kept highest score first ({@code null}, no score, after every score).
   */
  public Contact withScore(BigDecimal score) {
    return new Contact(customerId, request, timing, priority, salience, rule, score);
  }

  /** What a contact sends: one case per channel, with the fields that channel's request takes. */
  public sealed interface Request extends java.io.Serializable
      permits Call, BatchedCall, Sms, WhatsApp {
    /** The channel this request goes out on. */
    Channel channel();
  }

  /** An AI voice call initiated directly, with its agent and disposition. */
  public record Call(String agentId, String dispositionId) implements Request {
    @Override
    public Channel channel() {
      return Channel.CALL;
    }
  }

  /**
   * An AI voice call made through a batch-call campaign ({@code agentId} a UUID, no disposition).
   */
  public record BatchedCall(String agentId, BatchCampaign campaign) implements Request {
    public BatchedCall {
      Objects.requireNonNull(campaign, "campaign == null");
    }

    @Override
    public Channel channel() {
      return Channel.CALL;
    }
  }

  /** An SMS from a template. */
  public record Sms(String templateId) implements Request {
    @Override
    public Channel channel() {
      return Channel.SMS;
    }
  }

  /**
   * A WhatsApp message from a template, optionally handing over to a conversational agent.
   *
   * @param conversation the agent the reply goes to, or {@code null} for none
   */
  public record WhatsApp(String templateId, Conversation conversation) implements Request {
    @Override
    public Channel channel() {
      return Channel.WHATSAPP;
    }
  }

  public Contact {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(rule, "rule == null");
    timing = timing == null ? Timing.NOW : timing;
    String problem = problem(request, timing);
    if (problem != null) {
      throw new InvalidDecisionException(
          "rule \""
              + rule
              + "\" made a "
              + request.channel()
              + " decision for "
              + customerId
              + " "
              + problem);
    }
  }

  /**
   * A contact from the fields as a rule gives them; fails with the rule's name, the customer and
   * what is missing or extra for the channel.
   *
   * @param batch the batch-call campaign to make the call through, or {@code null} to initiate it
   *     directly
   * @throws InvalidDecisionException if the fields do not make a request of {@code channel}
   */
  public static Contact of(
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
      BatchCampaign batch) {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(rule, "rule == null");
    String problem =
        batch != null
            ? batchProblem(channel, agentId, dispositionId, templateId, conversation)
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
    Request request =
        switch (channel) {
          case CALL ->
              batch != null ? new BatchedCall(agentId, batch) : new Call(agentId, dispositionId);
          case SMS -> new Sms(templateId);
          case WHATSAPP -> new WhatsApp(templateId, conversation);
        };
    return new Contact(customerId, request, timing, priority, salience, rule);
  }

  /** A contact that is not part of a batch-call campaign (see {@link #of}). */
  public static Contact of(
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
    return of(
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

  /** A contact from a rule of salience 0, not part of a batch-call campaign (see {@link #of}). */
  public static Contact of(
      String customerId,
      Channel channel,
      String agentId,
      String dispositionId,
      String templateId,
      Conversation conversation,
      Timing timing,
      int priority,
      String rule) {
    return of(
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

  /** The channel the request goes out on. */
  public Channel channel() {
    return request.channel();
  }

  /** The call's agent (a UUID for a batched call), or {@code null} for a message. */
  public String agentId() {
    if (request instanceof Call c) {
      return c.agentId();
    }
    return request instanceof BatchedCall b ? b.agentId() : null;
  }

  /** A direct call's disposition, or {@code null}. */
  public String dispositionId() {
    return request instanceof Call c ? c.dispositionId() : null;
  }

  /** The SMS or WhatsApp template, or {@code null} for a call. */
  public String templateId() {
    if (request instanceof Sms s) {
      return s.templateId();
    }
    return request instanceof WhatsApp w ? w.templateId() : null;
  }

  /** The WhatsApp message's conversational agent, or {@code null}. */
  public Conversation conversation() {
    return request instanceof WhatsApp w ? w.conversation() : null;
  }

  /** The batch-call campaign a batched call is made through, or {@code null}. */
  public BatchCampaign batch() {
    return request instanceof BatchedCall b ? b.campaign() : null;
  }

  /** Whether this contact is made through a batch-call campaign. */
  public boolean batched() {
    return request instanceof BatchedCall;
  }

  private static String problem(Request r, Timing timing) {
    if (r instanceof BatchedCall b) {
      String p = batchProblem(Channel.CALL, b.agentId(), null, null, null);
      if (p != null) {
        return p;
      }
      return timing.start() != null && timing.end() == null
          ? "in a batch with at(...): a batch calls within a daily window(...), not at one time"
          : null;
    }
    if (r instanceof Call c) {
      return problem(Channel.CALL, c.agentId(), c.dispositionId(), null, null);
    }
    if (r instanceof Sms s) {
      return problem(Channel.SMS, null, null, s.templateId(), null);
    }
    WhatsApp w = (WhatsApp) r;
    return problem(Channel.WHATSAPP, null, null, w.templateId(), w.conversation());
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
      Conversation conversation) {
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
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
