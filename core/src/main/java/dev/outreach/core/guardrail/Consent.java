package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.Texts;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each customer's consent per channel, which no rule can override: opt-outs and revocations (a
 * consent file, or a column of the portfolio per channel) and, for channels that need it, a grant.
 *
 * <p>US law, for one: under the TCPA a consumer may revoke consent by any reasonable means, to be
 * honoured within 10 business days (47 CFR 64.1200(a)(10)); Regulation F forbids further contact by
 * a medium the consumer asked the collector not to use (12 CFR 1006.14(h)). Outreach honours a
 * revocation from the moment it is recorded, stricter than the ten days allow.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Consent implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Consent NONE = new Consent(ConsentRecords.EMPTY, Map.of(), Set.of());

  private final ConsentRecords records;
  private final Map<Channel, String> optOutColumns;
  private final Set<Channel> required;

  private Consent(
      ConsentRecords records, Map<Channel, String> optOutColumns, Set<Channel> required) {
    this.records = records;
    EnumMap<Channel, String> columns = new EnumMap<>(Channel.class);
    columns.putAll(optOutColumns);
    this.optOutColumns = Collections.unmodifiableMap(columns);
    EnumSet<Channel> req = EnumSet.noneOf(Channel.class);
    req.addAll(required);
    this.required = Collections.unmodifiableSet(req);
  }

  /** No consent records, no opt-out columns, no channel needing a grant: every contact allowed. */
  public static Consent none() {
    return NONE;
  }

  /**
   * Reads a consent file: CSV with the header {@code loan_id,channel,status,timestamp} (other
   * columns ignored). {@code channel} is {@code CALL}, {@code SMS}, {@code WHATSAPP} or {@code
   * ALL}; {@code status} is {@code opt_out} (or {@code revoked}, {@code stop}) or {@code opt_in}
   * (or {@code granted}), any case; {@code timestamp} is ISO-8601 with an offset, when the customer
   * said so. A customer's state on a channel at an instant is their last record at or before it (an
   * opt-out wins a tie); records after the plan's as-of are not yet known.
   *
   * @throws GuardrailFileException listing every bad row with its line and column; nothing is read
   */
  public static Consent read(Path csv) throws IOException, GuardrailFileException {
    return new Consent(ConsentCsv.read(csv), Map.of(), Set.of());
  }

  /**
   * This consent, with {@code columns}: per channel, a portfolio column whose value says the
   * customer opted out of it ({@code true}, {@code yes}, {@code y}, {@code 1}, {@code opt_out},
   * {@code opted_out}, {@code revoked}, {@code stop}, any case). An empty cell, {@code false},
   * {@code no}, {@code n} or {@code 0} is no opt-out; any other value is read as an opt-out too,
   * since contacting someone who may have opted out is the worse mistake, and the warning quotes
   * it.
   */
  public Consent withOptOutColumns(Map<Channel, String> columns) {
    Objects.requireNonNull(columns, "columns == null").values().forEach(Objects::requireNonNull);
    return new Consent(records, columns, required);
  }

  /** This consent, with {@code channels} contacted only after an {@code opt_in} record. */
  public Consent withRequired(Set<Channel> channels) {
    return new Consent(
        records, optOutColumns, Objects.requireNonNull(channels, "channels == null"));
  }

  /** The opt-out column of each channel that has one. */
  public Map<Channel, String> optOutColumns() {
    return optOutColumns;
  }

  /** The channels contacted only after an {@code opt_in} record. */
  public Set<Channel> required() {
    return required;
  }

  /** How many records the consent files held. */
  public int records() {
    return records.size();
  }

  /**
   * Why {@code customer} may not be contacted on {@code channel} as of {@code at}, or {@code null}
   * when they may: e.g. {@code the customer opted out of calls on 2025-08-01T10:00+05:30}.
   */
  public String refusal(Customer customer, Channel channel, Instant at) {
    String column = optOutColumns.get(channel);
    if (column != null) {
      Object value = customer.attribute(column);
      if (optedOut(value)) {
        return "the customer opted out of "
            + Texts.plural(channel, 2)
            + " ("
            + column
            + " is \""
            + value
            + "\"); no rule can override consent";
      }
    }
    ConsentRecords.Last last = records.last(customer.loanId(), channel, at.toEpochMilli());
    if (last != null && !last.granted()) {
      return "the customer opted out of "
          + Texts.plural(channel, 2)
          + " on "
          + OffsetDateTime.ofInstant(Instant.ofEpochMilli(last.millis()), ZoneOffset.UTC)
          + "; no rule can override consent";
    }
    if (required.contains(channel) && (last == null || !last.granted())) {
      return Texts.plural(channel, 2) + " need the customer's consent, and none is recorded";
    }
    return null;
  }

  private static boolean optedOut(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    String s = value.toString().strip().toLowerCase(Locale.ROOT);
    return !(s.isEmpty() || List.of("false", "no", "n", "0").contains(s));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Consent c
        && c.records.equals(records)
        && c.optOutColumns.equals(optOutColumns)
        && c.required.equals(required);
  }

  @Override
  public int hashCode() {
    return Objects.hash(records, optOutColumns, required);
  }

  @Override
  public String toString() {
    return "Consent[records="
        + records.size()
        + ", optOutColumns="
        + optOutColumns
        + ", required="
        + required
        + "]";
  }
}
