/**
 * A stateful, in-process fake of the whole outreach API on loopback, for integration tests and
 * demos: {@link dev.outreach.sandbox.SandboxServer} serves campaigns (bulk add, the three initiate
 * endpoints with the documented filter semantics) and batch calls (their state machine and
 * idempotent create), plays {@link dev.outreach.sandbox.Fault injected faults}, and records every
 * {@link dev.outreach.sandbox.Initiation} instead of ringing phones.
 */
package dev.outreach.sandbox;
