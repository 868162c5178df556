/**
 * A client for the outreach API's initiate endpoints over the JDK {@link java.net.http.HttpClient}:
 * {@link dev.outreach.http.client.OutreachClient} sends one request and returns an
 * {@link dev.outreach.http.client.InitiationOutcome}, a value that says whether phones may have rung.
 */
package dev.outreach.http.client;
