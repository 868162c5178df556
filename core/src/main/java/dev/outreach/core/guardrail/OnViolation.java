package dev.outreach.core.guardrail;

/** What happens to a contact that breaks a guardrail (the do-not-contact list always blocks). */
public enum OnViolation {
  /**
   * Move it to the earliest allowed time within the policy's horizon; drop it when there is none.
   */
  MOVE,
  /**
   * Drop it. A contact whose own window still has allowed time left (a window 06:00–10:00 with
   * calling hours from 08:00) is narrowed to that time rather than dropped: it still happens when
   * the rule asked.
   */
  DROP
}
