/**
 * An in-process fake of the outreach API's initiate endpoints on loopback, for tests and demos:
 * {@link dev.outreach.http.sandbox.SandboxServer} selects customers with the documented filter semantics
 * and records every {@link dev.outreach.http.sandbox.Initiation} instead of ringing phones.
 */
package dev.outreach.http.sandbox;
