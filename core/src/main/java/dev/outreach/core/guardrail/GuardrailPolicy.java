package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Policy the rules cannot break, applied to every planned contact by {@link Guardrails}. Immutable;
 * start from a preset ({@link #defaults()}, {@link #usRegF()}, {@link #none()}) and change it with
 * {@link #toBuilder()}, or {@link #read(Path) read} a policy file.
 *
 * <p>Days and hours are the customer's local ones (its {@code timezone} attribute, else the plan's
 * zone).
 *
 * @param hours the allowed local hours per channel; a channel without an entry may be used at any
 *     hour
 * @param workingDays the days of the week contacts may be made on; never empty
 * @param holidays local dates no contact is made on
 * @param doNotContact loan ids never contacted, on any channel
 * @param caps frequency caps over the contact history
 * @param coolOffs cool-offs after a conversation, over the contact history
 * @param onViolation whether a contact that breaks a guardrail is moved or dropped
 * @param horizonDays how many days after its own day a contact may be moved (0 to 366); past that
 *     it is dropped
 * @param capacity the most contacts per channel per day of the plan's zone that the plan's
 *     initiation steps may make (a channel without an entry has no limit); filled in order of
 *     priority, then score, then loan id, the rest moved to the next day with room or dropped at
 *     the horizon
 * @param sharedCaps caps counting several channels together (calls and texts, say)
 * @param jurisdictions a policy per jurisdiction (a customer attribute such as {@code state}), for
 *     customers whose jurisdiction is listed
 * @param oncePerDay whether a customer is contacted at most once per channel per local day,
 *     counting the history (a contact wanted on a day that already has one moves to the next)
 * @param consent each customer's consent per channel (opt-outs, revocations, grants where needed),
 *     which no rule overrides
 */
public record GuardrailPolicy(
    Map<Channel, ContactHours> hours,
    Set<DayOfWeek> workingDays,
    Set<LocalDate> holidays,
    Set<String> doNotContact,
    List<FrequencyCap> caps,
    List<CoolOff> coolOffs,
    OnViolation onViolation,
    int horizonDays,
    Map<Channel, Integer> capacity,
    List<SharedCap> sharedCaps,
    Jurisdictions jurisdictions,
    boolean oncePerDay,
    Consent consent)
    implements java.io.Serializable {

  /** The default {@link #horizonDays()}: two weeks. */
  public static final int DEFAULT_HORIZON_DAYS = 14;

  private static final GuardrailPolicy NONE =
      new GuardrailPolicy(
          Map.of(),
          EnumSet.allOf(DayOfWeek.class),
          Set.of(),
          Set.of(),
          List.of(),
          List.of(),
          OnViolation.MOVE,
          DEFAULT_HORIZON_DAYS,
          Map.of(),
          List.of(),
          Jurisdictions.none(),
          false,
          Consent.none());

  public GuardrailPolicy {
    EnumMap<Channel, ContactHours> h = new EnumMap<>(Channel.class);
    Objects.requireNonNull(hours, "hours == null")
        .forEach(
            (channel, range) ->
                h.put(
                    Objects.requireNonNull(channel, "hours has a null channel"),
                    Objects.requireNonNull(range, "hours of " + channel + " == null")));
    hours = Collections.unmodifiableMap(h);
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    days.addAll(Objects.requireNonNull(workingDays, "workingDays == null"));
    if (days.isEmpty()) {
      throw new IllegalArgumentException(
          "workingDays is empty: there would be no day to contact anyone on");
    }
    workingDays = Collections.unmodifiableSet(days);
    holidays =
        Collections.unmodifiableSortedSet(
            new TreeSet<>(Objects.requireNonNull(holidays, "holidays == null")));
    doNotContact = Set.copyOf(Objects.requireNonNull(doNotContact, "doNotContact == null"));
    caps = List.copyOf(Objects.requireNonNull(caps, "caps == null"));
    coolOffs = List.copyOf(Objects.requireNonNull(coolOffs, "coolOffs == null"));
    Objects.requireNonNull(onViolation, "onViolation == null");
    if (horizonDays < 0 || horizonDays > 366) {
      throw new IllegalArgumentException("horizonDays " + horizonDays + " is not from 0 to 366");
    }
    EnumMap<Channel, Integer> c = new EnumMap<>(Channel.class);
    Objects.requireNonNull(capacity, "capacity == null")
        .forEach(
            (channel, perDay) -> {
              Objects.requireNonNull(channel, "capacity has a null channel");
              if (perDay == null || perDay < 1 || perDay > MAX_CAPACITY) {
                throw new IllegalArgumentException(
                    "capacity of " + channel + " " + perDay + " is not from 1 to " + MAX_CAPACITY);
              }
              c.put(channel, perDay);
            });
    capacity = Collections.unmodifiableMap(c);
    sharedCaps = List.copyOf(Objects.requireNonNull(sharedCaps, "sharedCaps == null"));
    Objects.requireNonNull(jurisdictions, "jurisdictions == null");
    Objects.requireNonNull(consent, "consent == null");
  }

  /** The most a channel's daily capacity may be. */
  public static final int MAX_CAPACITY = 100_000_000;

  /** The daily capacity of {@code channel}, or empty when it has no limit. */
  public java.util.OptionalInt capacityOf(Channel channel) {
    Integer c = capacity.get(channel);
    return c == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(c);
  }

  /** Nothing restricted: every hour of every day, no caps, no list. For tests and old behaviour. */
  public static GuardrailPolicy none() {
    return NONE;
  }

  /**
   * India, the RBI's Fair Practices Code: calls, SMS and WhatsApp messages only between 08:00 and
   * 19:00 local time, on any day. The code names calling hours; messages get the same window,
   * because a reminder at night is what customers complain about. Add working days, holidays, caps
   * and a do-not-contact list for your own practice.
   */
  public static GuardrailPolicy defaults() {
    ContactHours rbi = ContactHours.of("08:00", "19:00");
    return builder()
        .hours(Channel.CALL, rbi)
        .hours(Channel.SMS, rbi)
        .hours(Channel.WHATSAPP, rbi)
        .build();
  }

  /**
   * The US Regulation F (12 CFR 1006): every channel only between 08:00 and 21:00 local time (the
   * "inconvenient time" rule), at most 7 calls in 7 days, and no call within 7 days after a call
   * whose outcome is {@code conversation}.
   */
  public static GuardrailPolicy usRegF() {
    ContactHours regF = ContactHours.of("08:00", "21:00");
    return builder()
        .hours(Channel.CALL, regF)
        .hours(Channel.SMS, regF)
        .hours(Channel.WHATSAPP, regF)
        .cap(FrequencyCap.days(Channel.CALL, 7, 7))
        .coolOff(CoolOff.days(Channel.CALL, 7, "conversation"))
        .build();
  }

  /**
   * The preset named {@code name} ({@code rbi}, {@code us-reg-f}, {@code us}, {@code us-fl}, {@code
   * us-wa}, {@code us-ma}, {@code none}), or {@code null} for another name.
   */
  public static GuardrailPolicy preset(String name) {
    switch (name) {
      case "rbi":
        return defaults();
      case "us-reg-f":
        return usRegF();
      case "us":
        return us();
      case "us-fl":
        return usFlorida();
      case "us-wa":
        return usWashington();
      case "us-ma":
        return usMassachusetts();
      case "none":
        return none();
      default:
        return null;
    }
  }

  /**
   * Florida: Regulation F ({@link #usRegF()}) and the Florida Consumer Collection Practices Act, §
   * 559.72(17), Florida Statutes: no communication with the debtor between 9 p.m. and 8 a.m. in
   * their time zone without their consent. The hours are Regulation F's (08:00–21:00).
   */
  public static GuardrailPolicy usFlorida() {
    return usRegF();
  }

  /**
   * Washington: Regulation F ({@link #usRegF()}) and RCW 19.16.250: more than three communications
   * with the debtor in a week, or more than two calls or texts to their mobile in a day, are
   * presumed harassment, and no communication at their home before 7:30 a.m. or after 9 p.m. So: at
   * most 3 contacts on any channel in 7 days and at most 2 calls or SMS in a day (both counted
   * together across channels), within Regulation F's 08:00–21:00, which is stricter in the morning.
   */
  public static GuardrailPolicy usWashington() {
    return usRegF().toBuilder()
        .sharedCap(SharedCap.days(EnumSet.allOf(Channel.class), 3, 7))
        .sharedCap(SharedCap.days(EnumSet.of(Channel.CALL, Channel.SMS), 2, 1))
        .build();
  }

  /**
   * Massachusetts: Regulation F ({@link #usRegF()}) and 940 CMR 7.04(1)(f): no more than two
   * communications by telephone (calls, texts, recorded messages) in each seven-day period to the
   * debtor's residence or mobile; calls within 08:00–21:00. So: at most 2 calls or SMS in 7 days,
   * counted together.
   */
  public static GuardrailPolicy usMassachusetts() {
    return usRegF().toBuilder()
        .sharedCap(SharedCap.days(EnumSet.of(Channel.CALL, Channel.SMS), 2, 7))
        .build();
  }

  /**
   * The United States: Regulation F for everyone ({@link #usRegF()}), and by the customer's {@code
   * state} attribute ({@code FL}, {@code WA}, {@code MA}) the stricter rules of Florida ({@link
   * #usFlorida()}), Washington ({@link #usWashington()}) and Massachusetts ({@link
   * #usMassachusetts()}).
   */
  public static GuardrailPolicy us() {
    return usRegF().toBuilder()
        .jurisdictions(
            new Jurisdictions(
                "state", Map.of("FL", usFlorida(), "WA", usWashington(), "MA", usMassachusetts())))
        .build();
  }

  /**
   * Reads a policy file: a JSON object whose keys are all optional.
   *
   * <pre>{@code
   * { "preset": "us-reg-f",
   *   "hours": { "CALL": {"from": "08:00", "to": "19:00"}, "SMS": {"from": "09:00", "to": "20:00"}, "WHATSAPP": null },
   *   "workingDays": ["MON", "TUE", "WED", "THU", "FRI", "SAT"],
   *   "holidays": ["2025-08-15", "2025-10-02"],
   *   "doNotContact": "dnc.txt",
   *   "caps": [ {"channel": "CALL", "max": 7, "days": 7} ],
   *   "coolOff": [ {"channel": "CALL", "afterOutcomes": ["conversation"], "days": 7} ],
   *   "onViolation": "MOVE",
   *   "horizonDays": 14,
   *   "capacity": { "CALL": 5000 },
   *   "consent": { "file": "consent.csv", "optOutColumns": { "SMS": "sms_opt_out" }, "required": ["CALL"] } }
   * }</pre>
   *
   * <ul>
   *   <li>{@code preset}: {@code rbi} ({@link #defaults()}, also when absent), {@code us-reg-f}
   *       ({@link #usRegF()}) or {@code none} ({@link #none()}). The other keys override it.
   *   <li>{@code hours}: per channel, local {@code HH:mm} hours; {@code null} allows any hour.
   *       Channels not named keep the preset's hours.
   *   <li>{@code workingDays} ({@code MON} or {@code MONDAY}, any case), {@code holidays} ({@code
   *       YYYY-MM-DD}), {@code caps} and {@code coolOff} replace the preset's.
   *   <li>{@code doNotContact}: a text file, relative to the policy file, with one loan id per
   *       line; blank lines and lines starting with {@code #} are ignored.
   *   <li>{@code onViolation}: {@code MOVE} or {@code DROP}; {@code horizonDays}: 0 to 366.
   *   <li>{@code capacity}: per channel, the most contacts a day (1 to 100,000,000).
   *   <li>{@code consent}: a consent file ({@link Consent#read}, relative to the policy file),
   *       opt-out columns of the portfolio per channel, and the channels that need an opt-in.
   * </ul>
   *
   * <p>Channel names and values are read in any case; keys are exact, and an unknown key is a
   * problem.
   *
   * @throws GuardrailFileException listing every problem, each with its line and key path, e.g.
   *     {@code policy.json:3: hours.CALL.from: "8am" is not a time as HH:mm}
   * @throws IOException when the policy file cannot be read
   */
  public static GuardrailPolicy read(Path file) throws IOException, GuardrailFileException {
    return PolicyFile.read(file);
  }

  /** A builder starting from {@link #none()}. */
  public static GuardrailPolicyBuilder builder() {
    return new GuardrailPolicyBuilder(NONE);
  }

  /** A builder starting from this policy. */
  public GuardrailPolicyBuilder toBuilder() {
    return new GuardrailPolicyBuilder(this);
  }

  /** The allowed local hours of {@code channel}, or empty when it may be used at any hour. */
  public Optional<ContactHours> hoursOf(Channel channel) {
    return Optional.ofNullable(hours.get(channel));
  }

  /** Whether contacts may be made on {@code day}: a working day and not a holiday. */
  public boolean isContactDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /** A summary: the do-not-contact list is counted, not listed. */
  @Override
  public String toString() {
    return "GuardrailPolicy[hours="
        + hours
        + ", workingDays="
        + workingDays
        + ", holidays="
        + holidays
        + ", doNotContact="
        + doNotContact.size()
        + " loans, caps="
        + caps
        + ", coolOffs="
        + coolOffs
        + ", onViolation="
        + onViolation
        + ", horizonDays="
        + horizonDays
        + ", capacity="
        + capacity
        + ", sharedCaps="
        + sharedCaps
        + ", jurisdictions="
        + jurisdictions.policies().keySet()
        + ", oncePerDay="
        + oncePerDay
        + ", consent="
        + consent
        + "]";
  }
}
