package dev.outreach.sandbox;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code POST /api/v1/initiate/{campaignId}/{calls|sms|whatsapp}}: 200 all initiated, 207 some
 * failed (an error per failed customer in {@code results.errors}), 400 a bad body, 404 no such
 * campaign or no customer matched, 500 all failed. Initiate requests are not deduplicated by
 * idempotency key: the documents promise no idempotency, so a re-sent request rings again.
 */
final class InitiateEndpoint implements Endpoint {
  static final String PATTERN = "/api/v1/initiate/([^/]+)/(calls|sms|whatsapp)";

  /** The API initiates in batches of this many customers (bulk-add document: "batches of 500"). */
  static final int BATCH = 500;

  private final Campaigns campaigns;

  InitiateEndpoint(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public Reply serve(Call call) {
    String campaignId = call.param(0);
    Channel channel = channel(call.param(1));
    InitiateRequest r;
    try {
      r = InitiateRequest.parse(channel, call.json());
    } catch (IllegalArgumentException e) {
      throw Problem.invalid(e.getMessage());
    }
    Campaigns.Selection s =
        campaigns.initiate(
            campaignId,
            r.filters(),
            r.limit(),
            call.failFirst(),
            c ->
                new Initiation(
                    campaignId,
                    channel,
                    c.loanId(),
                    r.agentId(),
                    r.dispositionId(),
                    r.templateId(),
                    r.conversationAgentId(),
                    r.conversationDispositionId(),
                    call.idempotencyKey()));
    int initiated = s.initiated().size();
    int status = s.failed().isEmpty() ? 200 : initiated == 0 ? 500 : 207;
    String message =
        status == 200
            ? noun(channel) + " initiated for " + initiated + " customers"
            : status == 207
                ? noun(channel)
                    + " initiated for "
                    + initiated
                    + " of "
                    + s.selected()
                    + " customers"
                : "All "
                    + s.selected()
                    + " "
                    + (channel == Channel.CALL ? "calls" : noun(channel))
                    + " failed";
    JsonObject body =
        Json.createObjectBuilder()
            .add("success", status == 200)
            .add("message", message)
            .add("results", results(s.matched(), s.selected(), initiated, s.failed(), channel))
            .build();
    return Reply.json(status, body);
  }

  /** The documented {@code results} object; one error per failed customer, naming its loan id. */
  static JsonObject results(
      int matched, int selected, int initiated, List<Customer> failed, Channel channel) {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    for (Customer c : failed) {
      errors.add(
          Json.createObjectBuilder()
              .add("loan_id", c.loanId())
              .add(
                  "message",
                  "could not initiate the "
                      + (channel == Channel.CALL ? "call" : "message")
                      + " (sandbox fault: partial)"));
    }
    return Json.createObjectBuilder()
        .add("totalMatched", matched)
        .add("customersSelected", selected)
        .add("initiated", initiated)
        .add("failed", failed.size())
        .add("batchesProcessed", Math.max(1, (selected + BATCH - 1) / BATCH))
        .add("errors", errors)
        .build();
  }

  private static Channel channel(String segment) {
    for (Channel c : Channel.values()) {
      if (c.pathSegment().equals(segment)) {
        return c;
      }
    }
    throw new AssertionError(segment);
  }

  private static String noun(Channel channel) {
    return switch (channel) {
      case CALL -> "Calls";
      case SMS -> "SMS messages";
      case WHATSAPP -> "WhatsApp messages";
    };
  }
}
