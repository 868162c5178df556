/**
 * Champion/challenger experiments: {@link dev.outreach.core.experiment.Experiment} assigns each
 * customer to an arm by a stable hash, so strategies can run side by side and be compared in the
 * plan.
 */
package dev.outreach.core.experiment;
