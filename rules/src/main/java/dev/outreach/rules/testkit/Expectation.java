package dev.outreach.rules.testkit;

import dev.outreach.core.Channel;
import dev.outreach.core.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a case expects: nothing, a suppression (optionally with its reason), or contacts on exactly
 * a set of channels (optionally with their agent, template and earliest time). Read from a cases
 * file by {@link CaseFile}; {@link #toString()} says it in the file's words.
 */
public final class Expectation {
  enum Kind {
    NONE,
    SUPPRESS,
    CONTACT
  }

  /** A time of day ({@code date == null}) or a moment, to the minute, in the plan's zone. */
  record Time(LocalDate date, LocalTime time) {
    boolean matches(java.time.OffsetDateTime t) {
      return t.toLocalTime().truncatedTo(ChronoUnit.MINUTES).equals(time)
          && (date == null || t.toLocalDate().equals(date));
    }

    @Override
    public String toString() {
      return date == null ? time.toString() : date + "T" + time;
    }
  }

  private final Kind kind;
  private final Set<Channel> channels;
  private final String reason;
  private final Map<Channel, List<String>> ids;
  private final Map<Channel, Time> notBefore;

  Expectation(
      Kind kind,
      Set<Channel> channels,
      String reason,
      Map<Channel, List<String>> ids,
      Map<Channel, Time> notBefore) {
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.channels =
        Collections.unmodifiableSet(
            channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels));
    this.reason = reason;
    this.ids = ids.isEmpty() ? Map.of() : new EnumMap<>(ids);
    this.notBefore = notBefore.isEmpty() ? Map.of() : new EnumMap<>(notBefore);
  }

  /**
   * How {@code actual} differs from this expectation, one sentence per difference; empty when it
   * matches.
   */
  public List<String> mismatches(Outcome actual) {
    List<String> out = new ArrayList<>();
    Optional<Plan.Suppressed> s = actual.suppression();
    String got =
        s.isPresent()
            ? "a suppression"
            : actual.channels().isEmpty() ? "nothing" : words(actual.channels());
    switch (kind) {
      case NONE:
        if (s.isPresent() || !actual.channels().isEmpty()) {
          out.add("expected nothing, got " + got);
        }
        break;
      case SUPPRESS:
        if (s.isEmpty()) {
          out.add("expected a suppression, got " + got);
        } else if (reason != null && !reason.equals(s.get().reason())) {
          out.add("reason: expected \"" + reason + "\", got \"" + s.get().reason() + "\"");
        }
        break;
      case CONTACT:
        if (!channels.equals(actual.channels())) {
          out.add("expected " + words(channels) + ", got " + got);
        }
        for (Channel ch : Channel.values()) {
          actual.contact(ch).filter(c -> channels.contains(ch)).ifPresent(c -> compare(ch, c, out));
        }
        break;
      default:
        throw new AssertionError(kind);
    }
    return out;
  }

  private void compare(Channel ch, PlannedContact c, List<String> out) {
    List<String> want = ids.get(ch);
    List<String> have = ids(c);
    if (want != null && !have.subList(0, Math.min(want.size(), have.size())).equals(want)) {
      out.add(
          name(ch)
              + ": expected "
              + String.join("/", want)
              + ", got "
              + String.join("/", have)
              + (ch == Channel.WHATSAPP && have.size() == 1 && want.size() > 1
                  ? " (no conversation)"
                  : ""));
    }
    Time t = notBefore.get(ch);
    if (t != null && !t.matches(c.notBefore())) {
      out.add(name(ch) + ": expected not before " + t + ", got " + c.notBefore());
    }
  }

  /** The ids a contact's request carries, in the order a cases file writes them. */
  static List<String> ids(PlannedContact c) {
    switch (c.channel()) {
      case CALL:
        return List.of(c.agentId(), c.dispositionId());
      case SMS:
        return List.of(c.templateId());
      case WHATSAPP:
        return c.conversationAgentId() == null
            ? List.of(c.templateId())
            : List.of(c.templateId(), c.conversationAgentId(), c.conversationDispositionId());
      default:
        throw new AssertionError(c.channel());
    }
  }

  static String name(Channel ch) {
    return ch.name().toLowerCase(Locale.ROOT);
  }

  static String words(Set<Channel> channels) {
    return channels.stream().sorted().map(Expectation::name).collect(Collectors.joining("+"));
  }

  /** In the words of a cases file, e.g. {@code call agent_abc123/disp_xyz789 not before 10:00}. */
  @Override
  public String toString() {
    switch (kind) {
      case NONE:
        return "none";
      case SUPPRESS:
        return reason == null ? "suppress" : "suppress \"" + reason + "\"";
      default:
        return channels.stream()
            .map(
                ch ->
                    name(ch)
                        + (ids.containsKey(ch) ? " " + String.join("/", ids.get(ch)) : "")
                        + (notBefore.containsKey(ch) ? " not before " + notBefore.get(ch) : ""))
            .collect(Collectors.joining(" + "));
    }
  }
}
