package dev.outreach.core.guardrail;

import dev.outreach.core.Channel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link GuardrailPolicy}, starting from {@link GuardrailPolicy#builder()} (nothing
 * restricted) or from a preset's {@link GuardrailPolicy#toBuilder()}. The defaults below are those
 * of {@link GuardrailPolicy#none()}. Values are checked when set, so a mistake fails where it is
 * made.
 */
public final class GuardrailPolicyBuilder {
  private final Map<Channel, ContactHours> hours = new EnumMap<>(Channel.class);
  private Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;
  private Set<String> doNotContact;
  private final List<FrequencyCap> caps;
  private final List<SharedCap> sharedCaps;
  private final List<CoolOff> coolOffs;
  private OnViolation onViolation;
  private int horizonDays;
  private Consent consent;
  private Jurisdictions jurisdictions;
  private boolean oncePerDay;
  private final java.util.EnumMap<Channel, Integer> capacity =
      new java.util.EnumMap<>(Channel.class);

  GuardrailPolicyBuilder(GuardrailPolicy from) {
    hours.putAll(from.hours());
    workingDays = from.workingDays();
    holidays = new TreeSet<>(from.holidays());
    doNotContact = from.doNotContact();
    caps = new ArrayList<>(from.caps());
    sharedCaps = new ArrayList<>(from.sharedCaps());
    coolOffs = new ArrayList<>(from.coolOffs());
    onViolation = from.onViolation();
    horizonDays = from.horizonDays();
    capacity.putAll(from.capacity());
    consent = from.consent();
    jurisdictions = from.jurisdictions();
    oncePerDay = from.oncePerDay();
  }

  /** Allows {@code channel} only within {@code range}, local time. Default: any hour. */
  public GuardrailPolicyBuilder hours(Channel channel, ContactHours range) {
    hours.put(
        Objects.requireNonNull(channel, "channel == null"),
        Objects.requireNonNull(range, "range == null"));
    return this;
  }

  /** Allows {@code channel} only from {@code from} to {@code to}, local time. Default: any hour. */
  public GuardrailPolicyBuilder hours(Channel channel, LocalTime from, LocalTime to) {
    return hours(channel, new ContactHours(from, to));
  }

  /** Allows {@code channel} at any hour (removes its hours). This is the default. */
  public GuardrailPolicyBuilder anyHour(Channel channel) {
    hours.remove(Objects.requireNonNull(channel, "channel == null"));
    return this;
  }

  /** The days of the week contacts may be made on; at least one. Default: all seven. */
  public GuardrailPolicyBuilder workingDays(Collection<DayOfWeek> days) {
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    set.addAll(Objects.requireNonNull(days, "days == null"));
    if (set.isEmpty()) {
      throw new IllegalArgumentException(
          "workingDays is empty: there would be no day to contact anyone on");
    }
    workingDays = set;
    return this;
  }

  /** The days of the week contacts may be made on; at least one. Default: all seven. */
  public GuardrailPolicyBuilder workingDays(DayOfWeek... days) {
    return workingDays(Arrays.asList(days));
  }

  /** Replaces the holiday calendar (local dates). Default: no holidays. */
  public GuardrailPolicyBuilder holidays(Collection<LocalDate> dates) {
    holidays.clear();
    holidays.addAll(Objects.requireNonNull(dates, "dates == null"));
    return this;
  }

  /** Adds one holiday (a local date). Default: no holidays. */
  public GuardrailPolicyBuilder holiday(LocalDate date) {
    holidays.add(Objects.requireNonNull(date, "date == null"));
    return this;
  }

  /** Replaces the do-not-contact list: loan ids never contacted. Default: empty. */
  public GuardrailPolicyBuilder doNotContact(Collection<String> loanIds) {
    doNotContact = Set.copyOf(Objects.requireNonNull(loanIds, "loanIds == null"));
    return this;
  }

  /** Replaces the caps that count several channels together. Default: none. */
  public GuardrailPolicyBuilder sharedCaps(Collection<SharedCap> list) {
    sharedCaps.clear();
    sharedCaps.addAll(List.copyOf(list));
    return this;
  }

  /** Adds a cap counting several channels together. */
  public GuardrailPolicyBuilder sharedCap(SharedCap cap) {
    sharedCaps.add(Objects.requireNonNull(cap, "cap == null"));
    return this;
  }

  /** Replaces the frequency caps. Default: none. */
  public GuardrailPolicyBuilder caps(Collection<FrequencyCap> list) {
    caps.clear();
    caps.addAll(List.copyOf(list));
    return this;
  }

  /** Adds a frequency cap. Default: none. */
  public GuardrailPolicyBuilder cap(FrequencyCap cap) {
    caps.add(Objects.requireNonNull(cap, "cap == null"));
    return this;
  }

  /** Replaces the cool-offs after a conversation. Default: none. */
  public GuardrailPolicyBuilder coolOffs(Collection<CoolOff> list) {
    coolOffs.clear();
    coolOffs.addAll(List.copyOf(list));
    return this;
  }

  /** Adds a cool-off after a conversation. Default: none. */
  public GuardrailPolicyBuilder coolOff(CoolOff coolOff) {
    coolOffs.add(Objects.requireNonNull(coolOff, "coolOff == null"));
    return this;
  }

  /**
   * Whether a contact that breaks a guardrail is moved or dropped. Default: {@link
   * OnViolation#MOVE}.
   */
  public GuardrailPolicyBuilder onViolation(OnViolation v) {
    onViolation = Objects.requireNonNull(v, "onViolation == null");
    return this;
  }

  /**
   * How many days after its own day a contact may be moved, 0 to 366; past that it is dropped.
   * Default: {@value GuardrailPolicy#DEFAULT_HORIZON_DAYS}.
   */
  public GuardrailPolicyBuilder horizonDays(int days) {
    if (days < 0 || days > 366) {
      throw new IllegalArgumentException("horizonDays " + days + " is not from 0 to 366");
    }
    horizonDays = days;
    return this;
  }

  /**
   * At most {@code perDay} contacts on {@code channel} per day of the plan's zone (1 to {@value
   * GuardrailPolicy#MAX_CAPACITY}), e.g. a voice agent's concurrency times its hours. Default: no
   * limit.
   */
  public GuardrailPolicyBuilder capacity(Channel channel, int perDay) {
    if (perDay < 1 || perDay > GuardrailPolicy.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity " + perDay + " is not from 1 to " + GuardrailPolicy.MAX_CAPACITY);
    }
    capacity.put(Objects.requireNonNull(channel, "channel == null"), perDay);
    return this;
  }

  /** No daily capacity on {@code channel}. */
  public GuardrailPolicyBuilder noCapacityLimit(Channel channel) {
    capacity.remove(Objects.requireNonNull(channel, "channel == null"));
    return this;
  }

  /**
   * Each customer's consent per channel, which no rule overrides. Default: {@link Consent#none}.
   */
  public GuardrailPolicyBuilder consent(Consent consent) {
    this.consent = Objects.requireNonNull(consent, "consent == null");
    return this;
  }

  /** A policy per jurisdiction. Default: {@link Jurisdictions#none}. */
  public GuardrailPolicyBuilder jurisdictions(Jurisdictions jurisdictions) {
    this.jurisdictions = Objects.requireNonNull(jurisdictions, "jurisdictions == null");
    return this;
  }

  /**
   * Whether a customer is contacted at most once per channel per local day, counting the history.
   * Default: {@code false}.
   */
  public GuardrailPolicyBuilder oncePerDay(boolean once) {
    this.oncePerDay = once;
    return this;
  }

  public GuardrailPolicy build() {
    return new GuardrailPolicy(
        hours,
        workingDays,
        holidays,
        doNotContact,
        caps,
        coolOffs,
        onViolation,
        horizonDays,
        capacity,
        sharedCaps,
        jurisdictions,
        oncePerDay,
        consent);
  }
}
