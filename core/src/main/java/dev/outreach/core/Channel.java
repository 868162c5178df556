package dev.outreach.core;

/** The ways to reach a customer, each with its own initiate endpoint. */
public enum Channel {
  /** An AI voice call: {@code POST /api/v1/initiate/{campaignId}/calls}. */
  CALL("calls"),
  /** An SMS from a template: {@code POST /api/v1/initiate/{campaignId}/sms}. */
  SMS("sms"),
  /** A WhatsApp template, optionally handing over to a conversational agent. */
  WHATSAPP("whatsapp");

  private final String pathSegment;

  Channel(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** The last segment of this channel's initiate path, e.g. {@code calls}. */
  public String pathSegment() {
    return pathSegment;
  }
}
