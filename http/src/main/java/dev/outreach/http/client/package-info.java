/**
 * A client for the outreach API over the JDK {@link java.net.http.HttpClient}: {@link
 * dev.outreach.http.client.OutreachClient} sends one request per call and returns one {@link
 * dev.outreach.http.client.ApiOutcome} for every endpoint, which says whether phones may have rung
 * and whether the request provably had no effect.
 */
package dev.outreach.http.client;
