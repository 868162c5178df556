/**
 * A client for the outreach API over the JDK {@link java.net.http.HttpClient}: {@link
 * dev.outreach.http.client.OutreachClient} sends one request per call and returns a value that says
 * whether phones may have rung ({@link dev.outreach.http.client.InitiationOutcome} for initiate
 * endpoints, {@link dev.outreach.http.client.ApiOutcome} for the others).
 */
package dev.outreach.http.client;
