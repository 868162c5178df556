package dev.outreach.http.execute;

/**
 * What the API says about a request whose outcome was unknown.
 *
 * @param tookEffect {@code true} it did, {@code false} it did not, {@code null} the API could not
 *     tell
 */
record Reconciliation(Boolean tookEffect, String message) {}
