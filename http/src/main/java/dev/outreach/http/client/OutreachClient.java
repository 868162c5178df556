package dev.outreach.http.client;

import dev.outreach.core.plan.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends initiate requests ({@code POST {baseUri}/api/v1/initiate/{campaignId}/{calls|sms|whatsapp}}) to
 * the outreach API and reads the replies as {@link InitiationOutcome} values.
 *
 * <p>Each {@code send} makes exactly one attempt: this client never retries and never follows redirects,
 * so one call sends a request at most once. It is thread-safe. The token never appears in
 * {@link #toString()}, outcomes or exception messages.
 *
 * <pre>{@code
 * OutreachClient client = OutreachClient.builder(URI.create("https://api.agents.timepay.ai"))
 *     .token(System.getenv("OUTREACH_TOKEN"))
 *     .build();
 * InitiationOutcome outcome = client.send(step, key);
 * }</pre>
 */
public final class OutreachClient {
  private final URI baseUri;
  private final String base;
  private final String authorization;
  private final HttpClient http;
  private final Duration requestTimeout;

  private OutreachClient(Builder b) {
    this.baseUri = b.baseUri;
    this.base = BaseUris.check(b.baseUri);
    this.authorization = "Bearer " + Tokens.check(b.token);
    this.http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    this.requestTimeout = b.requestTimeout;
  }

  /** Starts a client for the API at {@code baseUri}, e.g. {@code https://api.agents.timepay.ai}. */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /** The base URI requests are sent under. */
  public URI baseUri() {
    return baseUri;
  }

  /** Sends {@code step}: its path and {@link Step#bodyBytes() body bytes}, under {@code idempotencyKey}. */
  public InitiationOutcome send(Step step, String idempotencyKey) {
    Objects.requireNonNull(step, "step == null");
    if (!step.method().equals("POST")) {
      throw new IllegalArgumentException("step " + step.id() + " has method " + step.method() + "; only POST is sent");
    }
    return send(step.path(), step.bodyBytes(), idempotencyKey);
  }

  /**
   * POSTs {@code body} exactly as given to {@code path} (e.g. {@code /api/v1/initiate/CAMP/calls}) with
   * {@code Authorization: Bearer …}, {@code Content-Type: application/json} and
   * {@code X-Idempotency-Key}, once, and waits for the reply.
   *
   * @throws IllegalArgumentException if the path or key is malformed (nothing is sent)
   */
  public InitiationOutcome send(String path, byte[] body, String idempotencyKey) {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(body, "body == null");
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .timeout(requestTimeout)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("X-Idempotency-Key", Tokens.checkKey(idempotencyKey))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.clone()))
        .build();
    if (Thread.currentThread().isInterrupted()) {
      // Waiting would fail at once after the request went out, leaving its fate unknown: do not send.
      return new InitiationOutcome.NotSent("the calling thread is interrupted; nothing was sent");
    }
    AtomicReference<ResponseInfo> head = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> reply = http.sendAsync(request, info -> {
      head.set(info);
      return BodySubscribers.ofByteArray();
    });
    try {
      // requestTimeout bounds the wait for the headers (HttpRequest.timeout), and again for the body.
      HttpResponse<byte[]> r = reply.get(twice(requestTimeout), TimeUnit.NANOSECONDS);
      return Responses.read(r.statusCode(), r.headers(), r.body(), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return afterFailure(head.get(), Failures.classify(cause, requestTimeout),
          "body cut off (" + Failures.describe(cause) + ")");
    } catch (TimeoutException e) {
      reply.cancel(true);
      return afterFailure(head.get(), Failures.timedOut(requestTimeout), "body not received in time");
    } catch (InterruptedException e) {
      reply.cancel(true);
      Thread.currentThread().interrupt();
      return afterFailure(head.get(), new InitiationOutcome.Unknown(
          "interrupted while waiting for the response; the request may have been processed"), "interrupted");
    }
  }

  /** The status-based outcome when the headers arrived before the failure, else {@code noResponse}. */
  private static InitiationOutcome afterFailure(ResponseInfo head, InitiationOutcome noResponse, String problem) {
    return head == null ? noResponse : Responses.read(head.statusCode(), head.headers(), null, problem);
  }

  private static long twice(Duration d) {
    try {
      return Math.multiplyExact(d.toNanos(), 2);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private URI uri(String path) {
    if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException("path must start with / and have no query or fragment: " + path);
    }
    return URI.create(base + path);
  }

  @Override
  public String toString() {
    return "OutreachClient[baseUri=" + baseUri + ", requestTimeout=" + requestTimeout + ", token=****]";
  }

  /** Configures an {@link OutreachClient}; only {@link #token(String)} is required. */
  public static final class Builder {
    private final URI baseUri;
    private String token;
    private HttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri == null");
    }

    /** The API token, sent as {@code Authorization: Bearer <token>}. Required; no default. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * The JDK client to send with. It should not follow redirects. Default: a new client with
     * {@link HttpClient.Redirect#NEVER} and a 10 second connect timeout.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * How long to wait for a response's headers, and again for its body; past it the outcome is
     * {@link InitiationOutcome.Unknown}. Default: 30 seconds.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout == null");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException if the base URI is not {@code https} (plain {@code http} is allowed
     *     only for loopback hosts) or the token is missing or malformed
     */
    public OutreachClient build() {
      return new OutreachClient(this);
    }

    @Override
    public String toString() {
      return "OutreachClient.Builder[baseUri=" + baseUri + ", token=****]";
    }
  }
}
