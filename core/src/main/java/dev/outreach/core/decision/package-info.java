/**
 * Decisions as the planner reads them: {@link dev.outreach.core.decision.Contact} and {@link
 * dev.outreach.core.decision.Suppression}, produced by any {@link
 * dev.outreach.core.decision.DecisionSource} (Drools rules or plain Java).
 */
package dev.outreach.core.decision;
