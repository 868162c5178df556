package dev.outreach.http.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.json.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves {@code POST /api/v1/initiate/{campaignId}/{calls|sms|whatsapp}} as the API documents describe. */
final class InitiateHandler implements HttpHandler {
  private static final Pattern PATH = Pattern.compile("/api/v1/initiate/([^/]+)/(calls|sms|whatsapp)");
  private static final int MAX_BODY = 10 * 1024 * 1024;
  private static final int BATCH = 500;

  private final byte[] authorization;
  private final Map<String, List<Customer>> campaigns;
  private final Consumer<List<Initiation>> recorder;

  InitiateHandler(String token, Map<String, List<Customer>> campaigns, Consumer<List<Initiation>> recorder) {
    this.authorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.campaigns = campaigns;
    this.recorder = recorder;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Reply reply;
      try {
        reply = reply(exchange);
      } catch (RuntimeException e) {
        reply = Reply.error(500, "sandbox error: " + e);
      }
      reply.send(exchange);
    } finally {
      exchange.close();
    }
  }

  private Reply reply(HttpExchange exchange) throws IOException {
    Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
    if (!m.matches()) {
      return Reply.error(404, "no such endpoint: " + exchange.getRequestURI().getPath());
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      return Reply.error(405, "method " + exchange.getRequestMethod() + " not allowed; use POST", Map.of("Allow", "POST"));
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !MessageDigest.isEqual(authorization, auth.getBytes(StandardCharsets.UTF_8))) {
      return Reply.error(401, auth == null ? "missing bearer token" : "invalid bearer token",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return Reply.error(415, "Content-Type must be application/json");
    }
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return Reply.error(413, "request body larger than " + MAX_BODY + " bytes");
    }
    Channel channel = channel(m.group(2));
    InitiateRequest request;
    try {
      request = InitiateRequest.parse(channel, JsonText.parseObject(utf8(bytes)));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "validation error: " + e.getMessage());
    }
    String campaignId = m.group(1);
    List<Customer> customers = campaigns.get(campaignId);
    if (customers == null) {
      return Reply.error(404, "campaign not found: " + campaignId);
    }
    return initiate(campaignId, customers, request, exchange.getRequestHeaders().getFirst("X-Idempotency-Key"));
  }

  private Reply initiate(String campaignId, List<Customer> customers, InitiateRequest r, String key) {
    Predicate<Customer> selected = r.filters().matcher();
    List<Customer> matched = customers.stream().filter(selected).toList();
    if (matched.isEmpty()) {
      return Reply.error(404, "no customers matched the filters in campaign " + campaignId);
    }
    List<Customer> taken = r.limit() == null ? matched : matched.subList(0, Math.min(r.limit(), matched.size()));
    List<Initiation> initiations = new ArrayList<>(taken.size());
    for (Customer c : taken) {
      initiations.add(new Initiation(campaignId, r.channel(), c.loanId(), r.agentId(), r.dispositionId(),
          r.templateId(), r.conversationAgentId(), r.conversationDispositionId(), key));
    }
    recorder.accept(initiations);
    int n = taken.size();
    JsonObject body = Json.createObjectBuilder()
        .add("success", true)
        .add("message", noun(r.channel()) + " initiated for " + n + " customers")
        .add("results", Json.createObjectBuilder()
            .add("totalMatched", matched.size())
            .add("customersSelected", n)
            .add("initiated", n)
            .add("failed", 0)
            .add("batchesProcessed", Math.max(1, (n + BATCH - 1) / BATCH))
            .add("errors", Json.createArrayBuilder()))
        .build();
    return new Reply(200, body, Map.of());
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("body is not UTF-8");
    }
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
