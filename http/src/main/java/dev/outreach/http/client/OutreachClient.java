package dev.outreach.http.client;

import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outreach API over the JDK {@link HttpClient}: initiate calls, SMS and WhatsApp ({@link
 * #send(String, byte[], String)}), bulk add customers ({@link #bulkAdd(byte[], String)}) and any
 * other JSON endpoint ({@link #exchange}, which {@code dev.outreach.http.batch.BatchCalls} builds
 * on). Every reply is a value, one {@link ApiOutcome} for every endpoint, never an exception.
 *
 * <p>Each call makes exactly one attempt: this client never retries, never follows redirects and
 * pins HTTP/1.1, so one call sends a request at most once (retrying is the executor's decision,
 * made only when a request provably had no effect). It refuses to send while {@code
 * jdk.httpclient.enableAllMethodRetry} is set, which would let the JDK re-send POSTs by itself, and
 * while {@code jdk.httpclient.HttpClient.log} includes {@code headers} or {@code all} (or the
 * client's internal debug is on), which would let the JDK print the token. It is thread-safe. The
 * token never appears in {@link #toString()}, outcomes or exception messages; phone numbers in
 * server messages are masked.
 *
 * <pre>{@code
 * OutreachClient client = OutreachClient.builder(URI.create("https://api.agents.timepay.ai"))
 *     .token(System.getenv("OUTREACH_TOKEN"))
 *     .build();
 * ApiOutcome<InitiationResults> outcome = client.send(step, key);
 * }</pre>
 */
public final class OutreachClient {
  /** The bulk add endpoint's path. */
  public static final String BULK_ADD_PATH = dev.outreach.core.plan.StepKind.BULK_ADD_PATH;

  private static final List<String> INITIATE_COUNTS =
      List.of("totalMatched", "customersSelected", "initiated", "failed", "batchesProcessed");
  private static final List<String> BULK_COUNTS =
      List.of("total", "valid", "invalid", "successful", "failed", "batchesProcessed");

  private final URI baseUri;
  private final Duration requestTimeout;
  private final Transport transport;
  private final ServerMessages messages;
  private final Clock clock;
  private final Reading<InitiationResults> initiation;

  /**
   * The JDK client an {@code OutreachClient} sends with unless given one: HTTP/1.1, never following
   * redirects, a 10 second connect timeout. Wrap it (say, in Micrometer's {@code
   * MicrometerHttpClient}) and pass it to {@link Builder#httpClient}.
   *
   * @throws IllegalStateException when a JDK setting would re-send POSTs or log headers (and the
   *     token)
   */
  public static HttpClient defaultHttpClient() {
    JdkRetries.refuseIfEnabled();
    JdkLogging
        .refuseIfEnabled(); // before the JDK client is first used: it reads its logging property
    // then
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private OutreachClient(Builder b) {
    this.baseUri = b.baseUri;
    String token = Tokens.check(b.token);
    JdkRetries.refuseIfEnabled();
    JdkLogging
        .refuseIfEnabled(); // before the JDK client is first used: it reads its logging property
    // then
    HttpClient http = b.httpClient != null ? b.httpClient : defaultHttpClient();
    this.requestTimeout = b.requestTimeout;
    this.transport = new Transport(BaseUris.check(b.baseUri), token, http, b.requestTimeout);
    this.messages = new ServerMessages(token);
    this.clock = b.clock;
    this.initiation = initiationReading();
  }

  /** Starts a client for the API at {@code baseUri}, e.g. {@code https://api.agents.timepay.ai}. */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /** The base URI requests are sent under. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The base URI, normalised as {@code scheme://host:port/path} (lower-case scheme and host, the
   * port always given, no trailing slash), which a journal records to tell which API it was run
   * against.
   */
  public String apiUrl() {
    return apiUrl(baseUri);
  }

  /**
   * {@code baseUri} normalised as {@link #apiUrl()} does.
   *
   * @throws IllegalArgumentException if it is not a base URI a client accepts
   */
  public static String apiUrl(URI baseUri) {
    return BaseUris.normalize(Objects.requireNonNull(baseUri, "baseUri == null"));
  }

  /**
   * Whether requests go to this machine (localhost or a loopback address): a sandbox, never a real
   * API.
   */
  public boolean loopback() {
    return BaseUris.isLoopback(baseUri.getHost());
  }

  /**
   * Sends an initiate step: its path and {@link Step#bodyBytes() body bytes}, under {@code
   * idempotencyKey}.
   *
   * @throws IllegalArgumentException if the step is not an {@code INITIATE_*} POST (nothing is
   *     sent)
   */
  public ApiOutcome<InitiationResults> send(Step step, String idempotencyKey) {
    Objects.requireNonNull(step, "step == null");
    StepKind kind = step.kind();
    if (kind.channel() == null
        || StepKind.initiate(kind.channel()) != kind
        || !step.method().equals("POST")) {
      throw new IllegalArgumentException(
          "step "
              + step.id()
              + " is "
              + kind
              + " "
              + step.method()
              + "; send(Step, key) sends only INITIATE_* POST steps");
    }
    return send(step.path(), step.bodyBytes(), idempotencyKey);
  }

  /**
   * POSTs {@code body} exactly as given to an initiate {@code path} (e.g. {@code
   * /api/v1/initiate/CAMP/calls}) with {@code Authorization: Bearer …}, {@code Content-Type:
   * application/json} and {@code X-Idempotency-Key}, once, and waits for the reply.
   *
   * @throws IllegalArgumentException if the path or key is malformed (nothing is sent)
   * @throws IllegalStateException if {@code jdk.httpclient.enableAllMethodRetry} is set (nothing is
   *     sent)
   */
  public ApiOutcome<InitiationResults> send(String path, byte[] body, String idempotencyKey) {
    Objects.requireNonNull(body, "body == null");
    Tokens.checkKey(idempotencyKey);
    return Replies.read(
        transport.send("POST", path, null, body, idempotencyKey), initiation, messages, clock);
  }

  /**
   * POSTs a bulk add body ({@code {"campaignId":…,"records":[…]}}) to {@value #BULK_ADD_PATH},
   * once. 201 is {@link ApiOutcome.Done}, 207 {@link ApiOutcome.Partial} with the per-record
   * errors, 400 {@link ApiOutcome.Rejected} (all records failed, or the body is invalid).
   */
  public ApiOutcome<BulkAddResults> bulkAdd(byte[] body, String idempotencyKey) {
    Objects.requireNonNull(body, "body == null");
    Tokens.checkKey(idempotencyKey);
    return Replies.read(
        transport.send("POST", BULK_ADD_PATH, null, body, idempotencyKey),
        Reading.of(
            json -> bulkResults(json).orElseThrow(),
            json -> bulkResults(json).map(r -> r.successful() == 0).orElse(false)),
        messages,
        clock);
  }

  /**
   * Sends {@code method path?query} once, with {@code body} as JSON ({@code null} for none) and
   * {@code X-Idempotency-Key} when {@code idempotencyKey} is not {@code null}, and reads a 2xx JSON
   * object reply with {@code decode} (a reply {@code decode} cannot read, by throwing, is {@link
   * ApiOutcome.Unknown}). For endpoints without their own method here; a 5xx is never taken as
   * proof that nothing happened.
   *
   * @param query an already encoded query string without {@code ?}, or {@code null}
   * @throws IllegalArgumentException if the path or key is malformed (nothing is sent)
   */
  public <T> ApiOutcome<T> exchange(
      String method,
      String path,
      String query,
      byte[] body,
      String idempotencyKey,
      Function<JsonObject, T> decode) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(decode, "decode == null");
    return Replies.read(
        transport.send(method, path, query, body, idempotencyKey),
        Reading.of(decode, json -> false),
        messages,
        clock);
  }

  /**
   * Initiate replies: {@code results} with all five counts, or none at all; a 5xx whose results say
   * {@code initiated == 0} proves nobody was contacted.
   */
  private Reading<InitiationResults> initiationReading() {
    return new Reading<>(
        json ->
            json.containsKey("results")
                ? Optional.of(initiationResults(json).orElseThrow())
                : Optional.empty(),
        json -> initiationResults(json).map(r -> r.initiated() == 0).orElse(false),
        true,
        false,
        "its results are not the documented counts (totalMatched, customersSelected, initiated,"
            + " failed, batchesProcessed as integers)",
        "the server may have initiated every customer, some or none");
  }

  private Optional<InitiationResults> initiationResults(JsonObject json) {
    return results(
        json,
        INITIATE_COUNTS,
        (c, errors) -> new InitiationResults(c[0], c[1], c[2], c[3], c[4], errors));
  }

  private Optional<BulkAddResults> bulkResults(JsonObject json) {
    return results(
        json,
        BULK_COUNTS,
        (c, errors) -> new BulkAddResults(c[0], c[1], c[2], c[3], c[4], c[5], errors));
  }

  /** A reply's {@code results}: every one of {@code counts} as an integer, and its errors. */
  private <R> Optional<R> results(
      JsonObject json,
      List<String> counts,
      java.util.function.BiFunction<int[], List<InitiationResults.CustomerError>, R> make) {
    JsonValue v = json.get("results");
    int[] c = Bodies.counts(v, counts);
    return c == null
        ? Optional.empty()
        : Optional.of(make.apply(c, Bodies.errors(v.asJsonObject(), messages)));
  }

  @Override
  public String toString() {
    return "OutreachClient[baseUri="
        + baseUri
        + ", requestTimeout="
        + requestTimeout
        + ", token=****]";
  }

  /** Configures an {@link OutreachClient}; only {@link #token(String)} is required. */
  public static final class Builder {
    private final URI baseUri;
    private String token;
    private HttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri == null");
    }

    /** The API token, sent as {@code Authorization: Bearer <token>}. Required; no default. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * The JDK client to send with; requests are sent as HTTP/1.1 whatever its version. It should
     * not follow redirects. Default: a new HTTP/1.1 client with {@link HttpClient.Redirect#NEVER}
     * and a 10 second connect timeout.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * How long to wait for a response's headers, and again for its body; past it the outcome is
     * unknown. Default: 30 seconds.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout == null");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException(
            "requestTimeout must be positive, got " + requestTimeout);
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * The clock a {@code Retry-After} HTTP-date is measured from when the response has no {@code
     * Date} header. Default: the system clock in UTC.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException if the base URI is not {@code https} (plain {@code http} is
     *     allowed only for loopback hosts) or the token is missing or malformed
     * @throws IllegalStateException if {@code jdk.httpclient.enableAllMethodRetry} is set, or the
     *     JDK client would log request headers ({@code jdk.httpclient.HttpClient.log} with {@code
     *     headers} or {@code all}, {@code jdk.internal.httpclient.debug=true})
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
