/**
 * Guardrails: policy the rules cannot break. Contact hours in each customer's own time zone,
 * working days, holidays, a do-not-contact list, and frequency caps and cool-offs over a contact
 * history (RBI's Fair Practices Code, the US Regulation F). {@link
 * dev.outreach.core.guardrail.Guardrails#check} turns each planned contact into a {@link
 * dev.outreach.core.guardrail.Verdict}: allowed, moved to the next allowed time, or blocked, always
 * with a reason a collections manager can read.
 */
package dev.outreach.core.guardrail;
