package dev.outreach.core.guardrail;

/** The guardrails a contact can break. The names are stable codes for plan warnings and reports. */
public enum Guardrail {
  /** Outside the channel's allowed local hours (for calls: the calling hours). */
  CALLING_HOURS,
  /** On a day of the week that is not a working day. */
  WORKING_DAYS,
  /** On a holiday of the policy's calendar. */
  HOLIDAY,
  /** The loan is on the do-not-contact list: it is never contacted, on any channel. */
  DO_NOT_CONTACT,
  /** Too many attempts on the channel within a period (e.g. 7 calls in 7 days). */
  FREQUENCY_CAP,
  /** Too soon after a conversation on the channel (e.g. no call within 7 days after one). */
  COOL_OFF,
  /**
   * The customer was already contacted on the channel that local day (the policy's {@code
   * oncePerDay}, which the daily cycle always sets, so a second run on a day sends nothing twice).
   */
  ONCE_A_DAY
}
