package dev.outreach.sandbox;

import dev.outreach.core.Customer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Configures and starts a {@link SandboxServer}; get one from {@link SandboxServer#builder()}. */
public final class SandboxBuilder {
  String token;
  final Map<String, List<Customer>> campaigns = new LinkedHashMap<>();
  final Set<String> agents = new LinkedHashSet<>();
  final Map<String, List<String>> folders = new LinkedHashMap<>();
  Duration latency = Duration.ZERO;
  int port;
  Clock clock = Clock.systemUTC();

  SandboxBuilder() {}

  /** The token the sandbox accepts as {@code Authorization: Bearer <token>}. Required. */
  public SandboxBuilder token(String token) {
    Objects.requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    this.token = token;
    return this;
  }

  /**
   * Adds campaign {@code campaignId} holding {@code customers}, in the order the sandbox selects
   * them. No campaign exists unless added here: bulk add and initiate requests to others get 404.
   *
   * @throws IllegalArgumentException when the campaign was added already or a loan id appears twice
   */
  public SandboxBuilder campaign(String campaignId, List<Customer> customers) {
    Objects.requireNonNull(campaignId, "campaignId == null");
    List<Customer> copy = List.copyOf(customers);
    Set<String> seen = new HashSet<>();
    for (Customer c : copy) {
      if (!seen.add(c.loanId())) {
        throw new IllegalArgumentException(
            "campaign " + campaignId + " lists loan id " + c.loanId() + " twice");
      }
    }
    if (campaigns.putIfAbsent(campaignId, copy) != null) {
      throw new IllegalArgumentException("campaign " + campaignId + " was added twice");
    }
    return this;
  }

  /**
   * Adds an agent, by its UUID, that batch calls may use (active, ready for calls, with an outbound
   * number). Creating a batch call for any other agent gets 422. Initiate requests accept any agent
   * id.
   */
  public SandboxBuilder agent(String agentId) {
    agents.add(uuid(agentId, "agentId"));
    return this;
  }

  /**
   * Adds a contact folder, by its UUID, usable as a batch call's {@code contact_folder_id}:
   * scheduling a batch from it calls these loan ids. A batch from an unknown or empty folder has no
   * contacts.
   */
  public SandboxBuilder folder(String folderId, List<String> loanIds) {
    folders.put(uuid(folderId, "folderId"), List.copyOf(loanIds));
    return this;
  }

  /** Waits this long before every response (default zero). */
  public SandboxBuilder latency(Duration latency) {
    Objects.requireNonNull(latency, "latency == null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency is negative: " + latency);
    }
    this.latency = latency;
    return this;
  }

  /** The loopback port to listen on (default 0: any free port; see {@link SandboxServer#uri()}). */
  public SandboxBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * The clock for {@link Received#time()}, batch {@code created_at}, and whether a scheduled
   * batch's time has come (default: the system clock, UTC).
   */
  public SandboxBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /**
   * Starts the sandbox.
   *
   * @throws IllegalStateException when no token was given
   * @throws UncheckedIOException when the port cannot be bound
   */
  public SandboxServer start() {
    if (token == null) {
      throw new IllegalStateException("a sandbox needs a token: call token(...)");
    }
    return SandboxServer.start(this);
  }

  private static String uuid(String id, String what) {
    Objects.requireNonNull(id, what + " == null");
    if (!Checker.isUuid(id)) {
      throw new IllegalArgumentException(what + " must be a UUID, not \"" + id + "\"");
    }
    return id.toLowerCase(Locale.ROOT);
  }
}
