package dev.outreach.core.plan;

import dev.outreach.core.Channel;

/** What a {@link Step} does; each kind is one documented endpoint. */
public enum StepKind {
  /** {@code POST /api/v1/customers/add/bulk}: upload customers to the campaign; contacts nobody. */
  BULK_ADD_CUSTOMERS(null),
  /** {@code POST /api/v1/initiate/{campaignId}/calls}. */
  INITIATE_CALLS(Channel.CALL),
  /** {@code POST /api/v1/initiate/{campaignId}/sms}. */
  INITIATE_SMS(Channel.SMS),
  /** {@code POST /api/v1/initiate/{campaignId}/whatsapp}. */
  INITIATE_WHATSAPP(Channel.WHATSAPP);

  private final Channel channel;

  StepKind(Channel channel) {
    this.channel = channel;
  }

  /** The channel this kind of step reaches customers on, or {@code null} when it contacts nobody. */
  public Channel channel() {
    return channel;
  }

  /** The initiate kind for {@code channel}. */
  public static StepKind initiate(Channel channel) {
    switch (channel) {
      case CALL: return INITIATE_CALLS;
      case SMS: return INITIATE_SMS;
      case WHATSAPP: return INITIATE_WHATSAPP;
      default: throw new AssertionError(channel);
    }
  }

  /** The request path for this kind in {@code campaignId}. */
  public String path(String campaignId) {
    return channel == null ? BulkAdd.PATH : "/api/v1/initiate/" + campaignId + "/" + channel.pathSegment();
  }

  /** Whether this kind makes phones ring. */
  public boolean contacts() {
    return channel != null;
  }
}
