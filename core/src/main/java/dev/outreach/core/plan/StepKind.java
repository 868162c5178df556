package dev.outreach.core.plan;

import dev.outreach.core.Channel;

/** What a {@link Step} does; each kind is one documented endpoint. */
public enum StepKind {
  /** {@code POST /api/v1/customers/add/bulk}: upload customers to the campaign; contacts nobody. */
  BULK_ADD_CUSTOMERS(null, false),
  /** {@code POST /api/v1/initiate/{campaignId}/calls}. */
  INITIATE_CALLS(Channel.CALL, true),
  /** {@code POST /api/v1/initiate/{campaignId}/sms}. */
  INITIATE_SMS(Channel.SMS, true),
  /** {@code POST /api/v1/initiate/{campaignId}/whatsapp}. */
  INITIATE_WHATSAPP(Channel.WHATSAPP, true),
  /**
   * {@code POST /api/v1/batch-calls}: create a batch-call campaign as a draft; rings nobody until
   * its {@link #SCHEDULE_BATCH_CALL} step. (The documents name no paths for batch calls; these are
   * assumed.)
   */
  CREATE_BATCH_CALL(Channel.CALL, false),
  /**
   * {@code POST /api/v1/batch-calls/{id}/schedule}: start the campaign its path refers to. The path
   * holds {@code {sNNNN}}, the id of the plan's earlier {@link #CREATE_BATCH_CALL} step, standing
   * for the {@code data.id} that step's response returns (see {@link Step#referencedStepId()}).
   */
  SCHEDULE_BATCH_CALL(Channel.CALL, true);

  /** The request path of {@link #BULK_ADD_CUSTOMERS}. */
  public static final String BULK_ADD_PATH = BulkAdd.PATH;

  /** The request path of {@link #CREATE_BATCH_CALL}. */
  public static final String BATCH_CALLS_PATH = "/api/v1/batch-calls";

  private final Channel channel;
  private final boolean contacts;

  StepKind(Channel channel, boolean contacts) {
    this.channel = channel;
    this.contacts = contacts;
  }

  /** The channel this kind of step is about, or {@code null} for an upload. */
  public Channel channel() {
    return channel;
  }

  /** The initiate kind for {@code channel}. */
  public static StepKind initiate(Channel channel) {
    switch (channel) {
      case CALL:
        return INITIATE_CALLS;
      case SMS:
        return INITIATE_SMS;
      case WHATSAPP:
        return INITIATE_WHATSAPP;
      default:
        throw new AssertionError(channel);
    }
  }

  /** The request path of an upload or initiate step in {@code campaignId}. */
  public String path(String campaignId) {
    switch (this) {
      case BULK_ADD_CUSTOMERS:
        return BULK_ADD_PATH;
      case CREATE_BATCH_CALL:
        return BATCH_CALLS_PATH;
      case SCHEDULE_BATCH_CALL:
        throw new IllegalStateException("a schedule step's path names its create step");
      default:
        return "/api/v1/initiate/" + campaignId + "/" + channel.pathSegment();
    }
  }

  /**
   * The path of a {@link #SCHEDULE_BATCH_CALL} step that starts the campaign created by step {@code
   * createStepId}.
   */
  public static String schedulePath(String createStepId) {
    return BATCH_CALLS_PATH + "/{" + createStepId + "}/schedule";
  }

  /** Whether a step of this kind makes phones ring. */
  public boolean contacts() {
    return contacts;
  }

  /** Whether a step of this kind belongs to a batch-call campaign. */
  public boolean batch() {
    return this == CREATE_BATCH_CALL || this == SCHEDULE_BATCH_CALL;
  }
}
