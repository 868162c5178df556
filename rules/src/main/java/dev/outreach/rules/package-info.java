/**
 * Drools rules as a {@link dev.outreach.core.decision.DecisionSource}: {@link
 * dev.outreach.rules.RuleSet} compiles DRL and evaluates portfolios; {@link
 * dev.outreach.rules.Decision} and {@link dev.outreach.rules.Today} are what rule authors write
 * against.
 */
package dev.outreach.rules;
