package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Past contact attempts, indexed once by loan and channel for the frequency caps and cool-offs of a
 * {@link GuardrailPolicy}. Immutable and safe to share between threads. Times are kept to the
 * millisecond.
 */
public final class ContactHistory implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final ContactHistory EMPTY = new ContactHistory(Map.of(), 0);
  private static final Channel[] CHANNELS = Channel.values();

  private final Map<String, Attempts[]> byLoan;
  private final int size;

  private ContactHistory(Map<String, Attempts[]> byLoan, int size) {
    this.byLoan = byLoan;
    this.size = size;
  }

  /** No attempts. */
  public static ContactHistory empty() {
    return EMPTY;
  }

  /** The history of {@code attempts}, in any order. */
  public static ContactHistory of(Collection<Attempt> attempts) {
    Indexer indexer = new Indexer();
    for (Attempt a : attempts) {
      indexer.add(
          a.loanId(),
          a.channel(),
          a.at().toEpochMilli(),
          a.outcome(),
          a.promisedDate(),
          a.promisedAmount());
    }
    return indexer.build();
  }

  /**
   * Reads a CSV file with the header {@code loan_id,channel,timestamp,outcome} (the {@code outcome}
   * column may be left out), and optionally {@code promised_date,promised_amount} (what a promise
   * to pay said: a date {@code yyyy-MM-dd} and a plain amount, zero or more; either cell may be
   * empty); other columns are ignored. {@code channel} is {@code CALL}, {@code SMS} or {@code
   * WHATSAPP} in any case; {@code timestamp} is ISO-8601 with an offset, e.g. {@code
   * 2025-08-01T10:15:00+05:30}; {@code outcome} is free text, e.g. {@code conversation}.
   *
   * @throws GuardrailFileException listing every bad row with its line and column; nothing is read
   * @throws IOException when the file cannot be read
   */
  public static ContactHistory read(Path csv) throws IOException, GuardrailFileException {
    return HistoryCsv.read(csv);
  }

  /** The attempts on {@code channel} for {@code loanId}, oldest first (outcomes in lower case). */
  public List<Attempt> attempts(String loanId, Channel channel) {
    List<Attempt> out = new ArrayList<>();
    add(out, loanId, channel, lookup(loanId, channel));
    return out;
  }

  /**
   * Every attempt for {@code loanId} on any channel, oldest first (at the same instant, in channel
   * order, then as given).
   */
  public List<Attempt> attempts(String loanId) {
    Attempts[] byChannel = byLoan.get(loanId);
    if (byChannel == null) {
      return List.of();
    }
    List<Attempt> out = new ArrayList<>();
    for (Channel c : CHANNELS) {
      add(out, loanId, c, byChannel[c.ordinal()]);
    }
    out.sort(java.util.Comparator.comparing(Attempt::at)); // stable: channel order at equal times
    return out;
  }

  private static void add(List<Attempt> out, String loanId, Channel channel, Attempts a) {
    if (a == null) {
      return;
    }
    for (int i = 0; i < a.size(); i++) {
      Attempts.Promise p = a.promise(i);
      out.add(
          new Attempt(
              loanId,
              channel,
              Instant.ofEpochMilli(a.at(i)),
              a.outcome(i),
              p == null ? null : p.date(),
              p == null ? null : p.amount()));
    }
  }

  /** Every attempt, by loan id, then as {@link #attempts(String)} orders them. */
  public List<Attempt> all() {
    List<Attempt> out = new ArrayList<>(size);
    new java.util.TreeSet<>(byLoan.keySet()).forEach(loan -> out.addAll(attempts(loan)));
    return out;
  }

  /** How many attempts there are in all. */
  public int size() {
    return size;
  }

  Attempts lookup(String loanId, Channel channel) {
    Attempts[] byChannel = byLoan.get(loanId);
    return byChannel == null ? null : byChannel[channel.ordinal()];
  }

  /**
   * One past attempt.
   *
   * @param outcome what came of it, e.g. {@code conversation}, {@code no_answer}; {@code null} when
   *     unknown
   * @param promisedDate the date a promise to pay named, or {@code null}
   * @param promisedAmount the amount a promise to pay named, or {@code null}
   */
  public record Attempt(
      String loanId,
      Channel channel,
      Instant at,
      String outcome,
      LocalDate promisedDate,
      BigDecimal promisedAmount)
      implements java.io.Serializable {
    public Attempt {
      Objects.requireNonNull(loanId, "loanId == null");
      Objects.requireNonNull(channel, "channel == null");
      Objects.requireNonNull(at, "at == null");
    }

    /** An attempt with no promise to pay. */
    public Attempt(String loanId, Channel channel, Instant at, String outcome) {
      this(loanId, channel, at, outcome, null, null);
    }
  }

  /** Builds the index; outcomes are normalized and shared between attempts. */
  static final class Indexer {
    private final Map<String, Attempts[]> byLoan = new HashMap<>();
    private final Map<String, String> outcomes = new HashMap<>();
    private int size;

    void add(String loanId, Channel channel, long millis, String outcome) {
      add(loanId, channel, millis, outcome, null, null);
    }

    void add(
        String loanId,
        Channel channel,
        long millis,
        String outcome,
        LocalDate promisedDate,
        BigDecimal promisedAmount) {
      Attempts[] byChannel = byLoan.computeIfAbsent(loanId, k -> new Attempts[CHANNELS.length]);
      Attempts a = byChannel[channel.ordinal()];
      if (a == null) {
        a = byChannel[channel.ordinal()] = new Attempts();
      }
      String normal = CoolOff.normalize(outcome);
      a.add(
          millis,
          normal == null ? null : outcomes.computeIfAbsent(normal, k -> k),
          promisedDate == null && promisedAmount == null
              ? null
              : new Attempts.Promise(promisedDate, promisedAmount));
      size++;
    }

    ContactHistory build() {
      if (size == 0) {
        return EMPTY;
      }
      for (Attempts[] byChannel : byLoan.values()) {
        for (Attempts a : byChannel) {
          if (a != null) {
            a.seal();
          }
        }
      }
      return new ContactHistory(byLoan, size);
    }
  }
}
