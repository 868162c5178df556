/**
 * The execution journal: an append-only, fsynced file of JSON lines written before and after every
 * send, so that a run killed at any point can be resumed without sending again anything that may
 * have been sent ({@link dev.outreach.http.journal.Journal}, {@link
 * dev.outreach.http.journal.StepHistory}).
 */
package dev.outreach.http.journal;
